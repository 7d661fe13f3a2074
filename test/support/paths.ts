import * as path from 'path';

/** The repository root, found from this file's place in `out/test/support/`. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** Where the test CA lives; scripts/unit-tests.js makes it and hands it to Node via NODE_EXTRA_CA_CERTS. */
export const testCaDir = path.join(repoRoot, '.cache', 'emulator-ca');
