// Readable names of the common offer durable ids (Microsoft's "Microsoft Azure Offer Details"
// list, https://azure.microsoft.com/support/legal/offer-details/). Product names, not translated.

export const OFFER_NAMES: Readonly<Record<string, string>> = {
  'MS-AZR-0003P': 'Pay-As-You-Go',
  'MS-AZR-0023P': 'Pay-As-You-Go Dev/Test',
  'MS-AZR-0059P': 'Visual Studio Professional subscribers',
  'MS-AZR-0060P': 'Visual Studio Test Professional subscribers',
  'MS-AZR-0062P': 'MSDN Platforms subscribers',
  'MS-AZR-0063P': 'Visual Studio Enterprise subscribers',
  'MS-AZR-0029P': 'Visual Studio Enterprise (MPN) subscribers',
  'MS-AZR-0036P': 'Microsoft Azure Sponsored Offer',
  'MS-AZR-0044P': 'Free Trial',
  'MS-AZR-0025P': 'Action Pack',
  'MS-AZR-0111P': 'Azure in Open Licensing',
  'MS-AZR-0017P': 'Enterprise Agreement',
  'MS-AZR-0148P': 'Enterprise Dev/Test',
  'MS-AZR-0145P': 'Cloud Solution Provider',
};

/** Offers compared when the person does not choose: the usual alternatives to pay-as-you-go. */
export const DEFAULT_OFFERS = ['MS-AZR-0003P', 'MS-AZR-0023P', 'MS-AZR-0063P', 'MS-AZR-0036P'];

/** Regions offered in the picker; any other ARM region name can be typed in. */
export const COMMON_REGIONS = ['eastus', 'westus2', 'westeurope', 'northeurope', 'japaneast', 'southeastasia', 'koreacentral', 'brazilsouth', 'uksouth', 'australiaeast'];

export const DEFAULT_REGIONS = ['westeurope', 'koreacentral', 'brazilsouth'];

/** "Pay-As-You-Go Dev/Test (MS-AZR-0023P)", or the id alone when it has no known name. */
export function offerLabel(offerId: string): string {
  const id = offerId.toUpperCase();
  const name = OFFER_NAMES[id];
  return name ? `${name} (${id})` : id;
}

/** An offer id as RateCard takes it (MS-AZR-0003P), or undefined for anything else. */
export function normaliseOfferId(text: string): string | undefined {
  const id = text.trim().toUpperCase();
  return /^MS-AZR-\d{4}P(-\d{4}P)*$/.test(id) ? id : undefined;
}

/** An ARM region name (lower-case letters and digits), or undefined. */
export function normaliseRegion(text: string): string | undefined {
  const region = text.trim().toLowerCase().replace(/\s+/g, '');
  return /^[a-z][a-z0-9]{2,40}$/.test(region) ? region : undefined;
}
