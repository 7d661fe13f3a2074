// The rows of the fault matrix: every call the product makes, through the billing function (or the
// download pipeline) the extension runs, with which of its requests a fault hits and the cells
// where the outcome differs from the fault's default (matrixFaults.ts), each with why.
import { createHash } from 'node:crypto';
import type { ArmTransport } from '../../../src/azure/transport';
import { listBillingAccounts } from '../../../src/billing/accounts';
import { listBudgets } from '../../../src/billing/budgets';
import { listCreditEvents } from '../../../src/billing/creditEvents';
import { getCreditBalance, listCreditLots } from '../../../src/billing/credits';
import { costScopes, queryDailyCost } from '../../../src/billing/costQuery';
import { listDepartments, listEnrollmentAccounts } from '../../../src/billing/enrollment';
import { listInvoiceSections } from '../../../src/billing/invoiceSections';
import { listInvoicesByProfile } from '../../../src/billing/invoices';
import { addDays, calendarDate } from '../../../src/billing/models/dates';
import type { Invoice } from '../../../src/billing/models/invoice';
import { listBillingProfiles } from '../../../src/billing/profiles';
import { getRateCard } from '../../../src/billing/rateCard';
import { listRetailPrices } from '../../../src/billing/retailPrices';
import { listSubscriptionsByProfile } from '../../../src/billing/subscriptions';
import { readUsageForDays } from '../../../src/billing/usageAggregates';
import { downloadToFolder } from '../../../src/views/downloads/downloadToFolder';
import { openInvoicePdf } from '../../../src/views/downloads/openInvoicePdf';
import { listDirectoryTenants } from '../../../src/views/session/tenantDirectory';
import type { Emulator } from '../../emulator/server';
import type { WorldSubscription } from '../../emulator/world/types';
import { FIXED_AS_OF } from '../../support/emulator';
import type { Expected, Mode } from './matrixFaults';
import { MemoryFolder } from './memoryFolder';

/** What the calls need from the world, found once before the matrix runs. */
export interface MatrixWorld {
  emu: Emulator;
  mca: { name: string; agreementType: 'MicrosoftCustomerAgreement' };
  ea: { name: string; agreementType: 'EnterpriseAgreement' };
  profile: { accountName: string; name: string };
  invoice: Invoice;
  payg: WorldSubscription;
  /** The subscription the emulator seeds a budget on. */
  budgetSubscriptionId: string;
}

export interface MatrixCall {
  id: string;
  /** The requests of the call a fault hits: a path substring (and a method). */
  where: { path: string; method?: string };
  /** The call makes one such request, so "second request only" has nothing to hit. */
  oneRequest?: boolean;
  /** Emulator page size while the call runs, so its lists have a page 2. */
  pageSize?: number;
  /** The advice for a 403 on this call's requests. */
  permission: Expected;
  /** Cells whose outcome is not the fault's default, by fault id. */
  differs?: Record<string, Partial<Record<Mode, Expected>>>;
  /** Runs the call; the result is compared with the fault-free run's. */
  run(client: ArmTransport, world: MatrixWorld, signal: AbortSignal): Promise<unknown>;
  /** The items of a result, to tell a list that ends where Azure answered empty from wrong data. */
  items(result: unknown): unknown[];
}

const asOf = new Date(`${FIXED_AS_OF}T12:00:00Z`);
const yesterday = addDays(calendarDate(FIXED_AS_OF), -1);
const monthStart = calendarDate(`${FIXED_AS_OF.slice(0, 8)}01`);

const R: Expected = 'recovered';
const billingRole: Expected = 'typed:missingBillingRole';
const azureRole: Expected = 'typed:missingRole';
const listItems = (result: unknown) => result as unknown[];

/** Requests that carry no token (storage, the public prices API): ARM's 401 cannot happen there. */
const noToken = { 'expired token': { first: R, every: R, second: R } };
/** An answer without a body (202, 302): nothing to cut, break or empty. */
const bodiless = (modes: Mode[]) =>
  Object.fromEntries(['drop mid-body', 'malformed', 'empty'].map((id) => [id, Object.fromEntries(modes.map((m) => [m, R]))]));

/** The invoice PDF as the download command saves it: the whole pipeline, into a folder in memory. */
async function downloadPdf(client: ArmTransport, world: MatrixWorld, signal: AbortSignal) {
  const folder = new MemoryFolder();
  const saved = await downloadToFolder({ open: openInvoicePdf(client, world.invoice), fileName: `${world.invoice.name}.pdf`, folder, signal });
  const bytes = folder.files.get(saved.fileName)!;
  return { outcome: saved.outcome, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export const CALLS: readonly MatrixCall[] = [
  {
    id: 'directory tenants',
    where: { path: '/tenants' },
    pageSize: 2,
    permission: azureRole,
    run: (client, _w, signal) => listDirectoryTenants(client, { signal }),
    items: listItems,
  },
  {
    id: 'billing accounts',
    where: { path: '/Microsoft.Billing/billingAccounts', method: 'GET' },
    pageSize: 2,
    permission: billingRole,
    // An empty first answer is asked again on 2019-10-01-preview (accounts.ts), which lists them.
    differs: { empty: { first: R } },
    run: async (client, _w, signal) => (await listBillingAccounts(client, { signal })).accounts.map((a) => ({ name: a.name, displayName: a.displayName, agreementType: a.agreementType })),
    items: listItems,
  },
  {
    id: 'billing profiles',
    where: { path: '/billingProfiles' },
    pageSize: 1,
    permission: billingRole,
    // An MCA account always has a profile: an empty first answer is asked again (profiles.ts).
    differs: { empty: { first: R } },
    run: async (client, w, signal) => (await listBillingProfiles(client, w.mca, { signal }).all()).items,
    items: listItems,
  },
  {
    id: 'invoice sections',
    where: { path: '/invoiceSections' },
    pageSize: 2,
    permission: billingRole,
    run: async (client, w, signal) => (await listInvoiceSections(client, w.profile, { signal }).all()).items,
    items: listItems,
  },
  {
    id: 'billing subscriptions',
    where: { path: '/billingSubscriptions' },
    pageSize: 2,
    permission: billingRole,
    run: async (client, w, signal) => (await listSubscriptionsByProfile(client, w.profile, { signal }).all()).items,
    items: listItems,
  },
  {
    id: 'EA departments',
    where: { path: '/departments' },
    pageSize: 2,
    permission: billingRole,
    run: async (client, w, signal) => (await listDepartments(client, w.ea, { signal }).all()).items,
    items: listItems,
  },
  {
    id: 'EA enrollment accounts',
    where: { path: '/enrollmentAccounts' },
    pageSize: 2,
    permission: billingRole,
    run: async (client, w, signal) => (await listEnrollmentAccounts(client, w.ea, { signal }).all()).items,
    items: listItems,
  },
  {
    id: 'invoices',
    where: { path: '/invoices' },
    pageSize: 5,
    permission: billingRole,
    run: async (client, w, signal) => (await listInvoicesByProfile(client, w.profile, { asOf, signal }).all()).items,
    items: listItems,
  },
  {
    id: 'invoice download: start',
    where: { path: '/download', method: 'POST' },
    oneRequest: true,
    permission: billingRole,
    differs: bodiless(['first', 'every']),
    run: downloadPdf,
    items: (r) => [r],
  },
  {
    id: 'invoice download: poll',
    where: { path: '/operationResults/' },
    permission: billingRole,
    differs: {
      // The first poll answers 202 without a body; the second carries the link.
      'drop mid-body': { first: R },
      malformed: { first: R },
      // The operation finishing without a link is asked for once more; twice is a broken answer.
      empty: { first: R, every: 'typed:serviceUnavailable', second: R },
    },
    run: downloadPdf,
    items: (r) => [r],
  },
  {
    id: 'invoice download: PDF',
    where: { path: '/blob/invoices/' },
    oneRequest: true,
    permission: 'typed:linkRefused',
    differs: {
      ...noToken,
      // A refused link is asked for afresh once (invoiceDownload.ts); refused again, it says so.
      '403': { first: R },
      // Storage's body is a PDF, not JSON: there is nothing to empty.
      empty: { first: R, every: R },
    },
    run: downloadPdf,
    items: (r) => [r],
  },
  {
    id: 'credit balance',
    where: { path: '/credits/balanceSummary' },
    oneRequest: true,
    permission: billingRole,
    run: async (client, w, signal) => {
      const balance = await getCreditBalance(client, { accountName: w.profile.accountName, profileName: w.profile.name, agreementType: w.mca.agreementType }, { signal });
      return balance.kind === 'summary' ? [balance.summary] : [];
    },
    items: listItems,
  },
  {
    id: 'credit lots',
    where: { path: '/lots' },
    pageSize: 2,
    permission: billingRole,
    run: async (client, w, signal) => (await listCreditLots(client, { accountName: w.profile.accountName, profileName: w.profile.name }, { signal }).all()).items,
    items: listItems,
  },
  {
    id: 'credit events',
    where: { path: '/events' },
    pageSize: 5,
    permission: billingRole,
    run: async (client, w, signal) =>
      (await listCreditEvents(client, { accountName: w.profile.accountName, profileName: w.profile.name }, { startDate: addDays(yesterday, -180), endDate: yesterday }, { signal }).all()).items,
    items: listItems,
  },
  {
    id: 'UsageAggregates',
    where: { path: '/Microsoft.Commerce/UsageAggregates' },
    pageSize: 5,
    permission: azureRole,
    run: async (client, w, signal) => {
      const rows: unknown[] = [];
      await readUsageForDays(client, w.payg.subscriptionId, { from: addDays(yesterday, -2), to: yesterday }, (row) => rows.push(row), { signal, offerId: w.payg.offerId });
      return rows;
    },
    items: listItems,
  },
  {
    id: 'RateCard',
    where: { path: '/Microsoft.Commerce/RateCard' },
    oneRequest: true,
    permission: azureRole,
    // RateCard answers 302 to its document: no body.
    differs: bodiless(['first', 'every']),
    run: (client, w, signal) => getRateCard(client, w.payg.subscriptionId, { offerDurableId: w.payg.offerId, currency: w.payg.currency, locale: 'en-US', regionInfo: w.payg.regionInfo }, { signal }),
    items: (r) => [r],
  },
  {
    id: 'RateCard: document',
    where: { path: '/blob/ratecards/' },
    oneRequest: true,
    permission: 'typed:linkRefused',
    differs: {
      ...noToken,
      // A refused link: RateCard is asked for a fresh one once (rateCard.ts).
      '403': { first: R },
      // A stored document, not a list: nothing to empty.
      empty: { first: R, every: R },
    },
    run: (client, w, signal) => getRateCard(client, w.payg.subscriptionId, { offerDurableId: w.payg.offerId, currency: w.payg.currency, locale: 'en-US', regionInfo: w.payg.regionInfo }, { signal }),
    items: (r) => [r],
  },
  {
    id: 'Cost Management query',
    where: { path: '/Microsoft.CostManagement/query' },
    permission: azureRole,
    run: async (client, w, signal) => (await queryDailyCost(client, costScopes.subscription(w.payg.subscriptionId), { period: { from: monthStart, to: yesterday }, pageSize: 5, signal }).all()).items,
    items: listItems,
  },
  {
    id: 'retail prices',
    where: { path: '/api/retail/prices' },
    permission: 'typed:network',
    // A public API: no role opens it, so a refusal is something in between (a proxy): network advice.
    differs: noToken,
    run: async (client, w, signal) => (await listRetailPrices(client, w.emu.baseUrl, { filter: { serviceName: 'Storage' }, signal }).all()).items,
    items: listItems,
  },
  {
    id: 'budgets',
    where: { path: '/Microsoft.Consumption/budgets' },
    oneRequest: true,
    permission: azureRole,
    run: async (client, w, signal) => (await listBudgets(client, costScopes.subscription(w.budgetSubscriptionId), { signal }).all()).items,
    items: listItems,
  },
];
