// A stand-in for the usage side's costs, used only when a test or tool passes it explicitly
// (createWorld's `usage` override): a seeded daily cost per subscription, zero before it was created.
import { Random } from '../random';
import type { UsageCosts, WorldSubscription } from '../types';
import { addDays } from './calendar';

export function placeholderUsage(seed: number, subscriptions: readonly WorldSubscription[]): UsageCosts {
  const byId = new Map(subscriptions.map((s) => [s.subscriptionId, s]));
  const base = new Map(subscriptions.map((s) => [s.subscriptionId, Random.of(seed, 'placeholder-usage', s.subscriptionId).int(5, 150)]));
  const dailyCost = (subscriptionId: string, day: string): number => {
    const sub = byId.get(subscriptionId);
    if (!sub || day < sub.createdDate) return 0;
    const wobble = Random.of(seed, 'placeholder-usage', subscriptionId, day).next();
    return Math.round((base.get(subscriptionId) ?? 0) * (0.6 + 0.8 * wobble) * 10_000) / 10_000;
  };
  return {
    dailyCost,
    costBetween(subscriptionId, from, to) {
      let total = 0;
      for (let day = from; day <= to; day = addDays(day, 1)) total += dailyCost(subscriptionId, day);
      return total;
    },
  };
}
