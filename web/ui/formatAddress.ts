/** The parts of a postal address (as the API sends them). */
export interface AddressParts {
  line1: string;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

/**
 * An address on one line, as written in its country: Chinese addresses from the largest unit down,
 * others from the street up. The country is left out when it is `homeCountry` (the workspace's).
 */
export function formatAddress(address: AddressParts, homeCountry?: string): string {
  const country = address.country && address.country !== homeCountry ? address.country : null;
  const cjk = /[\u3400-\u9fff]/.test(`${address.line1}${address.city ?? ''}${address.region ?? ''}`);
  if (cjk) return [country, address.region, address.city, address.line1, address.line2, address.postalCode].filter(Boolean).join(' ');
  return [address.line1, address.line2, address.city, address.region, address.postalCode, country].filter(Boolean).join(', ');
}
