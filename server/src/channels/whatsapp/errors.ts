import type { DeliveryError } from '@atendo/shared/schemas/message';

/** Stable codes the server stores on a failed message; the UI turns each into a sentence. */
export type WhatsAppFailureCode =
  | 'window-closed'
  | 'undeliverable'
  | 'ecosystem-limit'
  | 'rate-limited'
  | 'pair-rate-limited'
  | 'http-rate-limited'
  | 'server-error'
  | 'network-error'
  | `whatsapp-${number}`
  | `http-${number}`;

/** What Atendo does with one Cloud API error, whether it came from a send or a `failed` status. */
export type WhatsAppFailure = {
  code: WhatsAppFailureCode;
  message: string;
  /** Worth sending again after a pause (throughput limits, Meta's own outages). */
  retryable: boolean;
  /** The contact's 24 h window is over: the server marks it closed and offers templates. */
  closesWindow: boolean;
  metaCode: number | null;
  details: string | null;
};

export type CloudApiErrorInput = {
  code?: number | undefined;
  message?: string | undefined;
  details?: string | undefined;
  /** Set for synchronous send errors; absent for `failed` statuses in webhooks. */
  httpStatus?: number | undefined;
};

export const META_CODES = {
  reEngagement: 131047,
  undeliverable: 131026,
  ecosystemEngagement: 131049,
  throughput: 130429,
  pairRateLimit: 131056,
} as const;

/**
 * Maps a Cloud API error to Atendo's decision. The logic keys on `code` and
 * `error_data.details` only: Meta rewords titles and messages, and localises some of them.
 */
export function classifyCloudApiError(input: CloudApiErrorInput): WhatsAppFailure {
  const details = input.details ?? null;
  const metaCode = input.code ?? null;
  const base = { metaCode, details, closesWindow: false, retryable: false };
  switch (metaCode) {
    case META_CODES.reEngagement:
      return {
        ...base,
        code: 'window-closed',
        message: 'window closed — send a template',
        closesWindow: true,
      };
    case META_CODES.undeliverable:
      return { ...base, code: 'undeliverable', message: withReason('undeliverable', details) };
    case META_CODES.ecosystemEngagement:
      // Meta limits marketing to this user for now: an automatic retry would fail the same way.
      return {
        ...base,
        code: 'ecosystem-limit',
        message: withReason('not delivered to keep ecosystem engagement healthy', details),
      };
    case META_CODES.throughput:
      return { ...base, code: 'rate-limited', message: 'throughput limit', retryable: true };
    case META_CODES.pairRateLimit:
      return {
        ...base,
        code: 'pair-rate-limited',
        message: 'too many messages to this contact',
        retryable: true,
      };
    default:
      return classifyOther(input, base);
  }
}

function classifyOther(
  input: CloudApiErrorInput,
  base: Pick<WhatsAppFailure, 'metaCode' | 'details' | 'closesWindow' | 'retryable'>,
): WhatsAppFailure {
  const reason = base.details ?? input.message ?? null;
  const status = input.httpStatus;
  if (status === 429) {
    return { ...base, code: 'http-rate-limited', message: 'rate limited', retryable: true };
  }
  if (status !== undefined && status >= 500) {
    return {
      ...base,
      code: 'server-error',
      message: withReason(`HTTP ${status}`, reason),
      retryable: true,
    };
  }
  if (base.metaCode !== null) {
    return { ...base, code: `whatsapp-${base.metaCode}`, message: withReason('failed', reason) };
  }
  return {
    ...base,
    code: status === undefined ? 'whatsapp-0' : `http-${status}`,
    message: withReason('failed', reason),
  };
}

/** A failure before any answer from Meta (DNS, refused connection, reset): worth retrying. */
export function networkFailure(cause: unknown): WhatsAppFailure {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return {
    code: 'network-error',
    message: withReason('network error', reason),
    retryable: true,
    closesWindow: false,
    metaCode: null,
    details: null,
  };
}

/** The shape the server stores on the message (`DeliveryError` in the shared schema). */
export function toDeliveryError(failure: WhatsAppFailure): DeliveryError {
  return { code: failure.code, message: failure.message.slice(0, 1000) };
}

function withReason(summary: string, reason: string | null): string {
  return reason === null || reason === '' ? summary : `${summary}: ${reason}`;
}
