// Reservations and savings plans for a meter billed by the hour (docs/what-if.md). A reservation
// pays for one instance around the clock for its term, used or not; a savings plan charges its own
// lower hourly price for the hours committed. The question a person asks: at this period's usage,
// what would the month cost, and from what share of the hours (utilisation) does it pay off?

export interface CommitmentInput {
  /** Hours used in the month (the meter's quantity, in hours). */
  hoursUsed: number;
  /** Hours in that month (720 for 30 days). */
  hoursInMonth: number;
  /** Pay-as-you-go price per hour. */
  hourlyPrice: number;
}

export interface CommitmentOutcome {
  /** Cost of the month under the commitment at this usage. */
  monthlyCost: number;
  /** Pay-as-you-go cost of the same hours. */
  payAsYouGo: number;
  /** Utilisation (0–1) above which the commitment costs less than pay-as-you-go; > 1: never. */
  breakEvenUtilisation: number;
}

/** A reservation bought for the whole term: `termPrice` per instance for `years`. */
export function reservationOutcome(input: CommitmentInput, termPrice: number, years: number): CommitmentOutcome {
  const monthlyPerInstance = termPrice / (years * 12);
  // Enough instances to cover every hour used; a part-used instance is paid in full.
  const instances = Math.ceil(input.hoursUsed / input.hoursInMonth - 1e-9);
  const payAsYouGo = input.hoursUsed * input.hourlyPrice;
  return {
    monthlyCost: instances * monthlyPerInstance,
    payAsYouGo,
    breakEvenUtilisation: monthlyPerInstance / (input.hoursInMonth * input.hourlyPrice),
  };
}

/** A savings plan committed to exactly the hours used, at `planHourlyPrice`. */
export function savingsPlanOutcome(input: CommitmentInput, planHourlyPrice: number): CommitmentOutcome {
  return {
    monthlyCost: input.hoursUsed * planHourlyPrice,
    payAsYouGo: input.hoursUsed * input.hourlyPrice,
    breakEvenUtilisation: planHourlyPrice / input.hourlyPrice,
  };
}
