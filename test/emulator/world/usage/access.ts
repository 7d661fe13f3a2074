// How routes reach the usage world from the emulator's world. The billing side builds the world
// (world/index.ts) and exposes `world.usage` (typed there as the narrow UsageCosts contract) and
// `world.subscriptions`; routes need the whole UsageWorld. If `world.usage` is something else (a
// test's stand-in cost function), a usage world is made here from the same subscriptions.
import type { WorldOptions, WorldSubscription } from '../types';
import { createUsageWorld, UsageWorld } from './index';

interface WorldShape {
  options: WorldOptions;
  subscriptions?: WorldSubscription[];
  usage?: unknown;
}

const fallback = new WeakMap<object, UsageWorld>();

export function isUsageWorld(value: unknown): value is UsageWorld {
  return typeof value === 'object' && value !== null && typeof (value as UsageWorld).streamsOf === 'function' && typeof (value as UsageWorld).ledger === 'function';
}

export function usageWorldOf(world: object): UsageWorld {
  const w = world as WorldShape;
  if (isUsageWorld(w.usage)) { return w.usage; }
  let made = fallback.get(world);
  if (!made) {
    made = createUsageWorld(w.options, w.subscriptions ?? []);
    fallback.set(world, made);
  }
  return made;
}
