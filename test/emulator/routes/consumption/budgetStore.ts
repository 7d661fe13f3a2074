// Budgets live in memory for the emulator's lifetime. Two are there from the start (seeded from
// the world, made on first use): a monthly one on the first MCA subscription and a quarterly one
// on its billing profile. eTags change on every update and are derived from the content, so the
// same sequence of calls gives the same eTags.
import * as crypto from 'crypto';
import type { World } from '../../world';
import { addMonths, monthStart } from '../../world/billing/calendar';
import type { BudgetInput, BudgetNotification } from './budgetValidation';

export interface StoredBudget {
  scopePath: string;
  name: string;
  input: BudgetInput;
  eTag: string;
  revision: number;
}

function eTagOf(key: string, revision: number, input: BudgetInput): string {
  return `"${crypto.createHash('sha256').update(`${key}|${revision}|${JSON.stringify(input)}`).digest('hex').slice(0, 15)}"`;
}

function alert(threshold: number, thresholdType: string, email: string): BudgetNotification {
  return { enabled: true, operator: 'GreaterThan', threshold, thresholdType, locale: 'en-us', contactEmails: [email], contactRoles: ['Owner'], contactGroups: [] };
}

export class BudgetStore {
  private readonly budgets = new Map<string, StoredBudget>();
  private seeded = false;

  constructor(private readonly world: World) {}

  private seed(): void {
    if (this.seeded) { return; }
    this.seeded = true;
    const account = this.world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement');
    const profile = account?.profiles[0];
    const sub = profile?.subscriptions[0];
    if (!account || !profile || !sub) { return; }
    const start = addMonths(monthStart(this.world.options.asOf), -6);
    const email = `finops@${this.world.tenants[0].defaultDomain}`;
    this.put(`/subscriptions/${sub.subscriptionId}`, 'platform-monthly', {
      category: 'Cost', amount: 5000, timeGrain: 'Monthly', timePeriod: { startDate: start, endDate: addMonths(start, 12) },
      notifications: { Actual_GreaterThan_80_Percent: alert(80, 'Actual', email), Forecasted_GreaterThan_100_Percent: alert(100, 'Forecasted', email) },
    });
    this.put(`/providers/Microsoft.Billing/billingAccounts/${account.name}/billingProfiles/${profile.name}`, 'operations-quarterly', {
      category: 'Cost', amount: 60000, timeGrain: 'Quarterly', timePeriod: { startDate: start, endDate: addMonths(start, 120) },
      notifications: { Actual_GreaterThan_90_Percent: alert(90, 'Actual', email) },
    });
  }

  private key(scopePath: string, name: string): string {
    return `${scopePath.toLowerCase()}|${name.toLowerCase()}`;
  }

  list(scopePath: string): StoredBudget[] {
    this.seed();
    const prefix = `${scopePath.toLowerCase()}|`;
    return [...this.budgets.entries()].filter(([k]) => k.startsWith(prefix)).map(([, b]) => b).sort((a, b) => a.name.localeCompare(b.name));
  }

  get(scopePath: string, name: string): StoredBudget | undefined {
    this.seed();
    return this.budgets.get(this.key(scopePath, name));
  }

  /** Creates or replaces; `created` tells which. */
  put(scopePath: string, name: string, input: BudgetInput): { created: boolean; budget: StoredBudget } {
    this.seed();
    const key = this.key(scopePath, name);
    const previous = this.budgets.get(key);
    const revision = (previous?.revision ?? 0) + 1;
    const budget = { scopePath: previous?.scopePath ?? scopePath, name: previous?.name ?? name, input, revision, eTag: eTagOf(key, revision, input) };
    this.budgets.set(key, budget);
    return { created: !previous, budget };
  }

  delete(scopePath: string, name: string): boolean {
    this.seed();
    return this.budgets.delete(this.key(scopePath, name));
  }
}

const stores = new WeakMap<World, BudgetStore>();

/** The one store of a world: the budget routes and Cost Management's budget alerts read the same budgets. */
export function budgetStoreOf(world: World): BudgetStore {
  let store = stores.get(world);
  if (!store) {
    store = new BudgetStore(world);
    stores.set(world, store);
  }
  return store;
}
