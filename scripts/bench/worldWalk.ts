// The walk the benchmark times: everything a person's billing tree holds, through src/billing/.
// MCA accounts go account → profile → invoice section → subscriptions, with each profile's credit
// balance, lots and invoices beside; EA and pay-as-you-go accounts list their subscriptions and
// invoices directly. Calls that do not apply to an agreement are counted, not failed.
import type { ArmTransport } from '../../src/azure/transport';
import { listBillingAccounts } from '../../src/billing/accounts';
import { getCreditBalance, listCreditLots } from '../../src/billing/credits';
import { listInvoicesByAccount, listInvoicesByProfile, listInvoicesBySubscription } from '../../src/billing/invoices';
import { listInvoiceSections } from '../../src/billing/invoiceSections';
import type { Listing } from '../../src/azure/listing';
import type { BillingAccount } from '../../src/billing/models/account';
import type { BillingProfile } from '../../src/billing/models/profile';
import { isNotApplicable } from '../../src/billing/notApplicable';
import { listBillingProfiles } from '../../src/billing/profiles';
import { hasBillingProfiles } from '../../src/billing/refs';
import { listSubscriptionsByAccount, listSubscriptionsByInvoiceSection } from '../../src/billing/subscriptions';

export interface WalkCounts {
  accounts: number;
  profiles: number;
  sections: number;
  subscriptions: number;
  creditBalances: number;
  noCredits: number;
  lots: number;
  invoices: number;
  notApplicable: number;
  failures: string[];
}

export interface WalkOptions {
  asOf: Date;
  /** Runs `fn` for every item with bounded parallelism, each as its own branch of the walk. */
  fanOut<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]>;
}

export async function walkWorld(transport: ArmTransport, options: WalkOptions): Promise<WalkCounts> {
  const counts: WalkCounts = { accounts: 0, profiles: 0, sections: 0, subscriptions: 0, creditBalances: 0, noCredits: 0, lots: 0, invoices: 0, notApplicable: 0, failures: [] };
  const { fanOut, asOf } = options;

  /** Runs one call; a not-applicable answer is counted, any other failure is recorded. */
  const guarded = async (what: string, call: () => Promise<void>) => {
    try {
      await call();
    } catch (e) {
      if (isNotApplicable(e)) counts.notApplicable++;
      else counts.failures.push(`${what}: ${(e as Error).message}`);
    }
  };
  const drain = async <T>(listing: Listing<T>, onItem: (item: T) => void = () => {}) => {
    for await (const item of listing) onItem(item);
  };

  const walkProfile = async (account: BillingAccount, profile: BillingProfile) => {
    counts.profiles++;
    const profileRef = { accountName: account.name, name: profile.name };
    const inline = profile.invoiceSections && !profile.invoiceSections.hasMoreResults ? profile.invoiceSections.items : undefined;
    const sections = inline ?? (await listInvoiceSections(transport, profileRef).all()).items;
    counts.sections += sections.length;
    const creditScope = { accountName: account.name, profileName: profile.name, agreementType: account.agreementType };
    await fanOut<() => Promise<void>, void>([
      ...sections.map((s) => () => guarded(`subscriptions of ${s.name}`, () =>
        drain(listSubscriptionsByInvoiceSection(transport, { accountName: account.name, profileName: profile.name, name: s.name }), () => counts.subscriptions++))),
      () => guarded(`credit balance of ${profile.name}`, async () => {
        const balance = await getCreditBalance(transport, creditScope);
        if (balance.kind === 'noCredits') counts.noCredits++;
        else counts.creditBalances++;
      }),
      () => guarded(`lots of ${profile.name}`, () => drain(listCreditLots(transport, creditScope), () => counts.lots++)),
      () => guarded(`invoices of ${profile.name}`, () => drain(listInvoicesByProfile(transport, profileRef, { asOf }), () => counts.invoices++)),
    ], (run) => run());
  };

  const walkAccount = async (account: BillingAccount) => {
    counts.accounts++;
    if (hasBillingProfiles(account.agreementType)) {
      const inline = account.billingProfiles && !account.billingProfiles.hasMoreResults ? account.billingProfiles.items : undefined;
      const profiles = inline ?? (await listBillingProfiles(transport, account).all()).items;
      await fanOut(profiles, (p) => guarded(`profile ${p.name}`, () => walkProfile(account, p)));
      return;
    }
    const subscriptionIds: string[] = [];
    const listSubscriptions = () => guarded(`subscriptions of ${account.name}`, () => drain(listSubscriptionsByAccount(transport, account), (s) => {
      counts.subscriptions++;
      if (s.subscriptionId) subscriptionIds.push(s.subscriptionId);
    }));
    if (account.agreementType === 'MicrosoftOnlineServicesProgram') {
      // Pay-as-you-go invoices live under each subscription, so they wait for the subscription list.
      await listSubscriptions();
      await fanOut(subscriptionIds, (id) => guarded(`invoices of ${id}`, () => drain(listInvoicesBySubscription(transport, id, { asOf }), () => counts.invoices++)));
      return;
    }
    await fanOut<() => Promise<void>, void>([
      listSubscriptions,
      () => guarded(`invoices of ${account.name}`, () => drain(listInvoicesByAccount(transport, account, { asOf }), () => counts.invoices++)),
    ], (run) => run());
  };

  const { accounts } = await listBillingAccounts(transport);
  await fanOut(accounts, (a) => guarded(`account ${a.name}`, () => walkAccount(a)));
  return counts;
}
