import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { allow, deny, type Decision } from './rules/decision';

/**
 * A phone number as typed by an agent or sent by a channel, in E.164 (+5511987654321). Numbers
 * without a country code are read as `defaultCountry`'s ("(11) 98765-4321" is São Paulo); an
 * unknown default country leaves only numbers written with their country code. The
 * small ("min") metadata checks lengths and prefixes per country, enough to refuse typos
 * without shipping the full numbering plan to every desktop.
 */
export function normalisePhone(
  input: string,
  defaultCountry = 'BR',
): Decision<'invalid-input', { e164: string }> {
  const country = isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  // Refuse letters outright: the parser would otherwise pick digits out of "ligar 11 9…".
  if (/\p{L}/u.test(input)) return deny('invalid-input', { input });
  const parsed = parsePhoneNumberFromString(input, country);
  if (parsed === undefined || !parsed.isValid()) return deny('invalid-input', { input });
  return allow({ e164: parsed.number });
}

/**
 * Brazilian mobiles gained a ninth digit (a leading 9) in 2012–2016, but WhatsApp still
 * reports many of them without it (wa_id 551187654321 for +55 11 98765-4321). Both spellings
 * name the same person, so matching compares them without that digit. Only numbers whose
 * remaining eight digits start with 6–9 were mobiles; landlines (2–5) are left alone.
 */
const BR_MOBILE_WITH_NINTH_DIGIT = /^\+55(\d{2})9([6-9]\d{7})$/;

const comparable = (e164: string): string => e164.replace(BR_MOBILE_WITH_NINTH_DIGIT, '+55$1$2');

const BR_MOBILE_WITHOUT_NINTH_DIGIT = /^\+55(\d{2})([6-9]\d{7})$/;

/**
 * Every E.164 spelling of the same line: a Brazilian mobile with and without its ninth digit
 * (either given), any other number as it is. For finding a stored phone by equality.
 */
export function phoneSpellings(e164: string): string[] {
  const short = comparable(e164);
  const long = short.replace(BR_MOBILE_WITHOUT_NINTH_DIGIT, '+55$19$2');
  return [...new Set([e164, short, long])];
}

/** Whether two phone numbers, in any accepted spelling, reach the same line. */
export function phoneMatches(a: string, b: string, defaultCountry = 'BR'): boolean {
  const left = normalisePhone(a, defaultCountry);
  const right = normalisePhone(b, defaultCountry);
  if (!left.ok || !right.ok) return false;
  return comparable(left.e164) === comparable(right.e164);
}
