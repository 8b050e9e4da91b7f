/**
 * The only schemes the app hands to the operating system: web pages in the browser, e-mail,
 * and phone numbers to the softphone. Everything else (file:, smb:, javascript:, custom
 * schemes of other apps) could run code or leak credentials, so it is refused.
 */
export const EXTERNAL_SCHEMES = ['https:', 'mailto:', 'tel:', 'sip:', 'callto:'] as const;

export type ExternalUrlDecision =
  | { ok: true; url: string }
  | { ok: false; reason: 'invalid-input' | 'forbidden'; details: { why: string } };

const MAX_URL_LENGTH = 2048;

export function checkExternalUrl(raw: string): ExternalUrlDecision {
  if (raw.length > MAX_URL_LENGTH) {
    return { ok: false, reason: 'invalid-input', details: { why: 'too-long' } };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid-input', details: { why: 'not-a-url' } };
  }
  if (!(EXTERNAL_SCHEMES as readonly string[]).includes(url.protocol)) {
    return { ok: false, reason: 'forbidden', details: { why: `scheme ${url.protocol}` } };
  }
  if (url.protocol === 'https:' && (url.username || url.password)) {
    return { ok: false, reason: 'forbidden', details: { why: 'credentials-in-url' } };
  }
  return { ok: true, url: url.href };
}
