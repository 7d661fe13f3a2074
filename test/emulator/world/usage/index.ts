// The usage side of the world: meters, prices, resources, hourly usage and the costs that follow
// from them. Everything is made lazily from the seed; the billing side (world/index.ts) calls
// createUsageWorld and computes invoices and credit charges from dailyCost / costBetween.
import { Random } from '../random';
import type { UsageCosts, WorldOptions, WorldSubscription } from '../types';
import { addMonths, dayNumber, monthStart } from './calendar';
import { buildMonthLedger, MonthLedger } from './costLedger';
import { MeterCatalogue } from './meters';
import { PriceBook } from './priceBook';
import { makeResources, Stream, UsageResource, UsageWindow } from './resources';
import { RetailCatalogue } from './retailCatalogue';

export interface UsageWorld extends UsageCosts {
  readonly options: WorldOptions;
  /** asOf as a day number; the world's usage ends the day before. */
  readonly asOfDay: number;
  readonly window: UsageWindow;
  readonly catalogue: MeterCatalogue;
  readonly prices: PriceBook;
  readonly subscriptions: readonly WorldSubscription[];
  subscription(subscriptionId: string): WorldSubscription | undefined;
  resourcesOf(subscriptionId: string): readonly UsageResource[];
  streamsOf(subscriptionId: string): readonly Stream[];
  /** Costs of a subscription for the calendar month starting on `monthFirstDay` (a day number). */
  ledger(subscriptionId: string, monthFirstDay: number): MonthLedger;
  /** Daily cost in whole cents (exact integer). */
  dailyCents(subscriptionId: string, day: number): number;
  retail(): RetailCatalogue;
}

/** Resources in the whole world: 130 in the small world, 2,000 in the large one. */
const RESOURCE_TARGET = { small: 130, large: 2000 } as const;

export function createUsageWorld(options: WorldOptions, subscriptions: WorldSubscription[]): UsageWorld {
  const asOfDay = dayNumber(options.asOf);
  const window: UsageWindow = { firstDay: addMonths(asOfDay, -13), lastDay: asOfDay - 1 };
  const catalogue = new MeterCatalogue(options.seed, options.scale, asOfDay);
  const prices = new PriceBook(options.seed, catalogue);
  const byId = new Map(subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s]));
  const counts = resourceCounts(options, subscriptions);
  const resources = new Map<string, UsageResource[]>();
  const streams = new Map<string, Stream[]>();
  const ledgers = new Map<string, MonthLedger>();
  let retail: RetailCatalogue | undefined;

  function subscription(id: string): WorldSubscription | undefined {
    return byId.get(id.toLowerCase());
  }

  function resourcesOf(id: string): UsageResource[] {
    const sub = subscription(id);
    if (!sub) { return []; }
    let list = resources.get(sub.subscriptionId);
    if (!list) {
      const created = /^\d{4}-\d{2}-\d{2}$/.test(sub.createdDate ?? '') ? dayNumber(sub.createdDate) : window.firstDay;
      list = makeResources(options.seed, sub, counts.get(sub.subscriptionId) ?? 0, catalogue, window, created);
      resources.set(sub.subscriptionId, list);
    }
    return list;
  }

  function streamsOf(id: string): Stream[] {
    const sub = subscription(id);
    if (!sub) { return []; }
    let list = streams.get(sub.subscriptionId);
    if (!list) {
      list = resourcesOf(id).flatMap((r) => r.streams);
      streams.set(sub.subscriptionId, list);
    }
    return list;
  }

  function ledger(id: string, monthFirstDay: number): MonthLedger {
    const sub = subscription(id);
    const first = monthStart(monthFirstDay);
    const key = `${sub?.subscriptionId}|${first}`;
    let found = ledgers.get(key);
    if (!found) {
      const days = addMonths(first, 1) - first;
      found = buildMonthLedger(sub ? streamsOf(id) : [], first, days, sub?.offerId ?? 'MS-AZR-0003P', sub?.currency ?? 'USD', prices);
      ledgers.set(key, found);
    }
    return found;
  }

  function dailyCents(id: string, day: number): number {
    if (day < window.firstDay || day > window.lastDay || !subscription(id)) { return 0; }
    const l = ledger(id, day);
    return l.dayCents[day - l.firstDay];
  }

  return {
    options, asOfDay, window, catalogue, prices, subscriptions,
    subscription, resourcesOf, streamsOf, ledger, dailyCents,
    dailyCost: (id, day) => dailyCents(id, dayNumber(day)) / 100,
    costBetween: (id, from, to) => {
      let cents = 0;
      for (let d = dayNumber(from); d <= dayNumber(to); d++) { cents += dailyCents(id, d); }
      return cents / 100;
    },
    retail: () => (retail ??= new RetailCatalogue(options.seed, catalogue, prices, asOfDay)),
  };
}

/** Shares the world's resources among subscriptions (unevenly, but adding up to the target exactly). */
function resourceCounts(options: WorldOptions, subscriptions: WorldSubscription[]): Map<string, number> {
  const target = Math.max(RESOURCE_TARGET[options.scale], 2 * subscriptions.length);
  const weights = subscriptions.map((s) => 0.5 + Random.of(options.seed, 'resource-weight', s.subscriptionId).next());
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = new Map<string, number>();
  let cumulative = 0;
  subscriptions.forEach((s, i) => {
    const from = Math.round((target * cumulative) / total);
    cumulative += weights[i];
    counts.set(s.subscriptionId, Math.max(1, Math.round((target * cumulative) / total) - from));
  });
  return counts;
}
