import type { ContactFields } from '@atendo/shared/schemas/contact';
import type { PullInput, PullResult, StreamEvent } from '@atendo/shared/sync/protocol';

export type Unsubscribe = () => void;

export type SendMessageInput =
  | { kind: 'text'; conversationId: string; clientId: string; body: string }
  | {
      kind: 'template';
      conversationId: string;
      clientId: string;
      templateId: string;
      params: Record<string, string>;
    }
  | {
      kind: 'attachment';
      conversationId: string;
      clientId: string;
      attachmentId: string;
      caption: string | null;
    };

/**
 * `fields` is the whole contact as the agent means it to be (the server replaces all fields);
 * `version` is the one the edit was made on; `clientId` (the outbox item's id) lets the server
 * recognise a resend of an edit it already saved.
 */
export type UpdateContactInput = {
  id: string;
  version: number;
  fields: ContactFields;
  clientId: string;
};

/**
 * Everything the local store needs from the server. The store is written against this small
 * interface so it can run against the real tRPC client, or an in-memory server in tests.
 *
 * Failures: a call rejects with a `RefusalError` when the server understood the request and
 * said no with a stable code (retrying cannot help); any other rejection is treated as a
 * network failure and retried later.
 */
export type SyncTransport = {
  pull(input: PullInput): Promise<PullResult>;
  /**
   * Opens the live change stream. `onEvent` receives events in order; `onError` is called once
   * when the stream ends for any reason (the caller re-subscribes).
   */
  stream(onEvent: (event: StreamEvent) => void, onError: (error: unknown) => void): Unsubscribe;
  sendMessage(input: SendMessageInput): Promise<void>;
  updateContact(input: UpdateContactInput): Promise<void>;
};

export type RefusalDetails = Record<string, string | number | boolean | null>;

/** The server refused the request with a stable code from shared/src/errors.ts. */
export class RefusalError extends Error {
  readonly code: string;
  readonly details: RefusalDetails;

  constructor(code: string, message: string, details: RefusalDetails = {}) {
    super(message);
    this.name = 'RefusalError';
    this.code = code;
    this.details = details;
  }
}

/**
 * The server was reached but could not answer now (5xx, 408, 429): worth another try later.
 * Any other rejection that is neither this nor a `RefusalError` counts as a network failure.
 */
export class TransientError extends Error {
  readonly reason: 'server-error' | 'rate-limited';
  readonly status: number;

  constructor(reason: 'server-error' | 'rate-limited', status: number, message: string) {
    super(message);
    this.name = 'TransientError';
    this.reason = reason;
    this.status = status;
  }
}

/**
 * Codes that describe the session rather than the request: an expired token must not turn the
 * agent's queued messages into failures, so these are retried like network errors.
 */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['unauthenticated']);

export const isRefusal = (error: unknown): error is RefusalError =>
  error instanceof RefusalError && !TRANSIENT_CODES.has(error.code);
