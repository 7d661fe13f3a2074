// A date range Azure would refuse, caught before calling, with what to change.
export type DateRangeProblem = 'missingStart' | 'missingEnd' | 'invalidStart' | 'invalidEnd' | 'startAfterEnd' | 'rangeTooLong';

export class DateRangeError extends Error {
  override readonly name = 'DateRangeError';
  constructor(readonly problem: DateRangeProblem, message: string) {
    super(message);
  }
}
