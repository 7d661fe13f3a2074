// Another offer (or the subscription's own, the baseline) as an alternative: its RateCard's rows
// for each meter, and its monthly monetary credit (docs/what-if.md). Excluded meters of a credit
// term are not modelled: every RateCard seen for these offers lists none.

import type { OfferTerm } from '../../billing/models/rateCard';
import { Fixed, fixedFromNumber } from '../fixedDecimal';
import type { RateIndex } from '../rateIndex';
import type { Alternative } from './priceAlternatives';

/** The sum of an offer's `Monetary Credit` terms, or undefined when it has none. */
export function monthlyCreditOf(terms: readonly OfferTerm[] | undefined): Fixed | undefined {
  let credit: Fixed | undefined;
  for (const term of terms ?? []) {
    if (term.name === 'Monetary Credit' && 'credit' in term && typeof term.credit === 'number' && term.credit > 0) {
      credit = (credit ?? 0n) + fixedFromNumber(term.credit);
    }
  }
  return credit;
}

export function offerAlternative(id: string, rates: RateIndex, monthlyCredit?: Fixed): Alternative {
  return {
    id,
    monthlyCredit,
    priceOf(meterId) {
      const schedules = rates.schedulesOf(meterId);
      return schedules ? { kind: 'priced', schedules } : { kind: 'unpriced', reason: 'unknownMeter' };
    },
  };
}
