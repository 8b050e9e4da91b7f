import type { StoredFile } from '../../stored-file';
import type { Attachment, Message } from '@atendo/shared/schemas/message';
import type { Locale } from '@atendo/shared/schemas/common';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { WebchatSettings } from '@atendo/shared/schemas/admin/channels';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { WebchatRateLimits } from './rate-limits';
import type { VisitorClaims } from './visitor-token';

/** What the web chat adapter hands to the server's inbound pipeline. */
export type WebchatInbound = {
  channel: Channel;
  address: string;
  profileName: string;
  email: string;
  locale: Locale;
  /** The answers to the channel's extra pre-chat questions, checked when the session opened. */
  fields: Readonly<Record<string, string>>;
  channelMessageId: string;
  kind: 'text' | 'media';
  body: string;
  attachments: Attachment[];
  /** Where each attachment's bytes were stored, relative to the data directory, by id. */
  filePaths?: Readonly<Record<string, string>>;
  sentAt: number;
};

export type WebchatInboundResult = {
  conversation: Conversation;
  message: Message;
  created: boolean;
};

/** The visitor's latest conversation on the channel and its timeline, for transcript and push. */
export type VisitorSnapshot = {
  conversation: Conversation | null;
  messages: Message[];
  agentNames: ReadonlyMap<string, string>;
};

/** A stored file the visitor may open; `absolutePath` is the server's, never the visitor's. */
export type VisitorFile = StoredFile;

/**
 * Everything the web chat adapter needs from the rest of the server, as plain functions. The
 * router and the visitor hub depend only on this, so they are tested against the real server
 * through `createWebchatPorts` and stay free of its internals.
 */
export type WebchatPorts = {
  now: () => number;
  newId: () => string;
  /** Keys the stored hash of visitor tokens; at least 32 random bytes, stable across restarts. */
  tokenSecret: string;
  /** How long after issue a visitor token is refused as expired. */
  tokenTtlMs: number;
  /** Stores a new session under its token's hash (and drops the ones past the TTL). */
  saveSession: (tokenHash: string, claims: VisitorClaims) => Promise<void>;
  /** The session a token's hash names, expired or not; null when there is none. */
  findSession: (tokenHash: string) => Promise<VisitorClaims | null>;
  /** Session creation and message limits per IP and per visitor. */
  limits: WebchatRateLimits;
  findChannelByKey: (key: string) => Promise<Channel | null>;
  findChannelById: (id: string) => Promise<Channel | null>;
  /** The channel's look, form and allowed origins (admin console); null until first saved. */
  webchatSettings: (channelId: string) => Promise<WebchatSettings | null>;
  /** Stores the message once per channelMessageId, then runs the bot/CSAT dialogue. */
  receiveInbound: (input: WebchatInbound) => Promise<WebchatInboundResult>;
  visitorSnapshot: (channelId: string, address: string) => Promise<VisitorSnapshot>;
  /** Records a 1–5 answer for the visitor's conversation pending CSAT. */
  answerCsat: (input: {
    channel: Channel;
    address: string;
    score: number;
    comment: string | null;
  }) => Promise<void>;
  /** Marks the visitor's own outbound messages delivered; other ids are ignored. */
  markDelivered: (
    visitor: { channelId: string; address: string },
    messageIds: readonly string[],
  ) => Promise<void>;
  /**
   * Has `write` put a visitor's file at its place (an absolute path that does not exist yet);
   * answers that path relative to the data directory. A failed write leaves no file.
   */
  storeFile: (
    attachmentId: string,
    write: (absolutePath: string) => Promise<void>,
  ) => Promise<string>;
  /**
   * Removes a file stored for a message that was not stored with it (a retry of a stored one,
   * or a store that failed). A file an `uploads` row records is kept.
   */
  discardFile: (file: { attachmentId: string; path: string }) => Promise<void>;
  /** The file if it is on a message this visitor's transcript shows on this channel, else null. */
  findVisitorFile: (query: {
    channelId: string;
    address: string;
    attachmentId: string;
  }) => Promise<VisitorFile | null>;
  /** Called after every committed change; the hub re-reads connected visitors then. */
  subscribeChanges: (listener: () => void) => () => void;
};
