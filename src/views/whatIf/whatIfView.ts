// The report as the panel shows it and as exports write it, in the editor's language.
import * as vscode from 'vscode';
import type { UnpricedReason } from '../../insight/whatIf/priceAlternatives';
import type { ExportHeadings } from '../../insight/whatIf/whatIfExport';
import type { WhatIfReport } from '../../insight/whatIf/whatIfReport';
import type { WhatIfView } from '../../shared/whatIfMessages';
import { formatCalendarDate, formatMoney } from '../format/displayFormat';
import type { WhatIfTexts } from './whatIfRun';

export function whatIfTexts(): WhatIfTexts {
  return {
    baseline: (offer) => vscode.l10n.t('Now: {0}', offer),
    region: (region) => vscode.l10n.t('Region {0}', region),
    offerRefused: (detail) => vscode.l10n.t('RateCard does not price this offer: {0}', detail),
    noRetailPrices: vscode.l10n.t('The retail price list is not available in this cloud.'),
    currencyNotOffered: (currency) => vscode.l10n.t('The retail price list has no prices in {0}.', currency),
  };
}

export function unpricedReasonText(reason: UnpricedReason): string {
  switch (reason) {
    case 'unknownMeter': return vscode.l10n.t('not in this price list');
    case 'notSoldInRegion': return vscode.l10n.t('not sold in this region');
    case 'regionlessMeter': return vscode.l10n.t('billed without a region (global or per zone)');
    case 'ambiguousMatch': return vscode.l10n.t('several meters match; none chosen');
    case 'unitMismatch': return vscode.l10n.t('priced in another unit');
    case 'noRateInEffect': return vscode.l10n.t('no price in effect on a usage day');
  }
}

export function listPriceNote(): string {
  return vscode.l10n.t('These are list prices before any negotiated discount, without taxes, and for the usage of this period as it was: an estimate, not a quote.');
}

export function exportHeadings(): ExportHeadings {
  return {
    meter: vscode.l10n.t('Meter'),
    category: vscode.l10n.t('Meter category'),
    region: vscode.l10n.t('Meter region'),
    quantity: vscode.l10n.t('Quantity'),
    unit: vscode.l10n.t('Unit'),
    price: (a) => vscode.l10n.t('{0}: price', a),
    cost: (a) => vscode.l10n.t('{0}: cost', a),
    total: vscode.l10n.t('Total'),
    credit: vscode.l10n.t('Monthly credit applied'),
    totalAfterCredit: vscode.l10n.t('Total after credit'),
    reason: unpricedReasonText,
    listPriceNote: listPriceNote(),
  };
}

export function whatIfView(report: WhatIfReport, scopeLabel: string, locale: string): WhatIfView {
  const money = (minor: number) => formatMoney({ amount: minor / 10 ** report.fractionDigits, currency: report.currency }, locale);
  const signed = (minor: number) => (minor > 0 ? `+${money(minor)}` : minor < 0 ? `−${money(-minor)}` : money(0));
  const h = exportHeadings();
  const cards = report.alternatives.map((a) => ({
    id: a.id,
    kind: a.kind,
    label: a.label,
    total: money(a.totalMinor),
    gross: money(a.grossMinor),
    credit: a.creditMinor ? money(a.creditMinor) : undefined,
    difference: a.kind === 'baseline' ? '' : signed(a.differenceMinor),
    trend: (Math.sign(a.differenceMinor) as -1 | 0 | 1),
    totalMinor: a.totalMinor,
    unpriced: a.unpriced.map((u) => ({ meter: u.meterName, reason: unpricedReasonText(u.reason) })),
  }));
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const commitmentRows = report.commitments.flatMap((c) => c.options.map((o) => [
    c.meterName,
    c.region,
    o.kind === 'reservation' ? vscode.l10n.t('Reservation, {0} year(s)', o.years) : vscode.l10n.t('Savings plan, {0} year(s)', o.years),
    String(Math.round(c.hoursUsed)),
    formatMoney({ amount: o.payAsYouGo, currency: report.currency }, locale),
    formatMoney({ amount: o.monthlyCost, currency: report.currency }, locale),
    o.breakEvenUtilisation > 1 ? vscode.l10n.t('never') : percent.format(o.breakEvenUtilisation),
  ]));
  const meterColumns = [h.meter, h.category, h.quantity, h.unit, ...report.alternatives.map((a) => a.label)];
  return {
    title: vscode.l10n.t('What if: {0}', scopeLabel),
    subtitle: vscode.l10n.t('{0} to {1}, in {2}', formatCalendarDate(report.period.from, locale), formatCalendarDate(report.period.to, locale), report.currency),
    note: listPriceNote(),
    cards,
    refused: report.refused,
    chart: {
      categories: report.categories.map((c) => c.category || vscode.l10n.t('(none)')),
      series: report.alternatives.map((a, i) => ({ label: a.label, values: report.categories.map((c) => c.costsMinor[i] / 10 ** report.fractionDigits) })),
      yTitle: vscode.l10n.t('Cost ({0})', report.currency),
      ariaLabel: vscode.l10n.t('Cost by meter category under each alternative'),
      currency: report.currency,
      locale,
    },
    meters: {
      columns: meterColumns,
      numeric: meterColumns.map((_, i) => i === 2 || i >= 4),
      rows: report.meters.map((m) => [
        m.name, m.category, new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(m.quantity), m.unit,
        ...m.cells.map((c) => ('costMinor' in c ? money(c.costMinor) : `— ${unpricedReasonText(c.reason)}`)),
      ]),
    },
    commitments: {
      columns: [h.meter, vscode.l10n.t('Region'), vscode.l10n.t('Commitment'), vscode.l10n.t('Hours used'), vscode.l10n.t('Pay-as-you-go'), vscode.l10n.t('Committed'), vscode.l10n.t('Break-even utilisation')],
      rows: commitmentRows,
    },
    strings: {
      exportCsv: vscode.l10n.t('Export CSV'),
      exportMarkdown: vscode.l10n.t('Export Markdown'),
      byCategory: vscode.l10n.t('Cost by meter category'),
      perMeter: vscode.l10n.t('Per meter'),
      commitments: vscode.l10n.t('Commitments for this usage (list prices)'),
      refused: vscode.l10n.t('Not priced'),
      unpriced: vscode.l10n.t('Meters without a price here'),
      credit: vscode.l10n.t('credit'),
      beforeCredit: vscode.l10n.t('before credit'),
      baseline: vscode.l10n.t('baseline'),
    },
  };
}
