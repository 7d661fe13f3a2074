// The budgets the world starts with, set against its own costs so that each lands where a test or
// a demo needs it (the percentages are of the current period's spend to yesterday):
//   subscription (first MCA one)  platform-monthly    Monthly   actual ~85 %  (past its 80 % actual threshold; forecast past 100 %)
//   same subscription             compute-monthly     Monthly   actual ~45 %  (filter: its first stream's meter category; under every threshold)
//   MCA billing profile           operations-quarterly Quarterly actual ~110 % (past 100 %)
//   EA billing account            enrollment-annual   Annually  actual ~95 %  (near its 100 % actual threshold; forecast past it)
// Amounts are rounded up to a multiple of 10, so each percentage is a little under its target.
import type { World } from '../../world';
import { addMonths, monthStart } from '../../world/billing/calendar';
import { usageWorldOf } from '../../world/usage/access';
import { budgetScopeOf } from './budgetScope';
import { budgetSpend } from './budgetSpend';
import type { BudgetInput, BudgetNotification } from './budgetValidation';

export interface SeedBudget {
  scopePath: string;
  name: string;
  input: BudgetInput;
}

function alert(threshold: number, thresholdType: string, email: string): BudgetNotification {
  return { enabled: true, operator: 'GreaterThan', threshold, thresholdType, locale: 'en-us', contactEmails: [email], contactRoles: ['Owner'], contactGroups: [] };
}

export function seedBudgets(world: World): SeedBudget[] {
  const seeds: SeedBudget[] = [];
  const asOf = world.options.asOf;
  const email = `finops@${world.tenants[0].defaultDomain}`;
  const add = (scopePath: string, tenantId: string, name: string, target: number, input: Omit<BudgetInput, 'amount' | 'category'>) => {
    const scope = budgetScopeOf(world, scopePath, tenantId);
    const { currentCents } = budgetSpend(world, scope, input);
    const amount = Math.max(10, Math.ceil(currentCents / 100 / target / 10) * 10);
    seeds.push({ scopePath, name, input: { category: 'Cost', amount, ...input } });
  };
  const mca = world.billing.accounts.find((a) => a.agreementType === 'MicrosoftCustomerAgreement');
  const profile = mca?.profiles[0];
  const sub = profile?.subscriptions[0];
  if (mca && profile && sub) {
    const start = addMonths(monthStart(asOf), -6);
    const subPath = `/subscriptions/${sub.subscriptionId}`;
    add(subPath, sub.tenantId, 'platform-monthly', 0.85, {
      timeGrain: 'Monthly', timePeriod: { startDate: start, endDate: addMonths(start, 12) },
      notifications: { Actual_GreaterThan_80_Percent: alert(80, 'Actual', email), Forecasted_GreaterThan_100_Percent: alert(100, 'Forecasted', email) },
    });
    const category = usageWorldOf(world).streamsOf(sub.subscriptionId)[0]?.meter.meterCategory;
    if (category) {
      add(subPath, sub.tenantId, 'compute-monthly', 0.45, {
        timeGrain: 'Monthly', timePeriod: { startDate: start, endDate: addMonths(start, 24) },
        filter: { dimensions: { name: 'MeterCategory', operator: 'In', values: [category] } },
        notifications: { Actual_GreaterThan_90_Percent: alert(90, 'Actual', email) },
      });
    }
    add(`/providers/Microsoft.Billing/billingAccounts/${mca.name}/billingProfiles/${profile.name}`, mca.tenantId, 'operations-quarterly', 1.1, {
      timeGrain: 'Quarterly', timePeriod: { startDate: start, endDate: addMonths(start, 120) },
      notifications: { Actual_GreaterThan_90_Percent: alert(90, 'Actual', email), Actual_GreaterThan_100_Percent: alert(100, 'Actual', email) },
    });
  }
  const ea = world.billing.accounts.find((a) => a.agreementType === 'EnterpriseAgreement');
  if (ea) {
    const start = `${asOf.slice(0, 4)}-01-01`;
    add(`/providers/Microsoft.Billing/billingAccounts/${ea.name}`, ea.tenantId, 'enrollment-annual', 0.95, {
      timeGrain: 'Annually', timePeriod: { startDate: start, endDate: addMonths(start, 36) },
      notifications: { Actual_GreaterThan_100_Percent: alert(100, 'Actual', email), Forecasted_GreaterThan_100_Percent: alert(100, 'Forecasted', email) },
    });
  }
  return seeds;
}
