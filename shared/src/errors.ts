/**
 * Stable, machine-readable error codes. The server maps each to a tRPC error; the UI maps each
 * to a sentence in the agent's language. Never rename one: clients in the field key on them.
 */
export const ERROR_CODES = [
  // Input and identity.
  'invalid-input',
  'unauthenticated',
  'not-found',
  'forbidden',
  'conflict',
  'body-too-large',
  // Starting a conversation (seed: "Não ter permissão").
  'contact-busy',
  'in-bot',
  'awaiting-csat',
  'inbound-only-channel',
  'contact-unreachable',
  'not-team-member',
  // Messaging window and content.
  'template-required',
  'template-not-found',
  'template-params-missing',
  'attachment-type-not-allowed',
  'attachment-too-large',
  'attachment-not-supported',
  'attachment-content-mismatch',
  // Lifecycle.
  'already-taken',
  'invalid-transition',
  'not-owner',
  'not-participant',
  'over-capacity',
  'disposition-required',
  'disposition-invalid',
  'tag-not-in-team',
  'history-forbidden',
  'csat-not-pending',
  // Privacy (LGPD).
  'contact-has-open-conversations',
  // Administration (issue 12).
  'password-change-required',
  'weak-password',
  'already-exists',
  'team-in-use',
  'team-archived',
  'team-has-no-members',
  'channel-archived',
  'not-configured',
  // Abuse limits (issue 10): `details.retryAfterSeconds` says when to try again.
  'rate-limited',
  // Contact identities (issue 10): what only a channel proves, and phones held by another contact.
  'address-proven',
  'phone-taken',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorDetails = Record<string, string | number | boolean | null>;

/** An expected failure with a stable code, a human message and optional details for the UI. */
export class AtendoError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'AtendoError';
    this.code = code;
    this.details = details;
  }
}

export const isAtendoError = (value: unknown): value is AtendoError => value instanceof AtendoError;
