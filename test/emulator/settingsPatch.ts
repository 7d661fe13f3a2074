// The emulator's settings as a running emulator changes them (`PATCH /_emulator/settings`): a JSON
// merge patch (RFC 7396) of known keys, checked whole before anything changes, applied in place so
// every route that reads `ctx.settings` at request time sees the new values at once.
import type { EmulatorSettings, RetailPricesSettings } from './routes/context';

export const DEFAULT_SETTINGS: EmulatorSettings = {
  pageSize: 100, downloadPolls: 2, blobUrlLifetimeSeconds: 300, retryAfterSeconds: 1, hostileInvoiceNames: false,
  costManagementQpuLimits: null,
  rateCardRedirect: true,
  retailPrices: { pageSize: 1000, omitNextPageLink: false, shuffle: false, throttleEvery: 0, throttleRetryAfterSeconds: 30 },
};

/** A fresh copy of the defaults with `overrides` on top; the nested objects are never shared. */
export function initialSettings(overrides: Partial<EmulatorSettings> = {}): EmulatorSettings {
  const settings: EmulatorSettings = { ...DEFAULT_SETTINGS, ...overrides };
  settings.retailPrices = { ...DEFAULT_SETTINGS.retailPrices, ...overrides.retailPrices };
  if (settings.costManagementQpuLimits) { settings.costManagementQpuLimits = { ...settings.costManagementQpuLimits }; }
  return settings;
}

export class SettingsPatchError extends Error {}

type Check = (value: unknown, key: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function integer(min: number): Check {
  return (value, key) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      throw new SettingsPatchError(`Setting '${key}' must be an integer ≥ ${min}; got ${JSON.stringify(value)}.`);
    }
  };
}

const boolean: Check = (value, key) => {
  if (typeof value !== 'boolean') { throw new SettingsPatchError(`Setting '${key}' must be true or false; got ${JSON.stringify(value)}.`); }
};

const QPU_KEYS = ['per10Seconds', 'perMinute', 'perHour'] as const;
const RETAIL_CHECKS: Record<keyof RetailPricesSettings, Check> = {
  pageSize: integer(1),
  omitNextPageLink: boolean,
  shuffle: boolean,
  throttleEvery: integer(0),
  throttleRetryAfterSeconds: integer(0),
};
/** Nested settings whose null means "none" rather than "back to the default". */
const NULLABLE_RETAIL = new Set<string>(['throttleRetryAfterSeconds']);

const TOP_CHECKS: Record<Exclude<keyof EmulatorSettings, 'costManagementQpuLimits' | 'retailPrices'>, Check> = {
  pageSize: integer(1),
  downloadPolls: integer(0),
  blobUrlLifetimeSeconds: integer(1),
  retryAfterSeconds: integer(0),
  hostileInvoiceNames: boolean,
  rateCardRedirect: boolean,
};

const known = (keys: readonly string[]) => keys.map((k) => `'${k}'`).join(', ');

function unknownKey(key: string, where: string, keys: readonly string[]): never {
  throw new SettingsPatchError(`Unknown setting '${key}'${where}; known: ${known(keys)}.`);
}

/**
 * Merges `patch` into `settings` in place: a key set to a value replaces it, a key set to null goes
 * back to its default (null is itself a value for `costManagementQpuLimits` and
 * `retailPrices.throttleRetryAfterSeconds`), nested objects merge key by key, absent keys stay.
 * Throws SettingsPatchError, leaving `settings` untouched, on an unknown key or a wrong type.
 */
export function applySettingsPatch(settings: EmulatorSettings, patch: unknown): EmulatorSettings {
  if (!isObject(patch)) { throw new SettingsPatchError('The body must be a JSON object of settings, e.g. {"hostileInvoiceNames": true}.'); }
  const topKeys = [...Object.keys(TOP_CHECKS), 'costManagementQpuLimits', 'retailPrices'];
  const next: EmulatorSettings = { ...settings, retailPrices: { ...settings.retailPrices } };

  for (const [key, value] of Object.entries(patch)) {
    if (key === 'retailPrices') {
      if (value === null) {
        next.retailPrices = { ...DEFAULT_SETTINGS.retailPrices };
        continue;
      }
      if (!isObject(value)) { throw new SettingsPatchError(`Setting 'retailPrices' must be an object (or null for the defaults); got ${JSON.stringify(value)}.`); }
      for (const [inner, innerValue] of Object.entries(value)) {
        const check = RETAIL_CHECKS[inner as keyof RetailPricesSettings];
        if (!check) { unknownKey(inner, " in 'retailPrices'", Object.keys(RETAIL_CHECKS)); }
        const field = inner as keyof RetailPricesSettings;
        if (innerValue === null) {
          (next.retailPrices as unknown as Record<string, unknown>)[field] = NULLABLE_RETAIL.has(field) ? null : DEFAULT_SETTINGS.retailPrices[field];
          continue;
        }
        check(innerValue, `retailPrices.${field}`);
        (next.retailPrices as unknown as Record<string, unknown>)[field] = innerValue;
      }
    } else if (key === 'costManagementQpuLimits') {
      if (value === null) {
        next.costManagementQpuLimits = null;
        continue;
      }
      if (!isObject(value)) { throw new SettingsPatchError(`Setting 'costManagementQpuLimits' must be null or an object {${QPU_KEYS.join(', ')}}; got ${JSON.stringify(value)}.`); }
      const merged: Record<string, unknown> = { ...(settings.costManagementQpuLimits ?? {}) };
      for (const [inner, innerValue] of Object.entries(value)) {
        if (!(QPU_KEYS as readonly string[]).includes(inner)) { unknownKey(inner, " in 'costManagementQpuLimits'", QPU_KEYS); }
        merged[inner] = innerValue;
      }
      for (const k of QPU_KEYS) {
        if (merged[k] === undefined || merged[k] === null) { throw new SettingsPatchError(`Setting 'costManagementQpuLimits' needs all of ${QPU_KEYS.join(', ')} (missing '${k}').`); }
        integer(1)(merged[k], `costManagementQpuLimits.${k}`);
      }
      next.costManagementQpuLimits = merged as unknown as EmulatorSettings['costManagementQpuLimits'];
    } else {
      const check = TOP_CHECKS[key as keyof typeof TOP_CHECKS];
      if (!check) { unknownKey(key, '', topKeys); }
      const field = key as keyof typeof TOP_CHECKS;
      if (value === null) {
        (next as unknown as Record<string, unknown>)[field] = DEFAULT_SETTINGS[field];
        continue;
      }
      check(value, field);
      (next as unknown as Record<string, unknown>)[field] = value;
    }
  }

  // Everything checked: apply in place, keeping the objects routes hold on to.
  const retail = settings.retailPrices;
  Object.assign(retail, next.retailPrices);
  Object.assign(settings, next, { retailPrices: retail });
  return settings;
}
