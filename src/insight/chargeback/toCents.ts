// Cost Management's amounts carry many decimals; the allocation works in whole cents. Rounding each
// row on its own could make the rows add up to a few cents more or less than the scope's total, so
// the rows of each currency are rounded together with the largest-remainder method: their cents
// add up to the rounded exact total, which is what the scope's actual cost reads.

import { apportion } from '../apportion';
import { currencyFractionDigits } from '../currency';
import { fixedFromNumber } from '../fixedDecimal';
import type { ChargeRow } from './allocate';
import type { JoinedRow } from './queryPlan';

export function rowsInCents(rows: readonly JoinedRow[]): ChargeRow[] {
  const out = new Array<ChargeRow>(rows.length);
  const byCurrency = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const list = byCurrency.get(row.currency) ?? [];
    list.push(i);
    byCurrency.set(row.currency, list);
  });
  for (const [currency, indexes] of byCurrency) {
    const cents = apportion(indexes.map((i) => fixedFromNumber(rows[i].amount)), currencyFractionDigits(currency));
    indexes.forEach((rowIndex, k) => {
      const row = rows[rowIndex];
      out[rowIndex] = {
        amount: cents[k],
        currency: row.currency,
        subscriptionId: row.subscriptionId,
        resourceGroup: row.resourceGroup,
        meterCategory: row.meterCategory,
        tags: row.tags,
      };
    });
  }
  return out;
}
