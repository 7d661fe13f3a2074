// A measurement, not a pass/fail test of speed: round trips and wall time to expand the whole MCA
// account (every profile, folder, section and list) with 50 ms added to every emulator answer, the
// way a person who opens everything would. Printed by the harness as metrics; the test itself only
// checks that everything loaded without an error node.
import * as assert from 'assert';
import { accountNode } from './explorerBillingHelpers';
import { recordMetric } from './metrics';
import { addFault, clearFaults, emulatorStats, resetEmulatorStats } from './support/emulatorControl';
import { refresh, shownChildren } from './support/extensionApi';
import { emulatorSuite } from './emulatorSuite';

describe('Azure Billing: expanding a whole MCA account (measurement)', function () {
  this.timeout(120_000);
  const host = emulatorSuite({ clearFaults: 'after' });

  it('loads every node below the account; round trips and wall time with 50 ms latency are recorded', async () => {
    const { shown: account } = await accountNode(host.api, 'MicrosoftCustomerAgreement');
    await refresh(account.node);
    await addFault({ kind: 'latency', latencyMs: 50 });
    await resetEmulatorStats();
    const started = performance.now();
    // Level by level, every collapsible node of a level opened at once, as VS Code does for
    // the expanded nodes of a tree; the tree's own bound limits the background reads.
    let level = [account];
    let nodes = 0;
    let depth = 0;
    const errors: string[] = [];
    while (level.length) {
      const children = await Promise.all(level.filter((n) => n.collapsible).map((n) => shownChildren(host.api, n.node)));
      level = children.flat();
      nodes += level.length;
      depth++;
      for (const n of level) { if (/\bretryable\b/.test(n.contextValue)) { errors.push(`${n.label}: ${n.description}`); } }
    }
    const wallMs = performance.now() - started;
    const measured = await emulatorStats();
    await clearFaults();
    recordMetric('expandMcaAccountMs', wallMs);
    recordMetric('expandMcaAccountRequests', measured?.total ?? -1);
    recordMetric('expandMcaAccountNodes', nodes);
    recordMetric('expandMcaAccountLevels', depth);
    console.log(`[measure] whole MCA account: ${nodes} nodes on ${depth} levels, ${measured?.total} requests, ${wallMs.toFixed(0)} ms with 50 ms latency; by route ${JSON.stringify(measured?.byRoute)}`);
    assert.deepStrictEqual(errors, []);
    assert.ok(nodes > 30, `only ${nodes} nodes`);
  });
});
