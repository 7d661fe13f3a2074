// The public retail price list (docs/azure-apis.md#retail-prices), keyed by the world's meterIds:
// tier rows (a free grant is a 0-price row at tier 0), alias rows sharing one meter, Linux /
// Windows / Spot / Low Priority rows per armSkuName, whole-term Reservation rows,
// DevTestConsumption rows, a closed row with effectiveEndDate, savings-plan prices, 'Global' and ''
// regions, 17 currencies. Items are kept in USD with a recipe for their price in any other
// currency.
import { Random } from '../random';
import { dayString } from './calendar';
import { roundPrice } from './currencies';
import { Meter, MeterCatalogue, PriceRow } from './meters';
import type { PriceBook } from './priceBook';

export interface RetailItem {
  currencyCode: string;
  tierMinimumUnits: number;
  retailPrice: number;
  unitPrice: number;
  armRegionName: string;
  location: string;
  effectiveStartDate: string;
  effectiveEndDate?: string;
  meterId: string;
  meterName: string;
  productId: string;
  skuId: string;
  availabilityId: null;
  productName: string;
  skuName: string;
  serviceName: string;
  serviceId: string;
  serviceFamily: string;
  unitOfMeasure: string;
  type: 'Consumption' | 'Reservation' | 'DevTestConsumption';
  reservationTerm?: string;
  isPrimaryMeterRegion: boolean;
  armSkuName: string;
  savingsPlan?: Array<{ unitPrice: number; retailPrice: number; term: string }>;
}

interface Entry {
  /** The item in USD, which is also what `$filter` is evaluated on. */
  usd: RetailItem;
  priceIn(currency: string): number;
  savingsIn?(currency: string): Array<{ unitPrice: number; retailPrice: number; term: string }>;
}

const iso = (day: number) => `${dayString(day)}T00:00:00Z`;
const round2 = (x: number) => Math.round(x * 100) / 100;

export class RetailCatalogue {
  readonly entries: Entry[] = [];

  constructor(private readonly seed: number, private readonly catalogue: MeterCatalogue, private readonly prices: PriceBook, _asOfDay: number) {
    for (const meter of catalogue.meters) { this.addMeter(meter); }
  }

  /** The items as they read in `currency` (`savingsPlan` only when asked for, i.e. on 2023-01-01-preview). */
  render(entry: Entry, currency: string, withSavingsPlan: boolean): RetailItem {
    const price = entry.priceIn(currency);
    const item: RetailItem = { ...entry.usd, currencyCode: currency, retailPrice: price, unitPrice: price };
    if (entry.savingsIn && withSavingsPlan) { item.savingsPlan = entry.savingsIn(currency); }
    else { delete item.savingsPlan; }
    return item;
  }

  private base(meter: Meter, row: PriceRow, next: PriceRow | undefined): RetailItem {
    return {
      currencyCode: 'USD', tierMinimumUnits: 0, retailPrice: 0, unitPrice: 0,
      armRegionName: meter.armRegionName, location: meter.regionDisplayName,
      effectiveStartDate: iso(row.effectiveDay), ...(next ? { effectiveEndDate: iso(next.effectiveDay - 1) } : {}),
      meterId: meter.meterId, meterName: meter.meterName, productId: meter.productId, skuId: meter.skuId, availabilityId: null,
      productName: meter.productName, skuName: meter.skuName, serviceName: meter.meterCategory, serviceId: meter.serviceId,
      serviceFamily: meter.serviceFamily, unitOfMeasure: meter.rateCardUnit, type: 'Consumption', isPrimaryMeterRegion: true,
      armSkuName: meter.armSkuName,
    };
  }

  private push(usd: Omit<RetailItem, 'retailPrice' | 'unitPrice'>, priceIn: (c: string) => number, savingsIn?: Entry['savingsIn']): void {
    const price = priceIn('USD');
    this.entries.push({ usd: { ...usd, retailPrice: price, unitPrice: price }, priceIn, savingsIn });
  }

  private addMeter(meter: Meter): void {
    const history = meter.usdHistory;
    history.forEach((row, h) => {
      const next = history[h + 1];
      const base = this.base(meter, row, next);
      const list = (c: string) => this.prices.listHistory(meter, c)[h];
      // Retail has no IncludedQuantity: the free grant is its own 0-price tier.
      if (meter.includedQuantity > 0) { this.push({ ...base, tierMinimumUnits: 0 }, () => 0); }
      row.tiers.forEach((tier, t) => {
        const savings = this.savingsPlanFor(meter, h === history.length - 1);
        const item = { ...base, tierMinimumUnits: tier.from + meter.includedQuantity };
        if (savings && savings.onAlias) {
          // Seen in Azure: the savings plan sits on a non-primary duplicate, so meterRegion='primary' drops it.
          this.push(item, (c) => list(c).tiers[t].price);
          this.push({ ...item, isPrimaryMeterRegion: false }, (c) => list(c).tiers[t].price, savings.prices);
        } else {
          this.push(item, (c) => list(c).tiers[t].price, savings?.prices);
        }
      });
      if (next) { return; } // closed rows get no reservation, Dev/Test or alias rows
      const vm = meter.vm;
      if (vm?.variant === 'linux') {
        // Reservation rows price the whole term per instance, although the unit says 1 Hour.
        const hourly = (c: string) => list(c).tiers[0].price;
        this.push({ ...base, type: 'Reservation', reservationTerm: '1 Year', skuId: `${meter.productId}/${this.code(meter, 'r1')}` }, (c) => round2(hourly(c) * 8760 * 0.6));
        this.push({ ...base, type: 'Reservation', reservationTerm: '3 Years', skuId: `${meter.productId}/${this.code(meter, 'r3')}` }, (c) => round2(hourly(c) * 26280 * 0.4));
      }
      if (vm?.variant === 'windows') {
        // Dev/Test pays no Windows licence: the Linux price of the same size and region.
        const linux = this.catalogue.vmMeter(vm.size, 'linux', meter.armRegionName);
        this.push({ ...base, type: 'DevTestConsumption' }, (c) => this.prices.listHistory(linux, c).at(-1)!.tiers[0].price);
      }
      if (vm && (vm.variant === 'linux' || vm.variant === 'windows')) {
        for (const alias of vm.size.aliases ?? []) {
          const suffix = meter.meterName.slice(vm.size.name.length);
          this.push(
            { ...base, meterName: `${alias.name}${suffix}`, skuName: `${alias.name}${suffix}`, armSkuName: alias.armSkuName, isPrimaryMeterRegion: false, skuId: `${meter.productId}/${this.code(meter, alias.name)}` },
            (c) => list(c).tiers[0].price,
          );
        }
      }
    });
  }

  private savingsPlanFor(meter: Meter, current: boolean): { onAlias: boolean; prices: NonNullable<Entry['savingsIn']> } | undefined {
    if (!current || meter.vm?.variant !== 'linux' || !meter.vm.size.savingsPlan) { return undefined; }
    const list = (c: string) => this.prices.listHistory(meter, c).at(-1)!.tiers[0].price;
    const prices = (c: string) => {
      const p = list(c);
      return [
        { unitPrice: roundPrice(p * 0.488), retailPrice: roundPrice(p * 0.488), term: '3 Years' },
        { unitPrice: roundPrice(p * 0.7296), retailPrice: roundPrice(p * 0.7296), term: '1 Year' },
      ];
    };
    return { onAlias: meter === this.catalogue.repricedMeter, prices };
  }

  private code(meter: Meter, what: string): string {
    return Random.of(this.seed, 'retail-sku', meter.key, what).code(4);
  }
}
