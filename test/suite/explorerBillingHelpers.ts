// Helpers shared by the billing explorer, command and download suites (this module declares no
// tests). Expectations are read from the emulator's ARM API with plain HTTPS and the service
// principal from the environment, never through the code under test.
import * as assert from 'assert';
import * as https from 'https';
import * as vscode from 'vscode';
import type { AzureBillingApi } from '../../src/extension';
import { armList, emulatorCa, emulatorToken, emulatorUrl } from './support/emulatorControl';
import { ShownNode, shownChildren } from './support/extensionApi';
import { accountScope } from './usagePanelEmulator';

export const english = () => vscode.env.language.toLowerCase().startsWith('en');

/** An HTTPS answer; `json` is the body parsed when it is JSON, as the shape the caller expects (nothing checks it). */
export interface RawAnswer<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json?: T;
}

export function rawRequest<T = unknown>(method: string, url: string, bearer?: string, jsonBody?: string): Promise<RawAnswer<T>> {
  return new Promise((resolve, reject) => {
    const sent = jsonBody === undefined ? { 'content-length': '0' } : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(jsonBody)) };
    const req = https.request(url, { method, ca: emulatorCa(), headers: bearer ? { authorization: `Bearer ${bearer}`, ...sent } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        let json: T | undefined;
        try {
          json = body.length && /json/.test(String(res.headers['content-type'])) ? (JSON.parse(body.toString('utf8')) as T) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(jsonBody);
  });
}

/** GET one ARM resource as the home tenant's principal sees it, its body read as `T`. */
export async function armGet<T = unknown>(pathAndQuery: string): Promise<RawAnswer<T>> {
  return rawRequest<T>('GET', new URL(pathAndQuery, emulatorUrl()).toString(), await emulatorToken());
}

export { armList };

/** The document of an invoice, fetched the way the API reference describes (POST → 202 → poll → blob), independently of the extension. */
export async function rawInvoicePdf(invoiceId: string, documentName?: string): Promise<Buffer> {
  const bearer = await emulatorToken();
  const query = `api-version=2024-04-01${documentName ? `&documentName=${encodeURIComponent(documentName)}` : ''}`;
  // The operation's answer once it is done: where the document is (a SAS link to the blob).
  let answer = await rawRequest<{ url: string }>('POST', new URL(`${invoiceId.split('/').map(encodeURIComponent).join('/')}/download?${query}`, emulatorUrl()).toString(), bearer);
  for (let polls = 0; answer.status === 202 && polls < 20; polls++) {
    await new Promise((r) => setTimeout(r, 200));
    answer = await rawRequest<{ url: string }>('GET', String(answer.headers.location), bearer);
  }
  assert.strictEqual(answer.status, 200, `download of ${invoiceId} ended with ${answer.status}`);
  const blob = await rawRequest('GET', answer.json!.url);
  assert.strictEqual(blob.status, 200);
  return blob.body;
}

export interface WireAccount {
  id: string;
  name: string;
  properties: { displayName: string; agreementType: string };
}

export async function rawAccounts(): Promise<WireAccount[]> {
  return armList<WireAccount>('/providers/Microsoft.Billing/billingAccounts?api-version=2020-05-01');
}

/** The children of a node whose contextValue kind is `kind` (`azureBilling.<kind>`). */
export async function childOfKind(api: AzureBillingApi, parent: unknown, kind: string): Promise<ShownNode> {
  const children = await shownChildren(api, parent);
  const found = children.find((c) => c.contextValue.split(' ')[0] === `azureBilling.${kind}`);
  assert.ok(found, `no ${kind} among ${children.map((c) => `${c.label} [${c.contextValue}]`).join(', ')}`);
  return found;
}

/** The account node of the home tenant with this agreement type. */
export async function accountNode(api: AzureBillingApi, agreementType: string): Promise<{ shown: ShownNode; wire: WireAccount }> {
  const accounts = await rawAccounts();
  const wire = accounts.find((a) => a.properties.agreementType === agreementType);
  assert.ok(wire, `the world has a ${agreementType} account`);
  const tenantId = process.env.AZURE_TENANT_ID;
  const first = await shownChildren(api);
  const tenant = first.find((n) => (n.node as { id: string }).id === `tenant/${tenantId}`);
  const level = tenant ? await shownChildren(api, tenant.node) : first;
  const shown = level.find((n) => (n.node as { id: string }).id.endsWith(`/account/${wire.name}`));
  assert.ok(shown, `no node for account ${wire.name}`);
  return { shown, wire };
}

/** Polls until `read` gives a value `ok` accepts (the tree redraws nodes whose data arrives later). */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** Today (UTC) minus `days`, as the API's plain dates. */
export function daysAgo(days: number, from = new Date()): string {
  return new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) - days * 86_400_000).toISOString().slice(0, 10);
}

export function money(amount: number, currency: string): string {
  return new Intl.NumberFormat(vscode.env.language, { style: 'currency', currency }).format(amount);
}

/** Sum in integer cents, so the expectation does not drift the way doubles do. */
export function centsSum(values: number[]): number {
  return values.reduce((s, v) => s + Math.round(v * 100), 0) / 100;
}

/** The MCA account's billing profile billed in `currency`, as the tree shows it and as the wire has it. */
export async function profileNodeIn(api: AzureBillingApi, currency: string): Promise<{ node: ShownNode; profile: { name: string; properties: { currency: string; displayName: string } }; account: ShownNode; wire: WireAccount }> {
  const { shown: account, wire } = await accountNode(api, 'MicrosoftCustomerAgreement');
  const profiles = await armList<{ name: string; properties: { currency: string; displayName: string } }>(`/${accountScope(wire.name)}/billingProfiles?api-version=2020-05-01`);
  const profile = profiles.find((p) => p.properties.currency === currency);
  assert.ok(profile, `a profile billed in ${currency}`);
  const node = (await shownChildren(api, account.node)).find((c) => (c.node as { id: string }).id.endsWith(`/profile/${profile.name}`));
  assert.ok(node, 'the profile is in the tree');
  return { node, profile, account, wire };
}
