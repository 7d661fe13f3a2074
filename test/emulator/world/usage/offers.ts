// How each offer is priced. Web Direct offers (pay-as-you-go, Dev/Test, Visual Studio credits…)
// have a RateCard; Enterprise Agreement (MS-AZR-0017P/0148P) and MCA plan (MS-AZR-0017G) offers
// have none and are priced by a negotiated price list; CSP (MS-AZR-0145P) is the offer with no
// rate card at all (Commerce refuses CSP, docs/azure-apis.md#commerce-offers).

export interface OfferTerm {
  Name: 'Monetary Credit' | 'Monetary Commitment' | 'Recurring Charge';
  Credit?: number;
  TieredDiscount?: Record<string, number>;
  RecurringCharge?: number;
  ExcludedMeterIds?: string[];
}

export type OfferPricing =
  | { kind: 'rateCard'; name: string; devTest: boolean; terms: OfferTerm[] }
  | { kind: 'priceList'; name: string; devTest: boolean; discount: number; agreement: 'EA' | 'MCA' }
  | { kind: 'none'; name: string };

const credit = (amount: number): OfferTerm[] => [{ Name: 'Monetary Credit', Credit: amount, ExcludedMeterIds: [] }];

const OFFERS: Record<string, OfferPricing> = {
  'MS-AZR-0003P': { kind: 'rateCard', name: 'Pay-As-You-Go', devTest: false, terms: [] },
  'MS-AZR-0023P': { kind: 'rateCard', name: 'Pay-As-You-Go Dev/Test', devTest: true, terms: [] },
  'MS-AZR-0044P': { kind: 'rateCard', name: 'Free Trial', devTest: false, terms: credit(200) },
  'MS-AZR-0059P': { kind: 'rateCard', name: 'Visual Studio Professional', devTest: true, terms: credit(50) },
  'MS-AZR-0060P': { kind: 'rateCard', name: 'Visual Studio Test Professional', devTest: true, terms: credit(50) },
  'MS-AZR-0062P': { kind: 'rateCard', name: 'MSDN Platforms', devTest: true, terms: credit(100) },
  'MS-AZR-0063P': { kind: 'rateCard', name: 'Visual Studio Enterprise', devTest: true, terms: credit(150) },
  'MS-AZR-0029P': { kind: 'rateCard', name: 'Visual Studio Enterprise (MPN)', devTest: true, terms: credit(150) },
  'MS-AZR-0036P': { kind: 'rateCard', name: 'Microsoft Azure Sponsored Offer', devTest: false, terms: credit(5000) },
  'MS-AZR-0025P': { kind: 'rateCard', name: 'Action Pack', devTest: false, terms: credit(100) },
  'MS-AZR-0111P': {
    kind: 'rateCard', name: 'Azure in Open Licensing', devTest: false,
    terms: [{ Name: 'Monetary Commitment', TieredDiscount: { '0': 0, '10000': 5 }, ExcludedMeterIds: [] }],
  },
  'MS-AZR-0017P': { kind: 'priceList', name: 'Enterprise Agreement', devTest: false, discount: 0.12, agreement: 'EA' },
  'MS-AZR-0148P': { kind: 'priceList', name: 'Enterprise Dev/Test', devTest: true, discount: 0.12, agreement: 'EA' },
  'MS-AZR-0017G': { kind: 'priceList', name: 'Microsoft Azure Plan', devTest: false, discount: 0.05, agreement: 'MCA' },
  'MS-AZR-0148G': { kind: 'priceList', name: 'Microsoft Azure Plan for Dev/Test', devTest: true, discount: 0.05, agreement: 'MCA' },
  'MS-AZR-0145P': { kind: 'none', name: 'Cloud Solution Provider' },
};

/** An offer the table does not know is priced like pay-as-you-go and has a plain rate card. */
export function offerPricing(offerId: string): OfferPricing {
  return OFFERS[offerId.toUpperCase()] ?? { kind: 'rateCard', name: offerId, devTest: false, terms: [] };
}

export function knownOfferIds(): string[] {
  return Object.keys(OFFERS);
}
