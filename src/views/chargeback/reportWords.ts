// The chargeback report's words in the person's language: the panel's labels, the drill-down's
// headings, the allocation notes, the reconciliation steps, and the exported files' headings (the
// numbers in files stay culture-neutral; see reportExports.ts).
import * as vscode from 'vscode';
import type { AllocationNote } from '../../insight/chargeback/allocate';
import type { Reconciliation, ReconciliationStep } from '../../insight/chargeback/reconcile';
import type { ReportHeadings } from '../../insight/chargeback/reportExports';
import { currencyFractionDigits } from '../../insight/currency';
import { unitsToDecimalString } from '../../insight/fixedDecimal';
import type { ReportLabels } from '../../shared/chargebackMessages';
import { formatMoney } from '../format/displayFormat';
import type { SectionWords } from './reportSections';

export function formatUnits(units: bigint, currency: string, locale: string): string {
  return formatMoney({ amount: Number(unitsToDecimalString(units, currencyFractionDigits(currency))), currency }, locale);
}

function stepWords(): Record<ReconciliationStep['kind'] | 'reportTotal' | 'invoicedTotal', string> {
  return {
    reportTotal: vscode.l10n.t('Owners\' total (actual cost before credits and tax)'),
    chargesOutsideQuery: vscode.l10n.t('Charges outside the query (Marketplace, support)'),
    rounding: vscode.l10n.t('Rounding (at most a cent per invoice)'),
    creditsApplied: vscode.l10n.t('Credits applied (Azure prepayment, free credit)'),
    tax: vscode.l10n.t('Tax'),
    creditNotes: vscode.l10n.t('Credit notes'),
    notInvoiced: vscode.l10n.t('Not invoiced yet'),
    unexplained: vscode.l10n.t('Unexplained difference'),
    invoicedTotal: vscode.l10n.t('Invoiced total of the period'),
  };
}

export function reportHeadings(): ReportHeadings {
  return {
    owner: vscode.l10n.t('Owner'),
    ownerId: vscode.l10n.t('Owner id'),
    currency: vscode.l10n.t('Currency'),
    direct: vscode.l10n.t('Direct'),
    shared: vscode.l10n.t('Shared allocated'),
    untagged: vscode.l10n.t('Untagged allocated'),
    total: vscode.l10n.t('Total'),
    share: vscode.l10n.t('Share %'),
    totalRow: vscode.l10n.t('Total'),
    reconciliation: vscode.l10n.t('Reconciliation with the invoices'),
    steps: stepWords(),
  };
}

export function reportLabels(): ReportLabels {
  const h = reportHeadings();
  return {
    owner: h.owner,
    direct: h.direct,
    shared: h.shared,
    untagged: h.untagged,
    total: h.total,
    share: h.share,
    totalRow: h.totalRow,
    reconciliation: h.reconciliation ?? '',
    export: vscode.l10n.t('Export CSV and Markdown'),
    showDetails: vscode.l10n.t('Show what is behind {0}'),
    chart: vscode.l10n.t('Cost per owner: direct, shared and untagged'),
    drillTitle: vscode.l10n.t('Behind {0}'),
  };
}

function noteWords(note: AllocationNote): string {
  const subject = note.subject === 'untagged' ? vscode.l10n.t('Untagged cost') : note.subject;
  switch (note.code) {
    case 'sharedRuleMatchedNothing':
      return vscode.l10n.t('The shared rule "{0}" matched no cost in this period.', subject);
    case 'proportionalFellBackToEven':
      return vscode.l10n.t('{0}: no owner had direct cost to weigh by, so it was split evenly.', subject);
    case 'noOwnerForSplit':
      return vscode.l10n.t('{0}: there was no owner to split it between, so it stays Unallocated.', subject);
  }
}

export function sectionWords(locale: string, invoiceProblem?: string): SectionWords {
  const money = (units: bigint, currency: string) => formatUnits(units, currency, locale);
  return {
    money,
    drillTitles: {
      subscriptions: vscode.l10n.t('Subscriptions (direct cost)'),
      resourceGroups: vscode.l10n.t('Resource groups (direct cost)'),
      tagValues: vscode.l10n.t('Tag values as written'),
      allocated: vscode.l10n.t('Allocated to this owner'),
    },
    sharedRule: (name) => vscode.l10n.t('Shared: {0}', name),
    untaggedLine: vscode.l10n.t('Untagged cost'),
    note: noteWords,
    steps: stepWords(),
    summary: (rec: Reconciliation | undefined, unexplained: bigint, currency: string) => {
      if (!rec) {return vscode.l10n.t('The invoices of the period could not be read, so the report is not compared with them ({0}).', invoiceProblem ?? '');}
      if (rec.steps.some((s) => s.kind === 'notInvoiced')) {return vscode.l10n.t('The period has no invoice yet: the owners add up to the actual cost to the cent.');}
      if (unexplained !== 0n) {return vscode.l10n.t('{0} between the report and the invoices is not explained by credits, tax, credit notes or rounding.', money(unexplained, currency));}
      return vscode.l10n.t('The owners add up to the actual cost to the cent, and every difference to the invoices is explained.');
    },
  };
}
