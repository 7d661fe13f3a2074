#!/usr/bin/env node
// `npm run screenshots`: regenerates the README's pictures in docs/images/ from the current product,
// at the default window size (1400×900) against the emulator. They are taken by the UI tests that
// look at the product at that size (test/ui/firstImpressions.test.ts, test/ui/walkthrough.test.ts,
// test/ui/usagePanelCredits.test.ts),
// so a picture is only written by a run that also checks what it shows.
const { spawnSync } = require('child_process');
const path = require('path');

let status = 0;
for (const grep of ['First impressions', 'getting-started walkthrough in English', "Credits view \\(en\\)"]) {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'ui-tests.js')], {
    stdio: 'inherit',
    env: { ...process.env, AZURE_BILLING_README_SCREENSHOTS: '1', AZURE_BILLING_TEST_GREP: grep },
  });
  status ||= result.status ?? 1;
}
process.exit(status);
