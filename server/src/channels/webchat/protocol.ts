/**
 * What the web chat server and the contact-facing widget exchange. Types only, so the widget
 * bundle (built by esbuild for the browser) can import them without pulling server code in.
 */
export type VisitorConversationState = 'bot' | 'queued' | 'active' | 'awaiting_csat' | 'closed';

export type VisitorAttachment = {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
};

/** A message as the visitor sees it: no internal notes, the agent's display name, not its id. */
export type VisitorMessage = {
  id: string;
  direction: 'inbound' | 'outbound';
  kind: 'text' | 'media' | 'template' | 'system';
  body: string;
  /** The agent who wrote it; null for the visitor's own messages and for the bot. */
  authorName: string | null;
  attachments: VisitorAttachment[];
  createdAt: number;
};

export type VisitorEvent =
  | { type: 'message'; conversationId: string; message: VisitorMessage }
  | { type: 'state'; conversationId: string; state: VisitorConversationState }
  | { type: 'csat'; conversationId: string; prompt: string };

/**
 * The last event of a stream the server ends, sent as the SSE event `session-end` (not
 * `visitor`): the token that opened it has expired, so the widget forgets the session and
 * shows the start form, as it does on a 401.
 */
export type SessionEndEvent = { reason: 'expired' };

/** `expiresAt` (epoch ms) is when the token stops working, under the TTL configured now. */
export type SessionResponse = {
  token: string;
  visitorId: string;
  locale: 'pt-BR' | 'en';
  expiresAt: number;
};

export type TranscriptResponse = {
  conversationId: string | null;
  state: VisitorConversationState | null;
  messages: VisitorMessage[];
};

export type SendResponse = { messageId: string; conversationId: string; created: boolean };

/**
 * The body of every refused request: a stable code the widget can translate, and details when
 * the code needs them (an `unauthenticated` refusal says `reason`: 'expired' or 'invalid').
 */
export type WebchatErrorBody = {
  error: {
    code: string;
    message: string;
    details?: Record<string, string | number | boolean | null>;
  };
};
