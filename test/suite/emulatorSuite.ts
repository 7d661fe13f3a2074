// The start every suite that reads the emulator through the extension shares: the running
// extension's API, and no fault left over from another suite (or test) in the way.
import type { AzureBillingApi } from '../../src/extension';
import { clearFaults } from './support/emulatorControl';
import { extensionApi, refresh } from './support/extensionApi';

export interface EmulatorSuiteOptions {
  /** Reload the tree first, so nodes an earlier suite loaded (perhaps under its faults) are read again. */
  refreshTree?: boolean;
  /** When the faults a test added are cleared: after each test (the default) or once the suite is done. */
  clearFaults?: 'afterEach' | 'after';
}

export interface EmulatorSuite {
  /** The extension's API; set before the suite's first test. */
  readonly api: AzureBillingApi;
  /** The home tenant the test host signs in to (the emulator's service principal). */
  readonly tenantId: string | undefined;
}

/** Registers the suite's hooks; call it inside `describe`. */
export function emulatorSuite(options: EmulatorSuiteOptions = {}): EmulatorSuite {
  let api: AzureBillingApi | undefined;
  before(async () => {
    api = await extensionApi();
    await clearFaults();
    if (options.refreshTree) { await refresh(); }
  });
  if (options.clearFaults === 'after') { after(() => clearFaults()); }
  else { afterEach(() => clearFaults()); }
  return {
    get api() {
      if (!api) { throw new Error('the extension API is read before the suite started'); }
      return api;
    },
    tenantId: process.env.AZURE_TENANT_ID,
  };
}
