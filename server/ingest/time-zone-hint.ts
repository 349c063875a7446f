/**
 * A subscribed buyer's time zone, guessed from the country of their default address so follow-ups arrive in
 * daytime. Only the guess is kept, never the address. Countries spanning several zones give no hint (the
 * shop's zone is used instead).
 */
const SINGLE_ZONE_COUNTRIES: Record<string, string> = {
  AR: 'America/Argentina/Buenos_Aires', AT: 'Europe/Vienna', BE: 'Europe/Brussels', BO: 'America/La_Paz',
  CH: 'Europe/Zurich', CL: 'America/Santiago', CO: 'America/Bogota', CR: 'America/Costa_Rica', CZ: 'Europe/Prague',
  DE: 'Europe/Berlin', DK: 'Europe/Copenhagen', EC: 'America/Guayaquil', FI: 'Europe/Helsinki', FR: 'Europe/Paris',
  GB: 'Europe/London', GR: 'Europe/Athens', GT: 'America/Guatemala', HU: 'Europe/Budapest', IE: 'Europe/Dublin',
  IL: 'Asia/Jerusalem', IS: 'Atlantic/Reykjavik', IT: 'Europe/Rome', JP: 'Asia/Tokyo', KR: 'Asia/Seoul',
  LU: 'Europe/Luxembourg', NL: 'Europe/Amsterdam', NO: 'Europe/Oslo', NZ: 'Pacific/Auckland', PA: 'America/Panama',
  PE: 'America/Lima', PL: 'Europe/Warsaw', PY: 'America/Asuncion', SE: 'Europe/Stockholm', SG: 'Asia/Singapore',
  UY: 'America/Montevideo', ZA: 'Africa/Johannesburg',
};

export function timeZoneHintFor(countryCode: string | null | undefined): string | null {
  return countryCode ? (SINGLE_ZONE_COUNTRIES[countryCode.toUpperCase()] ?? null) : null;
}

/**
 * The default address's country as stored (ISO 3166-1 alpha-2, upper case), or null for anything else: the
 * regional duties (server/followups/regional-duties.ts) follow it. Like the zone hint, only kept while subscribed.
 */
export function countryCodeOf(countryCode: string | null | undefined): string | null {
  const code = countryCode?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : null;
}
