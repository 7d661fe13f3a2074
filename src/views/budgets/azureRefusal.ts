// What Azure itself said when it refused a request: the message of its error body, without the
// method, path and status that AzureError puts in front (src/azure/errors.ts).
import { AzureError } from '../../azure/errors';

export function azureSaid(error: unknown): string | undefined {
  if (!(error instanceof AzureError)) { return undefined; }
  const match = /failed: \d{3}(?: [A-Za-z0-9_.]+)?: ([\s\S]*)$/.exec(error.message);
  return match ? match[1] : error.message;
}

export function isConflict(error: unknown): boolean {
  return error instanceof AzureError && error.kind === 'conflict';
}

export function isRefusal(error: unknown): boolean {
  return error instanceof AzureError && error.kind === 'badRequest';
}
