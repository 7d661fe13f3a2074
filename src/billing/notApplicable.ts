// "Does not apply" is an answer, not a failure: billing profiles exist only for Microsoft Customer
// Agreement accounts, credits only for MCA billing profiles, RateCard not for EA offers, and so on.
//
// Decision for the whole `billing/` layer: such calls throw `NotApplicableError` — before any
// request when the agreement type is already known, or when the service answers in the way it does
// for the wrong agreement type (e.g. 400 "Invalid billing account name" for EA on 2020-05-01).
// Lists are async iterables, and an iterable cannot return a union, so an error a view can catch
// and turn into a "does not apply, because…" node is the one shape that works for every call.
// `reason` is a stable code for translated messages; `message` is plain English for logs.
import type { AgreementType } from './models/account';

export type NotApplicableReason =
  | 'billingProfilesNeedMca' // profiles and invoice sections: MCA/MPA only
  | 'creditsNeedMcaProfile' // credits balance, lots and events on a billing profile: MCA only
  | 'enrollmentStructureNeedsEa' // departments and enrollment accounts: EA only
  | 'invoicesNotForAgreement' // the chosen invoice route does not serve this agreement type
  | 'rateCardNotForOffer' // RateCard: not for EA / CSP offers
  | 'usageAggregatesNotForOffer'; // UsageAggregates: not for EA / CSP subscriptions

export class NotApplicableError extends Error {
  override readonly name = 'NotApplicableError';
  constructor(
    readonly reason: NotApplicableReason,
    message: string,
    readonly agreementType?: AgreementType,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

export function isNotApplicable(error: unknown): error is NotApplicableError {
  return error instanceof NotApplicableError;
}

const AGREEMENT_NAMES: Record<string, string> = {
  MicrosoftCustomerAgreement: 'a Microsoft Customer Agreement',
  EnterpriseAgreement: 'an Enterprise Agreement',
  MicrosoftOnlineServicesProgram: 'a Microsoft Online Services Program (pay-as-you-go) agreement',
  MicrosoftPartnerAgreement: 'a Microsoft Partner Agreement',
};

/** "an Enterprise Agreement", for messages. */
export function describeAgreement(agreementType: AgreementType | undefined): string {
  if (!agreementType) { return 'an agreement of unknown type'; }
  return AGREEMENT_NAMES[agreementType] ?? `a '${agreementType}' agreement`;
}

/** The HTTP status of an error from the transport, whatever class it is. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) { return undefined; }
  const s = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  return typeof s === 'number' ? s : undefined;
}

/** The ARM error code of an error from the transport (`InvalidBillingAccountName`, `BadRequest`…). */
export function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) { return undefined; }
  const c = (error as { code?: unknown }).code;
  return typeof c === 'string' ? c : undefined;
}
