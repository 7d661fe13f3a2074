// Reads what the credit runway of a billing profile needs: the balance summary and the lots
// (Consumption, no Cost Management quota) and the forecast spend from the profile's shared cost
// source, then computes it (profileRunway.ts). Used by the Credits node, Show Credit Balance and
// the status bar's tooltip.

import type { ArmTransport } from '../../azure/transport';
import { CreditScope, getCreditBalance, listCreditLots } from '../../billing/credits';
import type { CreditBalance } from '../../billing/models/credit';
import type { DayNumber } from '../../insight/calendar';
import { readGlance } from '../statusBar/glanceFigures';
import type { PanelSource } from '../usagePanel/panelSource';
import { RunwayAnswer, runwayOf } from './profileRunway';

export interface RunwayInputs {
  transport: ArmTransport;
  scope: CreditScope;
  /** The profile's cost source (UsagePanels.sourceFor). */
  costs: PanelSource;
  today: DayNumber;
  /** The balance when the caller already has it (the Credits node keeps one). */
  balance?: Promise<CreditBalance>;
  signal?: AbortSignal;
}

/** Forecast spend per day by currency, in minor units, from the profile's billing period. */
export async function forecastDailySpend(costs: PanelSource, today: DayNumber, signal?: AbortSignal): Promise<Map<string, number>> {
  const glance = await readGlance(costs, { today, signal });
  return new Map(glance.currencies.flatMap((c) => (c.forecast ? [[c.currency.toUpperCase(), c.forecast.dailySpend] as [string, number]] : [])));
}

/** Undefined when the profile has no credits. */
export async function readProfileRunway(inputs: RunwayInputs): Promise<RunwayAnswer | undefined> {
  const { transport, scope, signal } = inputs;
  const [balance, lots, spend] = await Promise.all([
    inputs.balance ?? getCreditBalance(transport, scope, { signal }),
    listCreditLots(transport, scope, { signal }).all(),
    forecastDailySpend(inputs.costs, inputs.today, signal),
  ]);
  if (balance.kind === 'noCredits') {return undefined;}
  return runwayOf(balance.summary, lots.items, spend, inputs.today);
}
