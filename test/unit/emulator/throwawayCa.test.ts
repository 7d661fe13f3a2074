// An emulator started without a CA folder makes a throw-away CA, private key included, in the
// temporary directory: it must leave nothing behind when it stops (dozens used to pile up).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { startEmulator } from '../../emulator/server';
import { FIXED_AS_OF } from '../../support/emulator';
import { testCaDir } from '../../support/paths';

describe('emulator: its certificate authority', () => {
  it('removes a throw-away CA folder, key and all, when it stops', async () => {
    const emu = await startEmulator({ asOf: FIXED_AS_OF });
    const folder = path.dirname(emu.caCertPath);
    assert.ok(fs.existsSync(path.join(folder, 'ca-key.pem')), 'the CA was made in its own folder');
    await emu.close();
    assert.equal(fs.existsSync(folder), false, `${folder} is left behind`);
  });

  it('keeps a CA folder it was given, so test runs can trust one CA', async () => {
    const emu = await startEmulator({ asOf: FIXED_AS_OF, caDir: testCaDir });
    await emu.close();
    assert.ok(fs.existsSync(path.join(testCaDir, 'ca.pem')));
  });
});
