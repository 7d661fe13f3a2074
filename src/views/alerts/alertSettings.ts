// The monitor's settings (azureBilling.alerts.*), read afresh on every pass and bounded so a bad
// value cannot make the monitor poll hard or fire on everything.
import * as vscode from 'vscode';
import { DEFAULT_THRESHOLDS } from '../../insight/alerts/anomalyRules';
import type { AlertRuleSettings } from './alertChecks';

export const ALERTS_SECTION = 'azureBilling.alerts';
export const DEFAULT_INTERVAL_MINUTES = 60;
export const MIN_INTERVAL_MINUTES = 15;

export interface AlertSettings extends AlertRuleSettings {
  enabled: boolean;
  intervalMinutes: number;
}

type Getter = <T>(key: string) => T | undefined;

const num = (value: unknown, fallback: number, min: number): number => (typeof value === 'number' && Number.isFinite(value) ? Math.max(min, value) : fallback);

export function alertSettingsFrom(get: Getter): AlertSettings {
  return {
    enabled: get<boolean>('enabled') !== false,
    intervalMinutes: num(get('intervalMinutes'), DEFAULT_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES),
    expiryDays: num(get('creditExpiryDays'), 30, 0),
    runwayDays: num(get('runwayDays'), 30, 0),
    thresholds: {
      ...DEFAULT_THRESHOLDS,
      relative: num(get('anomalyRelativeThreshold'), DEFAULT_THRESHOLDS.relative, 0.1),
      absolute: num(get('anomalyAbsoluteThreshold'), DEFAULT_THRESHOLDS.absolute, 0),
    },
  };
}

export function readAlertSettings(): AlertSettings {
  const config = vscode.workspace.getConfiguration(ALERTS_SECTION);
  return alertSettingsFrom((key) => config.get(key));
}
