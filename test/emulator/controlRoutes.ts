// The emulator's own routes under /_emulator (not part of Azure): faults, request counts, settings,
// connection info.
import { FaultStore, validateRule } from './faults';
import type { EmuResponse } from './http';
import type { EmulatorSettings } from './routes/context';
import { applySettingsPatch } from './settingsPatch';

export interface ControlTargets {
  faults: FaultStore;
  /** The live settings object every route reads at request time; PATCH changes it in place. */
  settings: EmulatorSettings;
  stats: unknown;
  resetStats(): void;
  info(): unknown;
}

export function controlAnswer(method: string, rest: string[], body: Buffer, targets: ControlTargets): EmuResponse {
  try {
    if (rest[0] === 'faults' && method === 'GET') { return { status: 200, json: { rules: targets.faults.list() } }; }
    if (rest[0] === 'faults' && method === 'DELETE') {
      targets.faults.clear();
      return { status: 204 };
    }
    if (rest[0] === 'faults' && method === 'POST') {
      const input = JSON.parse(body.toString('utf8') || '{}') as unknown;
      const listed = typeof input === 'object' && input !== null && 'rules' in input ? input.rules : undefined;
      const rules: unknown[] = Array.isArray(input) ? input : Array.isArray(listed) ? listed : [input];
      rules.map(validateRule).forEach((r) => targets.faults.add(r));
      return { status: 201, json: { rules: targets.faults.list() } };
    }
    if (rest[0] === 'stats' && method === 'GET') { return { status: 200, json: targets.stats }; }
    if (rest[0] === 'stats' && method === 'DELETE') {
      targets.resetStats();
      return { status: 204 };
    }
    if (rest[0] === 'settings' && rest.length === 1 && method === 'GET') { return { status: 200, json: targets.settings }; }
    if (rest[0] === 'settings' && rest.length === 1 && method === 'PATCH') {
      let input: unknown;
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        throw new Error('The body must be a JSON object of settings, e.g. {"hostileInvoiceNames": true}.');
      }
      return { status: 200, json: applySettingsPatch(targets.settings, input) };
    }
    if (rest[0] === 'info' && method === 'GET') { return { status: 200, json: targets.info() }; }
  } catch (e) {
    return { status: 400, json: { error: { code: 'BadRequest', message: (e as Error).message } } };
  }
  return { status: 404, json: { error: { code: 'NotFound', message: 'Unknown emulator control route.' } } };
}
