import type { TRPCError } from '@trpc/server';
import type { ErrorCode } from '@atendo/shared/errors';

type TRPCCode = TRPCError['code'];

// Each stable code maps to the HTTP-ish tRPC code a generic client would expect.
const TRPC_CODES: Record<ErrorCode, TRPCCode> = {
  'invalid-input': 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  'not-found': 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  'body-too-large': 'PAYLOAD_TOO_LARGE',
  'contact-busy': 'CONFLICT',
  'in-bot': 'CONFLICT',
  'awaiting-csat': 'CONFLICT',
  'inbound-only-channel': 'FORBIDDEN',
  'contact-unreachable': 'PRECONDITION_FAILED',
  'not-team-member': 'FORBIDDEN',
  'template-required': 'PRECONDITION_FAILED',
  'template-not-found': 'NOT_FOUND',
  'template-params-missing': 'BAD_REQUEST',
  'attachment-type-not-allowed': 'UNSUPPORTED_MEDIA_TYPE',
  'attachment-too-large': 'PAYLOAD_TOO_LARGE',
  'attachment-not-supported': 'UNSUPPORTED_MEDIA_TYPE',
  'attachment-content-mismatch': 'UNSUPPORTED_MEDIA_TYPE',
  'already-taken': 'CONFLICT',
  'invalid-transition': 'CONFLICT',
  'not-owner': 'FORBIDDEN',
  'not-participant': 'FORBIDDEN',
  'over-capacity': 'PRECONDITION_FAILED',
  'disposition-required': 'BAD_REQUEST',
  'disposition-invalid': 'BAD_REQUEST',
  'tag-not-in-team': 'BAD_REQUEST',
  'history-forbidden': 'FORBIDDEN',
  'csat-not-pending': 'CONFLICT',
  'contact-has-open-conversations': 'CONFLICT',
  'password-change-required': 'FORBIDDEN',
  'weak-password': 'BAD_REQUEST',
  'already-exists': 'CONFLICT',
  'team-in-use': 'CONFLICT',
  'team-archived': 'BAD_REQUEST',
  'team-has-no-members': 'BAD_REQUEST',
  'channel-archived': 'CONFLICT',
  'not-configured': 'PRECONDITION_FAILED',
  // 429; the HTTP adapter adds Retry-After (trpc/http.ts).
  'rate-limited': 'TOO_MANY_REQUESTS',
  'address-proven': 'FORBIDDEN',
  'phone-taken': 'CONFLICT',
};

export const trpcCodeFor = (code: ErrorCode): TRPCCode => TRPC_CODES[code];
