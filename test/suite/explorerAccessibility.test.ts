// Every node of the billing tree, as a screen reader hears it: what is shown first (the label,
// then the description), then any detail. Walks the whole tree below every account in a real
// VS Code against the emulator, and checks each kind of node the tree has.
import * as assert from 'assert';
import { ShownNode, shownChildren } from './support/extensionApi';
import { emulatorSuite } from './emulatorSuite';

describe('Azure Billing: accessible names of tree nodes', function () {
  this.timeout(180_000);
  const host = emulatorSuite({ refreshTree: true });

  it('every node type reads out its visible label first, then its description', async () => {
    const kinds = new Map<string, string>();
    const queue: Array<{ shown: ShownNode; depth: number }> = (await shownChildren(host.api)).map((shown) => ({ shown, depth: 0 }));
    let seen = 0;
    while (queue.length > 0 && seen < 600) {
      const { shown, depth } = queue.shift()!;
      seen++;
      const kind = shown.contextValue.split(' ')[0] || '(no context)';
      // A description equal to its label is said once.
      const shownFirst = [...new Set([shown.label, shown.description].filter(Boolean))].join(', ');
      assert.ok(shown.accessibleLabel.startsWith(shownFirst), `${kind} "${shown.label}": reads "${shown.accessibleLabel}", not "${shownFirst}" first`);
      kinds.set(kind, shown.accessibleLabel);
      if (shown.collapsible && depth < 6) {
        for (const child of await shownChildren(host.api, shown.node)) { queue.push({ shown: child, depth: depth + 1 }); }
      }
    }
    for (const kind of ['billingAccount', 'billingProfile', 'creditsFolder', 'creditLot', 'creditEventsFolder', 'creditEvent', 'invoicesFolder', 'invoice', 'subscription']) {
      assert.ok(kinds.has(`azureBilling.${kind}`), `the walk met a ${kind} node (met: ${[...kinds.keys()].join(', ')})`);
    }
  });
});
