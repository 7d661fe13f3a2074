// Azure credits: the balance summary and credit lots of an MCA billing profile, and commitment
// (MACC) lots at billing-account scope (Consumption, docs/azure-apis.md#credit-balance and
// #credit-lots).
//
// Not applicable: credits on a billing profile exist only for Microsoft Customer Agreement; EA and
// MOSP callers get `NotApplicableError('creditsNeedMcaProfile')` before any request. Account-scope
// commitment lots apply to MCA and EA, not to MOSP.
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { Listing, listing, ListingOptions } from '../azure/listing';
import type { AgreementType } from './models/account';
import { CreditBalance, CreditLot, parseBalanceSummary, parseLot } from './models/credit';
import { accountPath, profilePath } from './models/ids';
import { describeAgreement, NotApplicableError } from './notApplicable';
import { AccountRef } from './refs';

export interface CreditScope {
  accountName: string;
  profileName: string;
  /** The account's agreement type, when known: anything but MCA is refused before calling. */
  agreementType?: AgreementType;
}

export function requireMcaCredits(agreementType: AgreementType | undefined, where: string): void {
  if (agreementType === undefined || agreementType === 'MicrosoftCustomerAgreement') return;
  throw new NotApplicableError(
    'creditsNeedMcaProfile',
    `Azure credit balances, lots and credit events are kept per billing profile of a Microsoft Customer Agreement; ${where} has ${describeAgreement(agreementType)}.`,
    agreementType,
  );
}

function consumption(scopePath: string, what: string): string {
  return `${scopePath}/providers/Microsoft.Consumption/${what}`;
}

/** The profile's credit balance; `{ kind: 'noCredits' }` when Azure answers 204 (no credits). */
export async function getCreditBalance(transport: ArmTransport, scope: CreditScope, options: { signal?: AbortSignal } = {}): Promise<CreditBalance> {
  requireMcaCredits(scope.agreementType, `billing account '${scope.accountName}'`);
  const raw = await transport.get<unknown>(consumption(profilePath(scope.accountName, scope.profileName), 'credits/balanceSummary'), {
    query: { 'api-version': API.consumption },
    signal: options.signal,
  });
  if (raw === undefined) return { kind: 'noCredits' };
  return { kind: 'summary', summary: parseBalanceSummary(raw) };
}

/** The profile's credit lots (purchased and promotional credits), with start and expiry. */
export function listCreditLots(transport: ArmTransport, scope: CreditScope, options: ListingOptions = {}): Listing<CreditLot> {
  return listing(async function* () {
    requireMcaCredits(scope.agreementType, `billing account '${scope.accountName}'`);
    for await (const raw of transport.list<unknown>(consumption(profilePath(scope.accountName, scope.profileName), 'lots'), {
      query: { 'api-version': API.consumption },
      signal: options.signal,
    })) {
      yield parseLot(raw);
    }
  }, options);
}

export interface AccountLotsOptions extends ListingOptions {
  /** Only lots in this status (`Active`…); Azure compares case-insensitively. */
  status?: string;
  /** Only lots from this source (`ConsumptionCommitment` for MACC). */
  source?: string;
}

/** Quotes a value for an OData `$filter` (a quote inside is doubled). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Lots at billing-account scope: Microsoft Azure Consumption Commitments (MCA and direct EA). */
export function listAccountLots(transport: ArmTransport, account: AccountRef, options: AccountLotsOptions = {}): Listing<CreditLot> {
  return listing(async function* () {
    if (account.agreementType === 'MicrosoftOnlineServicesProgram') {
      throw new NotApplicableError(
        'creditsNeedMcaProfile',
        `Commitment lots exist for Microsoft Customer Agreement and Enterprise Agreement accounts; '${account.name}' has ${describeAgreement(account.agreementType)}.`,
        account.agreementType,
      );
    }
    const terms: string[] = [];
    if (options.status) terms.push(`status eq ${odataString(options.status)}`);
    if (options.source) terms.push(`source eq ${odataString(options.source)}`);
    for await (const raw of transport.list<unknown>(consumption(accountPath(account.name), 'lots'), {
      query: { 'api-version': API.consumption, $filter: terms.length ? terms.join(' AND ') : undefined },
      signal: options.signal,
    })) {
      yield parseLot(raw);
    }
  }, options);
}
