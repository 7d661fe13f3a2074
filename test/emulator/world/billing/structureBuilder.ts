// Builds accounts, profiles, sections, departments, enrollment accounts and their subscriptions
// from small declarative specs. Every id comes from Random.of(seed, key, ...), so the same spec
// and seed give the same world, and the large world can reuse the same code.
import { Random } from '../random';
import type { WorldSubscription, WorldTenant } from '../types';
import { addDays, addMonths } from './calendar';
import { cityFor, enrollmentNumber, modernAccountName, numericName, partnerAccountName, profileStyleName } from './names';
import type { CreditPlan, WorldAddress, WorldBillingAccount, WorldBillingProfile, WorldDepartment, WorldEnrollmentAccount } from './types';

/** The Azure plan offers of a Microsoft Customer Agreement: standard and Dev/Test. */
export const AZURE_PLAN_OFFERS: ReadonlySet<string> = new Set(['MS-AZR-0017G', 'MS-AZR-0148G']);

export interface SubscriptionSpec {
  displayName: string;
  offerId: string;
  state?: WorldSubscription['state'];
  /** Months before the world's today that usage starts (default 20). */
  createdMonthsAgo?: number;
  /** Tenant of the subscription's directory when it differs from the account's. */
  tenantId?: string;
}

export interface ProfileSpec {
  displayName: string;
  currency: string;
  invoiceDay?: number;
  creditPlan?: CreditPlan;
  hasOverdueInvoice?: boolean;
  sections: Array<{ displayName: string; labels?: Record<string, string>; subscriptions: SubscriptionSpec[] }>;
}

export interface AccountSpecBase {
  key: string;
  tenant: WorldTenant;
  displayName: string;
  companyName: string;
  /** The date in an MCA/MOSP account name (`..._YYYY-MM-DD`); defaults to the creation date. */
  nameDate?: string;
  createdMonthsAgo?: number;
}

export interface McaSpec extends AccountSpecBase {
  hasCommitment?: boolean;
  profiles: ProfileSpec[];
}

export interface EaSpec extends AccountSpecBase {
  currency: string;
  departments: Array<{ displayName: string; costCenter: string; accounts: Array<{ owner: string; subscriptions: SubscriptionSpec[] }> }>;
}

export interface MospSpec extends AccountSpecBase {
  currency: string;
  subscriptions: SubscriptionSpec[];
}

/** A CSP partner's Microsoft Partner Agreement: customers (in their own tenants) and their subscriptions. */
export interface MpaSpec extends AccountSpecBase {
  currency: string;
  customers: Array<{ displayName: string; tenant: WorldTenant; subscriptions: SubscriptionSpec[] }>;
}

const COUNTRY_OF_CURRENCY: Record<string, string> = { USD: 'US', EUR: 'DE', GBP: 'GB', JPY: 'JP', CAD: 'CA', AUD: 'AU', CHF: 'CH', SEK: 'SE' };

export function countryOfCurrency(currency: string): string {
  return COUNTRY_OF_CURRENCY[currency] ?? 'US';
}

export class StructureBuilder {
  readonly accounts: WorldBillingAccount[] = [];
  readonly subscriptions: WorldSubscription[] = [];

  constructor(private readonly seed: number, private readonly asOf: string) {}

  private address(r: Random, company: string, country: string, email: string): WorldAddress {
    const place = cityFor(country, r);
    return { companyName: company, addressLine1: `${r.int(1, 999)} ${r.pick(['Main St', 'Harbour Rd', 'Market Sq', 'Station Ave', 'Lake View'])}`, city: place.city, region: place.region, postalCode: place.postalCode, country: place.country, email };
  }

  private account(spec: AccountSpecBase, name: string, agreementType: WorldBillingAccount['agreementType'], currency: string, country: string): WorldBillingAccount {
    const r = Random.of(this.seed, spec.key, 'account-details');
    const domain = spec.tenant.defaultDomain;
    const account: WorldBillingAccount = {
      name,
      tenantId: spec.tenant.tenantId,
      displayName: spec.displayName,
      agreementType,
      accountType: agreementType === 'MicrosoftOnlineServicesProgram' ? 'Individual' : agreementType === 'MicrosoftPartnerAgreement' ? 'Partner' : 'Enterprise',
      soldTo: this.address(r, spec.companyName, country, `billing@${domain}`),
      currency,
      createdDate: this.createdDate(spec.createdMonthsAgo ?? 30),
      profiles: [],
      departments: [],
      enrollmentAccounts: [],
      subscriptions: [],
      hasCommitment: false,
    };
    this.accounts.push(account);
    return account;
  }

  private createdDate(monthsAgo: number): string {
    return addMonths(this.asOf, -monthsAgo);
  }

  private subscription(account: WorldBillingAccount, spec: SubscriptionSpec, key: string[], currency: string, where: Partial<WorldSubscription>): WorldSubscription {
    const r = Random.of(this.seed, ...key, 'subscription');
    const sub: WorldSubscription = {
      subscriptionId: r.guid(),
      displayName: spec.displayName,
      tenantId: spec.tenantId ?? account.tenantId,
      offerId: spec.offerId,
      currency,
      regionInfo: countryOfCurrency(currency),
      agreementType: account.agreementType,
      billingAccountName: account.name,
      state: spec.state ?? 'Enabled',
      // Sign-up days differ, so pay-as-you-go billing periods start on different days of the month.
      createdDate: addDays(this.createdDate(spec.createdMonthsAgo ?? 20), -r.int(0, 27)),
      ...where,
    };
    account.subscriptions.push(sub);
    this.subscriptions.push(sub);
    return sub;
  }

  mca(spec: McaSpec): WorldBillingAccount {
    const r = Random.of(this.seed, spec.key, 'name');
    const created = this.createdDate(spec.createdMonthsAgo ?? 30);
    const account = this.account(spec, modernAccountName(r, spec.nameDate ?? created), 'MicrosoftCustomerAgreement', spec.profiles[0].currency, countryOfCurrency(spec.profiles[0].currency));
    account.hasCommitment = spec.hasCommitment ?? false;
    spec.profiles.forEach((p, pi) => {
      const pr = Random.of(this.seed, spec.key, 'profile', pi);
      const profile: WorldBillingProfile = {
        name: profileStyleName(pr),
        accountName: account.name,
        displayName: p.displayName,
        currency: p.currency,
        invoiceDay: p.invoiceDay ?? 5,
        billTo: this.address(pr, spec.companyName, countryOfCurrency(p.currency), `ap@${spec.tenant.defaultDomain}`),
        poNumber: `PO${numericName(pr, 6)}`,
        systemId: profileStyleName(pr),
        status: p.hasOverdueInvoice ? 'Warned' : 'Active',
        statusReasonCode: p.hasOverdueInvoice ? 'PastDue' : undefined,
        spendingLimit: 'Off',
        creditPlan: p.creditPlan ?? 'none',
        hasOverdueInvoice: p.hasOverdueInvoice ?? false,
        sections: [],
        subscriptions: [],
      };
      account.profiles.push(profile);
      p.sections.forEach((s, si) => {
        const sr = Random.of(this.seed, spec.key, 'profile', pi, 'section', si);
        const section = { name: profileStyleName(sr), accountName: account.name, profileName: profile.name, displayName: s.displayName, labels: s.labels ?? {}, systemId: profileStyleName(sr) };
        profile.sections.push(section);
        s.subscriptions.forEach((subSpec, ki) => {
          // A subscription billed through an MCA profile is on an Azure plan, in the profile's currency.
          if (!AZURE_PLAN_OFFERS.has(subSpec.offerId)) { throw new Error(`${subSpec.displayName}: a subscription under a Microsoft Customer Agreement is on an Azure plan, not ${subSpec.offerId}`); }
          const sub = this.subscription(account, subSpec, [spec.key, 'p', String(pi), 's', String(si), String(ki)], p.currency, { billingProfileName: profile.name, invoiceSectionName: section.name });
          profile.subscriptions.push(sub);
        });
      });
    });
    return account;
  }

  ea(spec: EaSpec): WorldBillingAccount {
    const account = this.account(spec, enrollmentNumber(Random.of(this.seed, spec.key, 'name')), 'EnterpriseAgreement', spec.currency, countryOfCurrency(spec.currency));
    spec.departments.forEach((d, di) => {
      const dr = Random.of(this.seed, spec.key, 'department', di);
      const department: WorldDepartment = { name: numericName(dr, 6), accountName: account.name, displayName: d.displayName, costCenter: d.costCenter };
      account.departments.push(department);
      d.accounts.forEach((a, ai) => {
        const ar = Random.of(this.seed, spec.key, 'department', di, 'enrollment-account', ai);
        const enrollmentAccount: WorldEnrollmentAccount = {
          name: numericName(ar, 7),
          accountName: account.name,
          departmentName: department.name,
          displayName: a.owner,
          accountOwner: a.owner,
          costCenter: d.costCenter,
          startDate: account.createdDate,
          endDate: addMonths(account.createdDate, 36),
        };
        account.enrollmentAccounts.push(enrollmentAccount);
        a.subscriptions.forEach((subSpec, ki) => {
          this.subscription(account, subSpec, [spec.key, 'd', String(di), 'a', String(ai), String(ki)], spec.currency, { departmentName: department.name, enrollmentAccountName: enrollmentAccount.name });
        });
      });
    });
    return account;
  }

  mosp(spec: MospSpec): WorldBillingAccount {
    const plan = spec.subscriptions.find((sub) => AZURE_PLAN_OFFERS.has(sub.offerId));
    if (plan) { throw new Error(`${plan.displayName}: an Azure plan is bought under a Microsoft Customer Agreement, not pay-as-you-go`); }
    const r = Random.of(this.seed, spec.key, 'name');
    const account = this.account(spec, modernAccountName(r, spec.nameDate ?? this.createdDate(spec.createdMonthsAgo ?? 30)), 'MicrosoftOnlineServicesProgram', spec.currency, countryOfCurrency(spec.currency));
    spec.subscriptions.forEach((subSpec, ki) => this.subscription(account, subSpec, [spec.key, 'sub', String(ki)], spec.currency, {}));
    return account;
  }

  mpa(spec: MpaSpec): WorldBillingAccount {
    const account = this.account(spec, partnerAccountName(Random.of(this.seed, spec.key, 'name')), 'MicrosoftPartnerAgreement', spec.currency, countryOfCurrency(spec.currency));
    spec.customers.forEach((c, ci) => {
      const customerName = Random.of(this.seed, spec.key, 'customer', ci).guid();
      c.subscriptions.forEach((subSpec, ki) => {
        this.subscription(account, { ...subSpec, tenantId: subSpec.tenantId ?? c.tenant.tenantId }, [spec.key, 'c', String(ci), String(ki)], spec.currency, { customerName, customerDisplayName: c.displayName });
      });
    });
    return account;
  }
}
