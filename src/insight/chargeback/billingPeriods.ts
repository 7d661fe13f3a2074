// The billing periods a chargeback can run for. A Microsoft Customer Agreement bills calendar
// months (docs/chargeback.md#the-period); a month is closed once it has ended, and the default
// report is the last closed one, the month a finance team splits after its invoice arrives.

export interface ChargebackPeriod {
  /** `YYYY-MM`, used in export file names. */
  month: string;
  /** Inclusive calendar days. */
  from: string;
  to: string;
  /** False for the month still running (its report covers the days so far). */
  closed: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function monthPeriod(year: number, month: number, today: string): ChargebackPeriod {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const from = `${year}-${pad(month)}-01`;
  const end = `${year}-${pad(month)}-${pad(last)}`;
  const closed = end < today;
  // The running month ends yesterday: Cost Management has no cost for days that have not happened.
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { month: `${year}-${pad(month)}`, from, to: closed ? end : yesterday < from ? from : yesterday, closed };
}

/** The running month and the `closedCount` months before it, newest first. `today` is `YYYY-MM-DD` (UTC). */
export function recentPeriods(today: string, closedCount = 12): ChargebackPeriod[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: ChargebackPeriod[] = [];
  for (let back = 0; back <= closedCount; back++) {
    const index = year * 12 + (month - 1) - back;
    out.push(monthPeriod(Math.floor(index / 12), (index % 12) + 1, today));
  }
  return out;
}

/** The default: the last month that has ended. */
export function lastClosedPeriod(today: string): ChargebackPeriod {
  return recentPeriods(today, 1).find((p) => p.closed)!;
}

/** The period of a `YYYY-MM` month, when it is one. */
export function periodOfMonth(month: string, today: string): ChargebackPeriod | undefined {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  return m ? monthPeriod(Number(m[1]), Number(m[2]), today) : undefined;
}
