// Invoice sections of a billing profile (MCA only; a profile exists only there, so there is no
// agreement check beyond the profile's own).
import type { ArmTransport } from '../azure/transport';
import { API } from './apiVersions';
import { Listing, listing, ListingOptions } from '../azure/listing';
import { invoiceSectionPath, profilePath } from './models/ids';
import { InvoiceSection, parseInvoiceSection } from './models/profile';
import { ProfileRef } from './refs';

export function listInvoiceSections(transport: ArmTransport, profile: ProfileRef, options: ListingOptions = {}): Listing<InvoiceSection> {
  return listing(async function* () {
    for await (const raw of transport.list<unknown>(`${profilePath(profile.accountName, profile.name)}/invoiceSections`, {
      query: { 'api-version': API.billingMca },
      signal: options.signal,
    })) {
      yield parseInvoiceSection(raw);
    }
  }, options);
}

export async function getInvoiceSection(
  transport: ArmTransport,
  accountName: string,
  profileName: string,
  sectionName: string,
  options: { signal?: AbortSignal } = {},
): Promise<InvoiceSection> {
  const raw = await transport.get<unknown>(invoiceSectionPath(accountName, profileName, sectionName), {
    query: { 'api-version': API.billingMca },
    signal: options.signal,
  });
  if (raw === undefined) throw new Error(`Invoice section '${sectionName}' answered with no content.`);
  return parseInvoiceSection(raw);
}
