// The structure of an Enterprise Agreement enrollment: departments → enrollment accounts →
// subscriptions, plus every enrollment account directly (some have no department). What came inline
// with the account (`$expand`) is used as it is; what did not is listed.
import * as vscode from 'vscode';
import { listDepartments, listEnrollmentAccounts } from '../../billing/enrollment';
import { listingOf } from '../../azure/listing';
import type { Department, EnrollmentAccount } from '../../billing/models/account';
import type { BillingSubscription } from '../../billing/models/subscription';
import { statusOf } from '../../billing/notApplicable';
import { listSubscriptionsByAccount, listSubscriptionsByEnrollmentAccount } from '../../billing/subscriptions';
import { dayText } from './dateText';
import type { AccountScope } from './billingTree';
import type { ExplorerNode } from './explorerNode';
import { fieldsTooltip } from './nodeTooltip';
import { PagedFolderNode } from './pagedFolderNode';
import { subscriptionsFolder } from './subscriptionsFolder';

function accountRef(scope: AccountScope) {
  return { name: scope.account.name, agreementType: scope.account.agreementType };
}

function allEnrollmentAccounts(scope: AccountScope, signal: AbortSignal): AsyncIterable<EnrollmentAccount> {
  const inline = scope.account.enrollmentAccounts;
  return inline && !inline.hasMoreResults ? listingOf(inline.items) : listEnrollmentAccounts(scope.connection.transport, accountRef(scope), { signal });
}

export function departmentsFolder(parent: ExplorerNode, scope: AccountScope): PagedFolderNode<Department> {
  const inline = scope.account.departments;
  return new PagedFolderNode<Department>(parent, scope, {
    idSuffix: 'departments',
    label: vscode.l10n.t('Departments'),
    icon: 'organization',
    kind: 'departmentsFolder',
    failedToLoadLabel: vscode.l10n.t('Could not load departments'),
    emptyLabel: vscode.l10n.t('No departments'),
    open: (signal) => (inline && !inline.hasMoreResults ? listingOf(inline.items) : listDepartments(scope.connection.transport, accountRef(scope), { signal })),
    child: (department, folder) => departmentNode(folder, scope, department),
  });
}

export function departmentNode(parent: ExplorerNode, scope: AccountScope, department: Department): PagedFolderNode<EnrollmentAccount> {
  return new PagedFolderNode<EnrollmentAccount>(parent, scope, {
    idSuffix: `department/${department.name}`,
    label: department.displayName,
    description: department.costCenter,
    tooltip: fieldsTooltip(department.displayName, [
      [vscode.l10n.t('Department'), department.displayName],
      [vscode.l10n.t('Cost center'), department.costCenter],
      [vscode.l10n.t('Status'), department.status],
      [vscode.l10n.t('Department ID'), department.name],
    ]),
    icon: 'symbol-namespace',
    kind: 'department',
    armId: department.id || undefined,
    failedToLoadLabel: vscode.l10n.t('Could not load the enrollment accounts of this department'),
    emptyLabel: vscode.l10n.t('No enrollment accounts'),
    open: (signal) => ofDepartment(scope, department, signal),
    child: (enrollmentAccount, folder) => enrollmentAccountNode(folder, scope, enrollmentAccount),
  });
}

async function* ofDepartment(scope: AccountScope, department: Department, signal: AbortSignal): AsyncIterable<EnrollmentAccount> {
  if (department.enrollmentAccounts) {
    yield* department.enrollmentAccounts;
    return;
  }
  for await (const ea of allEnrollmentAccounts(scope, signal)) {
    if ((ea.departmentName ?? '').toLowerCase() === department.name.toLowerCase()) yield ea;
  }
}

export function enrollmentAccountsFolder(parent: ExplorerNode, scope: AccountScope): PagedFolderNode<EnrollmentAccount> {
  return new PagedFolderNode<EnrollmentAccount>(parent, scope, {
    idSuffix: 'enrollmentAccounts',
    label: vscode.l10n.t('Enrollment accounts'),
    icon: 'person',
    kind: 'enrollmentAccountsFolder',
    failedToLoadLabel: vscode.l10n.t('Could not load enrollment accounts'),
    emptyLabel: vscode.l10n.t('No enrollment accounts'),
    open: (signal) => allEnrollmentAccounts(scope, signal),
    child: (enrollmentAccount, folder) => enrollmentAccountNode(folder, scope, enrollmentAccount),
  });
}

export function enrollmentAccountNode(parent: ExplorerNode, scope: AccountScope, ea: EnrollmentAccount) {
  const language = scope.services.language();
  return subscriptionsFolder(parent, scope, {
    idSuffix: `enrollmentAccount/${ea.name}`,
    label: ea.displayName,
    // An enrollment account is often named after its owner: then the owner is not said twice.
    description: ea.accountOwner !== ea.displayName ? ea.accountOwner : undefined,
    tooltip: fieldsTooltip(ea.displayName, [
      [vscode.l10n.t('Enrollment account'), ea.displayName],
      [vscode.l10n.t('Account owner'), ea.accountOwner],
      [vscode.l10n.t('Department'), ea.departmentDisplayName ?? ea.departmentName],
      [vscode.l10n.t('Cost center'), ea.costCenter],
      [vscode.l10n.t('Status'), ea.status],
      [vscode.l10n.t('Start date'), dayText(ea.startDate, language)],
      [vscode.l10n.t('End date'), dayText(ea.endDate, language)],
      [vscode.l10n.t('Enrollment account ID'), ea.name],
    ]),
    icon: 'person',
    kind: 'enrollmentAccount',
    armId: ea.id || undefined,
    failedToLoadLabel: vscode.l10n.t('Could not load the subscriptions of this enrollment account'),
    open: (signal) => subscriptionsOfEnrollmentAccount(scope, ea, signal),
  });
}

/**
 * The enrollment account's own route (2024-04-01); where a service does not know that route (404),
 * the account's subscriptions filtered by enrollment account, which every EA version serves.
 */
async function* subscriptionsOfEnrollmentAccount(scope: AccountScope, ea: EnrollmentAccount, signal: AbortSignal): AsyncIterable<BillingSubscription> {
  let yielded = false;
  try {
    for await (const s of listSubscriptionsByEnrollmentAccount(scope.connection.transport, scope.account.name, ea.name, { signal })) {
      yielded = true;
      yield s;
    }
  } catch (error) {
    if (yielded || statusOf(error) !== 404) throw error;
    for await (const s of listSubscriptionsByAccount(scope.connection.transport, accountRef(scope), { signal })) {
      if ((s.enrollmentAccountName ?? '').toLowerCase() === ea.name.toLowerCase()) yield s;
    }
  }
}
