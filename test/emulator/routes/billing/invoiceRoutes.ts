// Invoices: lists by account, profile and subscription with period filters; one invoice; and the
// download operations (docs/azure-apis.md#invoices-list to #invoices-download). Routes with the
// literal `default` account are registered before the `{billingAccountName}` ones so that they win.
import { fail, ok, pageOf } from '../../arm';
import type { EmuRequest, EmuResponse } from '../../http';
import type { Router } from '../../router';
import type { WorldBillingAccount, WorldInvoice } from '../../world/billing/types';
import type { RouteContext } from '../context';
import { InvoiceDownloads, pdfArtefact, selectDocument } from './download';
import { registerMultiDownloadRoutes } from './multiDownload';
import { findPresented, presentAll } from './invoiceCatalog';
import { InvoiceScope, invoiceJson } from './invoiceViews';
import { periodWindow, topSkip } from './listParams';
import { accountOf, EA_ONLY, MCA_ONLY, profileOf, rbacSubscriptionOf } from './lookup';
import { BILLING, BILLING_VERSIONS, seg, V2019, V2020, V2024 } from './versions';

const MODERN = [V2020, V2024];

export function registerInvoiceRoutes(router: Router, ctx: RouteContext): void {
  const billing = ctx.world.billing;
  const downloads = new InvoiceDownloads(ctx);
  const add = (method: 'GET' | 'POST', path: string, apiVersions: readonly string[], handler: (req: EmuRequest) => EmuResponse) =>
    router.add({ method, path: `${BILLING}${path}`, apiVersions, auth: 'arm', handler });

  /** 2019-10-01-preview addresses MCA invoices under their billing profile. */
  const scopeFor = (req: EmuRequest, account?: WorldBillingAccount): InvoiceScope =>
    req.apiVersion === V2019 && account?.agreementType === 'MicrosoftCustomerAgreement' ? 'profile' : 'account';

  const json = (req: EmuRequest, inv: WorldInvoice, scope: InvoiceScope, all: readonly WorldInvoice[]) => {
    const account = billing.account(inv.accountName);
    const profile = account && inv.profileName ? billing.profile(account, inv.profileName) : undefined;
    const creditFor = inv.creditForInvoiceName ? all.find((x) => x.name === inv.creditForInvoiceName) : undefined;
    return invoiceJson(inv, { origin: req.origin, version: req.apiVersion as string, scope, profileDisplayName: profile?.displayName, creditFor });
  };

  /** An invoice is in the window when its billing period starts inside it, so windows that tile never repeat one [inf]. */
  const listOf = (req: EmuRequest, invoices: readonly WorldInvoice[], scope: InvoiceScope) => {
    const window = periodWindow(req, req.apiVersion !== V2024);
    const shown = presentAll(ctx, invoices).filter((inv) => !window || (inv.periodStart >= window.start && inv.periodStart <= window.end));
    return ok(pageOf(req, topSkip(req, shown.map((inv) => json(req, inv, scope, invoices))), { pageSize: ctx.settings.pageSize }));
  };

  const oneOf = (req: EmuRequest, invoices: readonly WorldInvoice[], scope: InvoiceScope) => {
    const inv = findPresented(ctx, invoices, req.params.invoiceName);
    if (!inv) { fail(404, 'NotFound', `The invoice '${req.params.invoiceName}' was not found.`); }
    return ok(json(req, inv, scope, invoices));
  };

  /**
   * By account: 2020-05-01 serves MCA only; EA and pay-as-you-go get `Invalid billing account
   * name.` (docs/azure-apis.md#invoices-list).
   */
  const accountInvoices = (req: EmuRequest) => {
    const account = accountOf(ctx, req, req.apiVersion === V2020 ? MCA_ONLY : undefined);
    return { account, invoices: billing.invoicesOfAccount(account) };
  };

  const subscriptionInvoices = (req: EmuRequest) => billing.subscriptionInvoices(rbacSubscriptionOf(ctx, req));

  /** Any invoice the caller can reach: through its billing accounts or its subscriptions. */
  const reachableInvoices = (req: EmuRequest) => [
    ...billing.visibleAccounts(req.caller?.tid).flatMap((a) => billing.invoicesOfAccount(a)),
    ...ctx.world.subscriptions.filter((s) => s.tenantId === req.caller?.tid).flatMap((s) => billing.subscriptionInvoices(s)),
  ];

  // --- `default` account: subscription invoices and lookup by invoice name (2020-05-01, 2024-04-01).
  add('GET', '/default/billingSubscriptions/{subscriptionId}/invoices', MODERN, (req) => listOf(req, subscriptionInvoices(req), 'subscription'));
  add('GET', '/default/billingSubscriptions/{subscriptionId}/invoices/{invoiceName}', MODERN, (req) => oneOf(req, subscriptionInvoices(req), 'subscription'));
  add('GET', '/default/invoices/{invoiceName}', MODERN, (req) => {
    const all = reachableInvoices(req);
    const inv = findPresented(ctx, all, req.params.invoiceName);
    if (!inv) { fail(404, 'NotFound', `The invoice '${req.params.invoiceName}' was not found.`); }
    // Reached only through RBAC on its subscription: addressed by that subscription.
    const viaSubscription = inv.subscriptionId !== undefined && !billing.visibleAccount(req.caller?.tid, inv.accountName);
    return ok(json(req, inv, viaSubscription ? 'subscription' : 'account', all));
  });
  add('POST', '/default/billingSubscriptions/{subscriptionId}/invoices/{invoiceName}/download', MODERN, (req) => {
    const sub = rbacSubscriptionOf(ctx, req);
    const inv = findPresented(ctx, billing.subscriptionInvoices(sub), req.params.invoiceName);
    if (!inv) { fail(404, 'NotFound', `The invoice '${req.params.invoiceName}' was not found.`); }
    return downloads.start(req, `${BILLING}/default/billingSubscriptions/${sub.subscriptionId}`, pdfArtefact(ctx, inv, selectDocument(req, inv)));
  });
  add('GET', '/default/billingSubscriptions/{subscriptionId}/operationResults/{operationId}', MODERN, (req) => downloads.poll(req));
  registerMultiDownloadRoutes(router, ctx, downloads, { accountInvoices, subscriptionInvoices });

  // --- By account and by profile.
  add('GET', '/{billingAccountName}/invoices', BILLING_VERSIONS, (req) => {
    const { account, invoices } = accountInvoices(req);
    return listOf(req, invoices, scopeFor(req, account));
  });
  add('GET', '/{billingAccountName}/invoices/{invoiceName}', BILLING_VERSIONS, (req) => {
    const { account, invoices } = accountInvoices(req);
    return oneOf(req, invoices, scopeFor(req, account));
  });
  add('GET', '/{billingAccountName}/billingProfiles/{billingProfileName}/invoices', BILLING_VERSIONS, (req) => {
    const account = accountOf(ctx, req, MCA_ONLY);
    return listOf(req, billing.invoicesOfProfile(profileOf(ctx, req, account)), scopeFor(req, account));
  });
  add('GET', '/{billingAccountName}/billingProfiles/{billingProfileName}/invoices/{invoiceName}', [V2019], (req) => {
    const account = accountOf(ctx, req, MCA_ONLY);
    return oneOf(req, billing.invoicesOfProfile(profileOf(ctx, req, account)), 'profile');
  });
  // The preview's billing-subscription invoices, addressed through the real account.
  add('GET', '/{billingAccountName}/billingSubscriptions/{billingSubscriptionName}/invoices', [V2019], (req) => {
    const account = accountOf(ctx, req);
    const sub = account.subscriptions.find((s) => s.subscriptionId === req.params.billingSubscriptionName.toLowerCase());
    if (!sub) { fail(404, 'NotFound', `The billing subscription '${req.params.billingSubscriptionName}' was not found.`); }
    return listOf(req, billing.subscriptionInvoices(sub), 'account');
  });

  // --- Downloads.
  add('POST', '/{billingAccountName}/invoices/{invoiceName}/download', BILLING_VERSIONS, (req) => {
    const { invoices } = accountInvoices(req);
    const inv = findPresented(ctx, invoices, req.params.invoiceName);
    if (!inv) { fail(404, 'NotFound', `The invoice '${req.params.invoiceName}' was not found.`); }
    return downloads.start(req, `${BILLING}/${seg(inv.accountName)}/invoices/${seg(inv.name)}`, pdfArtefact(ctx, inv, selectDocument(req, inv)));
  });
  add('POST', '/{billingAccountName}/billingProfiles/{billingProfileName}/invoices/{invoiceName}/download', [V2019], (req) => {
    const account = accountOf(ctx, req, MCA_ONLY);
    const profile = profileOf(ctx, req, account);
    const inv = findPresented(ctx, billing.invoicesOfProfile(profile), req.params.invoiceName);
    if (!inv) { fail(404, 'NotFound', `The invoice '${req.params.invoiceName}' was not found.`); }
    return downloads.start(req, `${BILLING}/${seg(account.name)}/billingProfiles/${profile.name}`, pdfArtefact(ctx, inv, selectDocument(req, inv)));
  });
  // EA only: the invoice summary document (2024-04-01).
  add('POST', '/{billingAccountName}/invoices/{invoiceName}/downloadSummary', [V2024], (req) => {
    const account = accountOf(ctx, req, EA_ONLY);
    const inv = findPresented(ctx, billing.invoicesOfAccount(account), req.params.invoiceName);
    if (!inv) { fail(404, 'NotFound', `The invoice '${req.params.invoiceName}' was not found.`); }
    return downloads.start(req, `${BILLING}/${seg(account.name)}/invoices/${seg(inv.name)}`, pdfArtefact(ctx, inv, { kind: 'Summary', name: `${inv.documents[0].name}S`, source: 'DRS' }));
  });
  add('GET', '/{billingAccountName}/invoices/{invoiceName}/operationResults/{operationId}', BILLING_VERSIONS, (req) => downloads.poll(req));
  add('GET', '/{billingAccountName}/billingProfiles/{billingProfileName}/operationResults/{operationId}', [V2019], (req) => downloads.poll(req));
}
