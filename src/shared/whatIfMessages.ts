// Messages between the what-if panel's host and its page. The host sends everything already
// formatted and localised; the page only lays it out (cards, chart, tables) and asks for exports.

export interface WhatIfCard {
  id: string;
  kind: 'baseline' | 'offer' | 'region';
  label: string;
  /** Formatted money. */
  total: string;
  gross: string;
  /** Set when a credit was taken off. */
  credit?: string;
  /** "+12.34 USD" / "−5.00 USD" against the baseline; empty for the baseline. */
  difference: string;
  /** Sign of the difference: the page colours cheaper and dearer alternatives. */
  trend: -1 | 0 | 1;
  /** Minor units, for tests and for the chart's scale. */
  totalMinor: number;
  /** Meters this alternative could not price, with why. */
  unpriced: Array<{ meter: string; reason: string }>;
}

export interface WhatIfView {
  title: string;
  subtitle: string;
  /** "List prices before negotiated discounts…" */
  note: string;
  cards: WhatIfCard[];
  refused: Array<{ label: string; reason: string }>;
  chart: { categories: string[]; series: Array<{ label: string; values: number[] }>; yTitle: string; ariaLabel: string; currency: string; locale: string };
  meters: { columns: string[]; rows: string[][]; numeric: boolean[] };
  commitments: { columns: string[]; rows: string[][] };
  strings: {
    exportCsv: string;
    exportMarkdown: string;
    byCategory: string;
    perMeter: string;
    commitments: string;
    refused: string;
    unpriced: string;
    credit: string;
    beforeCredit: string;
    baseline: string;
  };
}

export type WhatIfHostToWebview = { type: 'show'; view: WhatIfView };

export type WhatIfWebviewToHost = { type: 'ready' } | { type: 'export'; format: 'csv' | 'markdown' };
