// The emulator's own routes under /_emulator (not part of Azure): faults, request counts, connection info.
import { FaultStore, validateRule } from './faults';
import type { EmuResponse } from './http';

export interface ControlTargets {
  faults: FaultStore;
  stats: unknown;
  resetStats(): void;
  info(): unknown;
}

export function controlAnswer(method: string, rest: string[], body: Buffer, targets: ControlTargets): EmuResponse {
  try {
    if (rest[0] === 'faults' && method === 'GET') return { status: 200, json: { rules: targets.faults.list() } };
    if (rest[0] === 'faults' && method === 'DELETE') {
      targets.faults.clear();
      return { status: 204 };
    }
    if (rest[0] === 'faults' && method === 'POST') {
      const input = JSON.parse(body.toString('utf8') || '{}');
      const rules: unknown[] = Array.isArray(input) ? input : Array.isArray(input.rules) ? input.rules : [input];
      rules.map(validateRule).forEach((r) => targets.faults.add(r));
      return { status: 201, json: { rules: targets.faults.list() } };
    }
    if (rest[0] === 'stats' && method === 'GET') return { status: 200, json: targets.stats };
    if (rest[0] === 'stats' && method === 'DELETE') {
      targets.resetStats();
      return { status: 204 };
    }
    if (rest[0] === 'info' && method === 'GET') return { status: 200, json: targets.info() };
  } catch (e) {
    return { status: 400, json: { error: { code: 'BadRequest', message: (e as Error).message } } };
  }
  return { status: 404, json: { error: { code: 'NotFound', message: 'Unknown emulator control route.' } } };
}
