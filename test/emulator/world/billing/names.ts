// Identifiers in the formats Azure uses (docs/azure-apis.md#billing-identifiers), all drawn from a
// seeded Random.
import { Random } from '../random';

/** MCA / modern MOSP billing account: `<guid>:<guid>_YYYY-MM-DD`. */
export function modernAccountName(r: Random, date: string): string {
  return `${r.guid()}:${r.guid()}_${date}`;
}

/** Microsoft Partner Agreement (CSP partner) account: `PCN.<alnum>` (the 2024-04-01 regex). */
export function partnerAccountName(r: Random): string {
  return `PCN.${r.code(12).toLowerCase()}`;
}

/** EA enrollment number: eight digits. */
export function enrollmentNumber(r: Random): string {
  return String(r.int(10_000_000, 99_999_999));
}

/** Billing profile, invoice section and system ids look like `B5LA-FLMV-BG7-M77W-SGB` or `XXXX-XXXX-XXX-XXX`. */
export function profileStyleName(r: Random): string {
  return `${r.code(4)}-${r.code(4)}-${r.code(3)}-${r.code(3)}`;
}

export function numericName(r: Random, digits: number): string {
  return String(r.int(10 ** (digits - 1), 10 ** digits - 1));
}

/** Invoice names per agreement type (the 2024-04-01 regex): G + 9 (MCA), E + [B-Z0-9] + 8 (MOSP), EA + 8 (EA). */
export function invoiceName(r: Random, kind: 'mca' | 'mosp' | 'ea'): string {
  if (kind === 'mca') { return `G${r.code(9)}`; }
  if (kind === 'ea') { return `EA${numericName(r, 8)}`; }
  const second = r.code(1);
  return `E${second === 'A' ? 'B' : second}${r.code(8)}`;
}

/** Document names are numbers written as strings (`"12345678"`). */
export function documentName(r: Random): string {
  return numericName(r, 8);
}

export function lotName(r: Random, startDate: string): string {
  return `G${startDate.replace(/-/g, '')}${r.code(12)}`;
}

const WORKLOADS = ['Web', 'Data', 'Analytics', 'Payments', 'Identity', 'Search', 'Mobile', 'Batch', 'Telemetry', 'Catalog', 'Billing', 'Media', 'Support', 'Edge', 'ML'];
const ENVIRONMENTS = ['Prod', 'Dev', 'Test', 'Staging', 'Sandbox', 'QA', 'DR'];
const COMPANIES = ['Adatum', 'Alpine Ski House', 'Bellows College', 'Coho Winery', 'Contoso Pharma', 'Datum Corp', 'Fourth Coffee', 'Graphic Design Institute', 'Humongous Insurance', 'Litware', 'Lucerne Publishing', 'Margie Travel', 'Northwind Traders', 'Proseware', 'Relecloud', 'Southridge Video', 'Tailspin Toys', 'Trey Research', 'VanArsdel', 'Wide World Importers', 'Wingtip Toys', 'Woodgrove Insurance', 'Blue Yonder Airlines', 'City Power & Light', 'Consolidated Messenger', 'First Up Consultants', 'Nod Publishers', 'School of Fine Art', 'The Phone Company', 'World Wide Importers'];
const CITIES = [
  { city: 'Redmond', region: 'WA', postalCode: '98052', country: 'US' },
  { city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
  { city: 'Dublin', region: 'D', postalCode: 'D02 X285', country: 'IE' },
  { city: 'Berlin', region: 'BE', postalCode: '10115', country: 'DE' },
  { city: 'London', region: 'LND', postalCode: 'EC1A 1BB', country: 'GB' },
  { city: 'Tokyo', region: '13', postalCode: '100-0001', country: 'JP' },
];

export function workloadName(r: Random, company: string): string {
  return `${company} ${r.pick(WORKLOADS)} ${r.pick(ENVIRONMENTS)}`;
}

export function companyName(r: Random): string {
  return r.pick(COMPANIES);
}

export function cityFor(country: string, r: Random): (typeof CITIES)[number] {
  return CITIES.find((c) => c.country === country) ?? r.pick(CITIES);
}
