// The Problems panel's words for what the workload reader (and pricing) finds, in the person's language.
import * as vscode from 'vscode';
import type { WorkloadProblem } from '../../insight/whatIf/workloadFile';

export function workloadProblemMessage(p: WorkloadProblem): string {
  const a = p.args;
  switch (p.code) {
    case 'syntax':
      return vscode.l10n.t('This is not valid JSON here ({0}).', a.error ?? '');
    case 'notAnObject':
      return vscode.l10n.t('A workload file is one JSON object: {"lines": [ … ]}.');
    case 'unknownKey':
      return vscode.l10n.t('"{0}" is not a workload setting here. Allowed: {1}.', a.key ?? '', a.allowed ?? '');
    case 'missingKey':
      return vscode.l10n.t('"{0}" is missing.', a.key ?? '');
    case 'wrongType':
      return vscode.l10n.t('"{0}" must be a non-empty {1}.', a.key ?? '', a.expected ?? '');
    case 'unknownShorthand':
      return vscode.l10n.t('This line is none of: meterId, service + product + sku + meter, vm, disk, storageGb, outboundGb.');
    case 'twoForms':
      return vscode.l10n.t('A line is one thing; this one says {0}.', a.keys ?? '');
    case 'negativeQuantity':
      return vscode.l10n.t('A quantity cannot be negative ({0}).', a.value ?? '');
    case 'notANumber':
      return vscode.l10n.t('A quantity must be a number, not {0}.', a.value ?? '');
    case 'badRegion':
      return vscode.l10n.t('"{0}" is not a region name (like westeurope).', a.value ?? '');
    case 'badOffer':
      return vscode.l10n.t('"{0}" is not an offer id (like MS-AZR-0003P).', a.value ?? '');
    case 'badCurrency':
      return vscode.l10n.t('"{0}" is not a currency code (like USD).', a.value ?? '');
    case 'badDiskTier':
      return vscode.l10n.t('"{0}" is not a premium SSD tier (like P10).', a.value ?? '');
    case 'unknownMeter':
      return vscode.l10n.t('No price list has this meter in {0}.', a.where ?? '');
    case 'unitMismatch':
      return vscode.l10n.t('The quantity is in {0}, but the meter is priced per {1}.', a.unit ?? '', a.meterUnit ?? '');
    case 'notSoldInRegion':
      return vscode.l10n.t('{0} does not sell this meter.', a.where ?? '');
  }
}
