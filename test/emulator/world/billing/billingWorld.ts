// Lookups over the billing structure and the lazily computed books, as the routes need them.
// Names are matched case-insensitively, as ARM matches resource names.
import type { UsageCosts, WorldSubscription, WorldTenant } from '../types';
import { BookContext, commitmentBook, enrollmentInvoices, ProfileBook, profileBook, subscriptionInvoices } from './books';
import type { WorldBillingAccount, WorldBillingProfile, WorldCredits, WorldInvoice, WorldInvoiceSection } from './types';

function memo<K, V>(make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) { cache.set(key, make(key)); }
    return cache.get(key) as V;
  };
}

export class BillingWorld {
  private readonly byName = new Map<string, WorldBillingAccount>();
  private readonly subById = new Map<string, WorldSubscription>();
  private readonly ctx: BookContext;

  constructor(
    readonly tenants: readonly WorldTenant[],
    readonly accounts: readonly WorldBillingAccount[],
    subscriptions: readonly WorldSubscription[],
    seed: number,
    asOf: string,
    usage: UsageCosts,
  ) {
    for (const a of accounts) { this.byName.set(a.name.toLowerCase(), a); }
    for (const s of subscriptions) { this.subById.set(s.subscriptionId.toLowerCase(), s); }
    this.ctx = { seed, asOf, usage };
  }

  /** Accounts the caller of `tenantId` can see: those of its tenant, when it holds a billing role. */
  visibleAccounts(tenantId: string | undefined): WorldBillingAccount[] {
    const tenant = this.tenants.find((t) => t.tenantId === tenantId);
    if (!tenant || !tenant.hasBillingRole) { return []; }
    return this.accounts.filter((a) => a.tenantId === tenant.tenantId);
  }

  /** The account when it exists and the caller may see it. */
  visibleAccount(tenantId: string | undefined, name: string): WorldBillingAccount | undefined {
    const account = this.byName.get(name.toLowerCase());
    return account && this.visibleAccounts(tenantId).includes(account) ? account : undefined;
  }

  account(name: string): WorldBillingAccount | undefined {
    return this.byName.get(name.toLowerCase());
  }

  subscription(subscriptionId: string): WorldSubscription | undefined {
    return this.subById.get(subscriptionId.toLowerCase());
  }

  profile(account: WorldBillingAccount, name: string): WorldBillingProfile | undefined {
    return account.profiles.find((p) => p.name.toLowerCase() === name.toLowerCase());
  }

  section(profile: WorldBillingProfile, name: string): WorldInvoiceSection | undefined {
    return profile.sections.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  readonly profileBook = memo((profile: WorldBillingProfile): ProfileBook => profileBook(this.ctx, this.byName.get(profile.accountName.toLowerCase()) as WorldBillingAccount, profile));

  /** Undefined when the profile has no credit lots. */
  credits(profile: WorldBillingProfile): WorldCredits | undefined {
    return this.profileBook(profile).credits;
  }

  readonly commitment = memo((account: WorldBillingAccount): WorldCredits | undefined => commitmentBook(this.ctx, account, (p) => this.profileBook(p)));

  readonly subscriptionInvoices = memo((sub: WorldSubscription): WorldInvoice[] => {
    const account = this.byName.get(sub.billingAccountName.toLowerCase());
    return account && account.agreementType === 'MicrosoftOnlineServicesProgram' ? subscriptionInvoices(this.ctx, account, sub) : [];
  });

  private readonly enrollmentInvoices = memo((account: WorldBillingAccount) => enrollmentInvoices(this.ctx, account));

  /** Every invoice of an account, in date order. */
  invoicesOfAccount(account: WorldBillingAccount): WorldInvoice[] {
    let invoices: WorldInvoice[];
    if (account.agreementType === 'MicrosoftCustomerAgreement') { invoices = account.profiles.flatMap((p) => this.profileBook(p).invoices); }
    else if (account.agreementType === 'EnterpriseAgreement') { invoices = this.enrollmentInvoices(account); }
    else { invoices = account.subscriptions.flatMap((s) => this.subscriptionInvoices(s)); }
    return [...invoices].sort((a, b) => (a.invoiceDate < b.invoiceDate ? -1 : a.invoiceDate > b.invoiceDate ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  invoicesOfProfile(profile: WorldBillingProfile): WorldInvoice[] {
    return this.profileBook(profile).invoices;
  }

  /** Charges of one subscription over [from, to], rounded once to cents. */
  subscriptionChargesCents(sub: WorldSubscription, from: string, to: string): number {
    return to < from ? 0 : Math.round(this.ctx.usage.costBetween(sub.subscriptionId, from, to) * 100);
  }

  get asOf(): string {
    return this.ctx.asOf;
  }
}
