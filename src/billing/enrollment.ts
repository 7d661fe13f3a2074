// EA structure: departments and enrollment accounts of an enrollment. Read on 2019-10-01-preview,
// where EA works best (docs/azure-apis.md#billing-versions), falling back to 2024-04-01 if the
// preview is refused. Other agreement types throw
// `NotApplicableError('enrollmentStructureNeedsEa')` before any request.
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { Listing, listing, ListingOptions } from '../azure/listing';
import { Department, EnrollmentAccount, parseDepartment, parseEnrollmentAccount } from './models/account';
import { accountPath, seg } from './models/ids';
import { describeAgreement, NotApplicableError } from './notApplicable';
import { AccountRef } from './refs';
import { listWithVersionFallback } from './versionFallback';

function requireEnterprise(account: AccountRef): void {
  if (account.agreementType !== undefined && account.agreementType !== 'EnterpriseAgreement') {
    throw new NotApplicableError(
      'enrollmentStructureNeedsEa',
      `Departments and enrollment accounts exist only for Enterprise Agreement enrollments; '${account.name}' has ${describeAgreement(account.agreementType)}.`,
      account.agreementType,
    );
  }
}

const EA_VERSIONS = [API.billingEa, API.billingCurrent];

/** Departments, each with its enrollment accounts when the version can expand them. */
export function listDepartments(transport: ArmTransport, account: AccountRef, options: ListingOptions = {}): Listing<Department> {
  return listing(async function* () {
    requireEnterprise(account);
    const items = listWithVersionFallback(EA_VERSIONS, (apiVersion) =>
      transport.list<unknown>(`${accountPath(account.name)}/departments`, {
        query: { 'api-version': apiVersion, ...(apiVersion === API.billingEa ? { $expand: 'enrollmentAccounts' } : {}) },
        signal: options.signal,
      }),
    );
    for await (const raw of items) yield parseDepartment(raw);
  }, options);
}

export function listEnrollmentAccounts(transport: ArmTransport, account: AccountRef, options: ListingOptions = {}): Listing<EnrollmentAccount> {
  return listing(async function* () {
    requireEnterprise(account);
    const items = listWithVersionFallback(EA_VERSIONS, (apiVersion) =>
      transport.list<unknown>(`${accountPath(account.name)}/enrollmentAccounts`, {
        query: { 'api-version': apiVersion, ...(apiVersion === API.billingEa ? { $expand: 'department' } : {}) },
        signal: options.signal,
      }),
    );
    for await (const raw of items) yield parseEnrollmentAccount(raw);
  }, options);
}

/** The enrollment accounts of one department (2024-04-01 route). */
export function listDepartmentEnrollmentAccounts(
  transport: ArmTransport,
  account: AccountRef,
  departmentName: string,
  options: ListingOptions = {},
): Listing<EnrollmentAccount> {
  return listing(async function* () {
    requireEnterprise(account);
    for await (const raw of transport.list<unknown>(`${accountPath(account.name)}/departments/${seg(departmentName)}/enrollmentAccounts`, {
      query: { 'api-version': API.billingCurrent },
      signal: options.signal,
    })) {
      yield parseEnrollmentAccount(raw);
    }
  }, options);
}
