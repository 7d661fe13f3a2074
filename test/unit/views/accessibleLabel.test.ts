// A screen reader says what a node shows first (label, then description), then a detail — never a
// folder's long explanation in place of its name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as vscode from 'vscode';
import { accessibleText, withAccessibleLabel } from '../../../src/views/explorer/accessibleLabel';

const item = (fields: Partial<vscode.TreeItem>) => fields as vscode.TreeItem;

test('the Credit events and Invoices folders read out their name first, then their explanation', () => {
  const events = withAccessibleLabel(item({
    label: 'Credit events',
    description: 'last 12 months',
    tooltip: 'Credits added, charges settled and credits expired for Contoso EU in the last 12 months, newest first.',
  }));
  assert.equal(events.accessibilityInformation?.label, 'Credit events, last 12 months, Credits added, charges settled and credits expired for Contoso EU in the last 12 months, newest first.');
  const invoices = withAccessibleLabel(item({ label: { label: 'Invoices' }, description: 'last 12 months', tooltip: 'Invoices of Contoso EU.' }));
  assert.match(invoices.accessibilityInformation!.label, /^Invoices, last 12 months, /);
});

test('a detail comes after what is shown; a tooltip of fields is not read out', () => {
  const account = withAccessibleLabel(item({ label: 'Contoso', description: 'MCA · Active', tooltip: { value: '**Contoso**' } as vscode.MarkdownString }), 'Microsoft Customer Agreement');
  assert.equal(account.accessibilityInformation?.label, 'Contoso, MCA · Active, Microsoft Customer Agreement');
  const lot = withAccessibleLabel(item({ label: 'Prepayment', description: '€0.00 left · expired', tooltip: { value: 'fields' } as vscode.MarkdownString }));
  assert.equal(lot.accessibilityInformation?.label, 'Prepayment, €0.00 left · expired');
});

test('nothing is said twice, empty parts are skipped, and a role is kept', () => {
  assert.equal(accessibleText('Load more', '', 'Load more'), 'Load more');
  assert.equal(accessibleText('X', undefined, '  '), 'X');
  const kept = withAccessibleLabel(item({ label: 'A', accessibilityInformation: { label: 'old sentence', role: 'button' } }));
  assert.deepEqual(kept.accessibilityInformation, { label: 'A', role: 'button' });
});
