// The status bar's localised words (vscode.l10n), kept apart so the text builders stay pure.

import * as vscode from 'vscode';
import type { GlanceTexts } from './glanceText';

export function glanceTexts(): GlanceTexts {
  return {
    toDate: vscode.l10n.t('Spend to date'),
    forecast: vscode.l10n.t('Forecast for the billing period'),
    forecastRange: (low, high) => vscode.l10n.t('likely {0} to {1}', low, high),
    sameDayLastMonth: vscode.l10n.t('Same day last month'),
    change: (percent) => vscode.l10n.t('now {0}', percent),
    topServices: vscode.l10n.t('Costliest services this month'),
    noCost: vscode.l10n.t('No cost reported this billing period yet.'),
  };
}
