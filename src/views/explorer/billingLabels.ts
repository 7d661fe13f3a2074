// Words for Azure's enum-like values (agreement types, account status). Azure's sets are open: a
// value this list does not know is shown as it came rather than hidden or crashed on.
import * as vscode from 'vscode';

export function agreementTypeLabel(agreementType: string | undefined): string | undefined {
  switch (agreementType) {
    case undefined:
    case '':
      return undefined;
    case 'MicrosoftCustomerAgreement':
      return vscode.l10n.t('Microsoft Customer Agreement');
    case 'EnterpriseAgreement':
      return vscode.l10n.t('Enterprise Agreement');
    case 'MicrosoftOnlineServicesProgram':
      return vscode.l10n.t('Pay-as-you-go (Microsoft Online Services Program)');
    case 'MicrosoftPartnerAgreement':
      return vscode.l10n.t('Microsoft Partner Agreement');
    default:
      return agreementType;
  }
}

/** Short forms for the tree's description column, where space is scarce. */
export function agreementTypeShortLabel(agreementType: string | undefined): string | undefined {
  switch (agreementType) {
    case 'MicrosoftCustomerAgreement':
      return vscode.l10n.t('MCA');
    case 'EnterpriseAgreement':
      return vscode.l10n.t('EA');
    case 'MicrosoftOnlineServicesProgram':
      return vscode.l10n.t('Pay-as-you-go');
    case 'MicrosoftPartnerAgreement':
      return vscode.l10n.t('MPA');
    default:
      return agreementTypeLabel(agreementType);
  }
}

export function accountStatusLabel(status: string | undefined): string | undefined {
  switch (status) {
    case undefined:
    case '':
      return undefined;
    case 'Active':
      return vscode.l10n.t('Active');
    case 'Deleted':
      return vscode.l10n.t('Deleted');
    case 'Disabled':
      return vscode.l10n.t('Disabled');
    case 'Expired':
      return vscode.l10n.t('Expired');
    case 'Transferred':
      return vscode.l10n.t('Transferred');
    case 'Extended':
      return vscode.l10n.t('Extended');
    case 'Terminated':
      return vscode.l10n.t('Terminated');
    default:
      return status;
  }
}

export function accountTypeLabel(accountType: string | undefined): string | undefined {
  switch (accountType) {
    case undefined:
    case '':
      return undefined;
    case 'Enterprise':
      return vscode.l10n.t('Organisation');
    case 'Individual':
      return vscode.l10n.t('Individual');
    case 'Partner':
      return vscode.l10n.t('Partner');
    default:
      return accountType;
  }
}
