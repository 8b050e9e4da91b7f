import { DialRequest } from '@atendo/shared/ipc/contract';
import { dialableNumber } from './dialer/dial-plan';

/**
 * Parses `tel:` (RFC 3966) and `callto:` links that the OS hands to Atendo when it is the
 * registered handler. Any web page or e-mail can produce one, so like `atendo://` links every
 * part is checked: the scheme, no query or fragment, only harmless RFC 3966 parameters, and a
 * number that normalises to E.164. The result only asks the renderer to show the contact; it
 * never dials by itself.
 */
export const TEL_SCHEMES = ['tel', 'callto'] as const;
const MAX_LINK_LENGTH = 256;
/** `ext` and `phone-context` are common in tel: links and safe to drop; others are refused. */
const IGNORED_PARAMS = /^(ext|isub|phone-context)=[0-9A-Za-z+.\-()*#]{1,32}$/i;

export type TelLinkDecision =
  | { ok: true; request: DialRequest }
  | { ok: false; reason: 'invalid-input'; details: { why: string } };

const reject = (why: string): TelLinkDecision => ({
  ok: false,
  reason: 'invalid-input',
  details: { why },
});

/** The scheme of a tel-like link, or null: `tel:…`, `callto:…` and Skype's `callto://…`. */
export function telScheme(raw: string): (typeof TEL_SCHEMES)[number] | null {
  const lower = raw.slice(0, 7).toLowerCase();
  if (lower.startsWith('tel:')) return 'tel';
  if (lower.startsWith('callto:')) return 'callto';
  return null;
}

function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x5c) return true;
  }
  return false;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Splits `number;param=value;…` and checks every parameter. A local number with a global
 * `phone-context` (RFC 3966: `tel:98765-4321;phone-context=+5511`) is read under that prefix.
 */
function numberPart(body: string): string | { why: string } {
  const [number = '', ...params] = body.split(';');
  let prefix = '';
  for (const param of params) {
    if (!IGNORED_PARAMS.test(param)) return { why: 'unexpected-parameter' };
    const context = /^phone-context=(\+[0-9]{1,6})$/i.exec(param)?.[1];
    if (context !== undefined && !number.startsWith('+')) prefix = context;
  }
  return prefix + number;
}

export function parseTelLink(raw: string, defaultCountry = 'BR'): TelLinkDecision {
  if (raw.length > MAX_LINK_LENGTH) return reject('too-long');
  if (hasControlCharacters(raw)) return reject('control-characters');
  const scheme = telScheme(raw);
  if (scheme === null) return reject('not-a-tel-link');
  let body = raw.slice(scheme.length + 1);
  // Skype wrote `callto://number`; tel: has no authority, so `tel://` is refused.
  if (body.startsWith('//')) {
    if (scheme !== 'callto') return reject('unexpected-authority');
    body = body.slice(2).replace(/\/$/, '');
  }
  if (/[?#/@]/.test(body)) return reject('unexpected-characters');
  const decoded = decode(body);
  if (decoded === null) return reject('bad-percent-encoding');
  // Percent-encoding must not smuggle in what the raw checks refused.
  if (hasControlCharacters(decoded) || /[?#/@]/.test(decoded)) return reject('encoded-characters');
  const number = numberPart(decoded);
  if (typeof number !== 'string') return reject(number.why);
  const e164 = dialableNumber(number, defaultCountry);
  if (e164 === null) return reject('invalid-number');
  const request = DialRequest.safeParse({ number: e164, scheme });
  return request.success ? { ok: true, request: request.data } : reject('invalid-number');
}

/**
 * When Atendo itself is the OS handler of the scheme the `uri` dialer would open, dialing would
 * hand the number straight back to Atendo (a loop, and no call). The caller asks the OS.
 */
export function dialLoopsBack(
  dialer: { kind: string; uriScheme: string },
  isOwnScheme: (scheme: string) => boolean,
): boolean {
  return dialer.kind === 'uri' && isOwnScheme(dialer.uriScheme);
}
