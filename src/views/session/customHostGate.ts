// A Custom cloud sends credentials (an ARM token, and for a service principal its client secret)
// to hosts that are not Microsoft's. Before the first credential leaves for such a host, the
// person is asked once, with the hosts named; the answer "Allow" is remembered per host. The gate
// sits in front of the token source, so no request of any feature can get past it. Plain logic;
// the question itself is asked by customHostConsent.ts.
import { isKnownAuthority, type CloudEndpoints } from '../../azure/clouds';
import { AzureError } from '../../azure/errors';
import type { TokenSource } from '../../azure/tokenSource';

export function originOf(url: string): string {
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

/** Where credentials of `cloud` go that are not a Microsoft cloud's: the ARM host, and the authority a secret is posted to. */
export function credentialOrigins(cloud: CloudEndpoints, secretAuthority?: string): string[] {
  if (cloud.name !== 'Custom') { return []; }
  const origins = [originOf(cloud.resourceManagerEndpoint)];
  if (secretAuthority && !isKnownAuthority(secretAuthority)) { origins.push(originOf(secretAuthority)); }
  return [...new Set(origins)];
}

export interface ConsentPort {
  /** Origins the person allowed before (or the environment names). */
  approved(): readonly string[];
  remember(origins: readonly string[]): Promise<void>;
  /** Asks the person; true when they allowed it. */
  ask(origins: readonly string[]): Promise<boolean>;
}

export class CustomHostNotAllowedError extends AzureError {
  constructor(origins: readonly string[]) {
    super({
      kind: 'auth',
      message: `Azure Billing sent no credentials to ${origins.join(', ')}: you did not allow that host. Run "Azure Billing: Sign In" to be asked again, or change azureBilling.customCloud.`,
    });
    this.name = 'CustomHostNotAllowedError';
  }
}

/**
 * `inner`, asking first when `origins` holds a host the person has not allowed. One question at
 * a time however many requests wait; a "no" holds for this token source (the session), so a tree
 * of many folders asks once, and Sign In (a new session) asks again.
 */
export function consentGatedTokenSource(inner: TokenSource, origins: readonly string[], port: ConsentPort): TokenSource {
  let decision: Promise<boolean> | undefined;
  const pending = () => origins.filter((o) => !port.approved().includes(o));
  return {
    kind: inner.kind,
    async getToken(scope, options) {
      const unapproved = pending();
      if (unapproved.length > 0) {
        decision ??= port.ask(unapproved).then(async (allowed) => {
          if (allowed) { await port.remember(unapproved); }
          return allowed;
        });
        if (!(await decision)) { throw new CustomHostNotAllowedError(unapproved); }
      }
      return inner.getToken(scope, options);
    },
  };
}

