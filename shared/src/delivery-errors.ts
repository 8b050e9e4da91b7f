/**
 * The codes a channel sender stores on a failed message (`Message.error.code`), besides the
 * WhatsApp Cloud API's own numbers (`whatsapp-<code>`) and HTTP statuses (`http-<status>`). The
 * message stored beside a code is for the log and for developers; the agent reads the sentence
 * the desktop keeps for the code (desktop/renderer/i18n/delivery-error-text.ts), so every code
 * a sender can store must be listed here, and each has a sentence in both languages.
 */
export const DELIVERY_ERROR_CODES = [
  // Any channel (server/src/services/delivery.ts).
  'no-sender',
  'sender-error',
  'no-address',
  'channel-not-configured',
  'empty-message',
  'template-required',
  // WhatsApp (server/src/channels/whatsapp/errors.ts).
  'window-closed',
  'undeliverable',
  'ecosystem-limit',
  'rate-limited',
  'pair-rate-limited',
  'http-rate-limited',
  'server-error',
  'network-error',
] as const;
export type DeliveryErrorCode = (typeof DELIVERY_ERROR_CODES)[number];

export type DeliveryErrorKind =
  | { kind: 'known'; code: DeliveryErrorCode }
  | { kind: 'whatsapp'; metaCode: string }
  | { kind: 'http'; status: string }
  | { kind: 'unknown' };

/** Sorts a stored code into a known one, a WhatsApp number, an HTTP status, or unknown. */
export function deliveryErrorKind(code: string): DeliveryErrorKind {
  const known = DELIVERY_ERROR_CODES.find((c) => c === code);
  if (known !== undefined) return { kind: 'known', code: known };
  // 131047 was stored bare by early versions; it is the closed window.
  if (code === '131047') return { kind: 'known', code: 'window-closed' };
  const whatsapp = /^whatsapp-(\d+)$/.exec(code);
  if (whatsapp?.[1] !== undefined) return { kind: 'whatsapp', metaCode: whatsapp[1] };
  const http = /^http-(\d+)$/.exec(code);
  if (http?.[1] !== undefined) return { kind: 'http', status: http[1] };
  return { kind: 'unknown' };
}
