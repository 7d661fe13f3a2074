// Unit prices per (meter, offer, currency), with their history. One book serves RateCard, the
// negotiated price lists and the costs, so every figure in the world agrees with every other.
import { convertPrice, roundPrice } from './currencies';
import { Meter, MeterCatalogue, PriceRow } from './meters';
import { offerPricing } from './offers';

export class PriceBook {
  private readonly cache = new Map<string, PriceRow[]>();

  constructor(private readonly seed: number, private readonly catalogue: MeterCatalogue) {}

  /** List price rows of a meter in a currency (what the retail catalogue and pay-as-you-go show). */
  listHistory(meter: Meter, currency: string): PriceRow[] {
    const key = `list|${meter.index}|${currency}`;
    let rows = this.cache.get(key);
    if (!rows) {
      rows = meter.usdHistory.map((row) => ({
        effectiveDay: row.effectiveDay,
        tiers: row.tiers.map((t) => ({ from: t.from, price: convertPrice(this.seed, meter.key, t.price, currency) })),
      }));
      this.cache.set(key, rows);
    }
    return rows;
  }

  /** Price rows an offer pays for a meter: Dev/Test pays no Windows licence; EA and MCA get their discount. */
  history(meter: Meter, offerId: string, currency: string): PriceRow[] {
    const key = `${meter.index}|${offerId}|${currency}`;
    let rows = this.cache.get(key);
    if (!rows) {
      const offer = offerPricing(offerId);
      const devTest = offer.kind !== 'none' && offer.devTest && meter.vm?.variant === 'windows';
      const base = devTest ? this.listHistory(this.catalogue.vmMeter(meter.vm!.size, 'linux', meter.armRegionName), currency) : this.listHistory(meter, currency);
      const discount = offer.kind === 'priceList' ? offer.discount : 0;
      rows = base.map((row) => ({
        effectiveDay: row.effectiveDay,
        tiers: row.tiers.map((t) => ({ from: t.from, price: discount ? roundPrice(t.price * (1 - discount)) : t.price })),
      }));
      this.cache.set(key, rows);
    }
    return rows;
  }

  /** The row with the latest effective day on or before `day` (the oldest row before the first one). */
  ratesOn(meter: Meter, offerId: string, currency: string, day: number): PriceRow {
    const rows = this.history(meter, offerId, currency);
    let pick = rows[0];
    for (const row of rows) { if (row.effectiveDay <= day) { pick = row; } }
    return pick;
  }
}
