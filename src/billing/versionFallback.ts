// Some calls have a preferred api-version and a second one that serves the same data (EA routes on
// 2019-10-01-preview vs 2024-04-01). When the service says the version is not supported for that
// resource (400 `InvalidApiVersionParameter`, docs/azure-apis.md#version-fallback) the next version
// is tried; any other error is the answer.
import { codeOf, statusOf } from './notApplicable';

export function isUnsupportedApiVersion(error: unknown): boolean {
  return statusOf(error) === 400 && /^InvalidApiVersion/i.test(codeOf(error) ?? '');
}

/** Runs `attempt` with each version in turn until one is accepted. */
export async function withVersionFallback<T>(versions: readonly string[], attempt: (apiVersion: string) => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (const version of versions) {
    try {
      return await attempt(version);
    } catch (error) {
      if (!isUnsupportedApiVersion(error)) { throw error; }
      lastError = error;
    }
  }
  throw lastError;
}

/** The same for lists: falls back only if the first page was refused, never halfway through. */
export async function* listWithVersionFallback<T>(versions: readonly string[], open: (apiVersion: string) => AsyncIterable<T>): AsyncIterable<T> {
  let lastError: unknown;
  for (const version of versions) {
    let yielded = false;
    try {
      for await (const item of open(version)) {
        yielded = true;
        yield item;
      }
      return;
    } catch (error) {
      if (yielded || !isUnsupportedApiVersion(error)) { throw error; }
      lastError = error;
    }
  }
  throw lastError;
}
