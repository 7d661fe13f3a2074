// The extra accounts of `scale: 'large'`: about 50 billing accounts and 1,000 subscriptions in all,
// for benchmarks. Only the structure is made here (cheap objects); invoices and credits of each
// profile are computed on first use.
import { Random } from '../random';
import type { WorldTenant } from '../types';
import { companyName, workloadName } from './names';
import type { ProfileSpec, StructureBuilder, SubscriptionSpec } from './structureBuilder';

export const LARGE_ACCOUNT_COUNT = 46;
export const LARGE_SUBSCRIPTION_TARGET = 1000;

const CURRENCIES = ['USD', 'USD', 'USD', 'EUR', 'GBP', 'JPY'];

export function buildLargeLayout(b: StructureBuilder, tenant: WorldTenant, seed: number): void {
  const already = b.subscriptions.length;
  const toMake = Math.max(0, LARGE_SUBSCRIPTION_TARGET - already);
  for (let i = 0; i < LARGE_ACCOUNT_COUNT; i++) {
    const r = Random.of(seed, 'large', i);
    const company = `${companyName(r)} ${i + 1}`;
    // Spread the subscriptions evenly; the first accounts take the remainder.
    const count = Math.floor(toMake / LARGE_ACCOUNT_COUNT) + (i < toMake % LARGE_ACCOUNT_COUNT ? 1 : 0);
    const subs = (offers: string[]): SubscriptionSpec[] =>
      Array.from({ length: count }, (_, k) => ({ displayName: workloadName(r, company), offerId: offers[k % offers.length], createdMonthsAgo: r.int(2, 30) }));
    const base = { key: `large-${i}`, tenant, displayName: company, companyName: company, createdMonthsAgo: r.int(14, 60) };
    const kind = i % 8;
    if (kind <= 4) {
      const profileCount = r.int(1, 3);
      const all = subs(['MS-AZR-0017G', 'MS-AZR-0017G', 'MS-AZR-0148G']);
      const profiles: ProfileSpec[] = Array.from({ length: profileCount }, (_, p) => {
        const mine = all.filter((_, k) => k % profileCount === p);
        const sectionCount = Math.min(mine.length, r.int(1, 3)) || 1;
        return {
          displayName: `${company} Billing ${p + 1}`,
          currency: r.pick(CURRENCIES),
          invoiceDay: r.int(1, 9),
          creditPlan: r.pick(['none', 'none', 'simple', 'rich'] as const),
          sections: Array.from({ length: sectionCount }, (_, s) => ({
            displayName: `Section ${s + 1}`,
            subscriptions: mine.filter((_, k) => k % sectionCount === s),
          })),
        };
      });
      b.mca({ ...base, hasCommitment: r.chance(0.3), profiles });
    } else if (kind <= 6) {
      const all = subs(['MS-AZR-0017P', 'MS-AZR-0017P', 'MS-AZR-0148P']);
      const departments = Array.from({ length: r.int(1, 4) }, (_, d) => ({ displayName: `Department ${d + 1}`, costCenter: `CC-${r.int(100, 999)}`, accounts: [] as Array<{ owner: string; subscriptions: SubscriptionSpec[] }> }));
      const accountCount = Math.max(departments.length, Math.ceil(all.length / 6));
      for (let a = 0; a < accountCount; a++) {
        departments[a % departments.length].accounts.push({ owner: `owner${a + 1}@${tenant.defaultDomain}`, subscriptions: all.filter((_, k) => k % accountCount === a) });
      }
      b.ea({ ...base, currency: 'USD', departments });
    } else {
      b.mosp({ ...base, currency: 'USD', subscriptions: subs(['MS-AZR-0003P', 'MS-AZR-0003P', 'MS-AZR-0023P', 'MS-AZR-0063P']) });
    }
  }
}
