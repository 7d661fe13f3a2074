// The messages between the extension host and the chargeback report's webview, and the report they
// carry as plain data: the host formats every amount in the editor's language, the page lays it
// out, draws the chart and opens the drill-down. Types only: the webview bundle imports this file.

export interface ReportAmount {
  /** Formatted for people, with the currency. */
  text: string;
  /** In major units, for the chart only (never summed again). */
  value: number;
  /** Culture-neutral decimal, as the CSV writes it. */
  raw: string;
}

export interface DrillLine {
  label: string;
  amount: ReportAmount;
}

export interface DrillGroup {
  title: string;
  lines: DrillLine[];
}

export interface OwnerRow {
  id: string;
  displayName: string;
  direct: ReportAmount;
  shared: ReportAmount;
  untagged: ReportAmount;
  total: ReportAmount;
  /** Percent of the currency's total, one decimal ("" when the total is zero). */
  share: string;
  /** What is behind the owner's cost: subscriptions, resource groups, tag values, shared rules. */
  drill: DrillGroup[];
}

export interface ReconciliationLine {
  label: string;
  amount: ReportAmount;
  kind: 'reportTotal' | 'step' | 'unexplained' | 'invoicedTotal';
}

export interface CurrencySection {
  currency: string;
  owners: OwnerRow[];
  total: ReportAmount;
  /** Allocation notes in words (a shared rule that matched nothing, a split that fell back to even). */
  notes: string[];
  /** Report total → invoiced total, line by line; absent when no invoices could be compared. */
  reconciliation?: ReconciliationLine[];
  /** Why there is no reconciliation, or what it concluded, in words. */
  reconciliationSummary: string;
}

export interface ReportLabels {
  owner: string;
  direct: string;
  shared: string;
  untagged: string;
  total: string;
  share: string;
  totalRow: string;
  reconciliation: string;
  export: string;
  showDetails: string;
  chart: string;
  drillTitle: string;
}

export interface ChargebackDocument {
  title: string;
  subtitle: string;
  /** BCP 47 tag the host formatted with. */
  language: string;
  labels: ReportLabels;
  /** One section per currency: amounts in different currencies are never added. */
  currencies: CurrencySection[];
}

export type ChargebackHostMessage = { type: 'show'; document: ChargebackDocument } | { type: 'exported'; text: string };

export type ChargebackPageMessage = { type: 'ready' } | { type: 'export' };

/** What the page keeps with setState. */
export interface ChargebackPageState {
  document?: ChargebackDocument;
  /** The owner whose drill-down is open, per currency. */
  open?: Record<string, string>;
}
