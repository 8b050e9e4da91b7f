import { AtendoError } from '@atendo/shared/errors';
import { csatPrompt } from '@atendo/shared/rules/csat';
import { loadChannel } from '../../repo/directory';
import { answerCsat } from '../../services/csat';
import type { Deps } from '../../services/deps';
import type { SetTimer } from '../../sync/stream-timer';
import { contactLocale } from '../conversation-flow/flow-store';
import { afterInbound } from '../conversation-flow/run-flow';
import { receiveInboundMessage } from '../../services/inbound';
import { completeVisitorContact } from './contact-details';
import type { WebchatPorts } from './ports';
import { createWebchatRouter } from './router';
import { findVisitorFile } from './visitor-files';
import { createVisitorHub } from './visitor-hub';
import {
  contactIdByAddress,
  discardVisitorFile,
  findWebchatChannel,
  latestConversation,
  markDelivered,
  storeVisitorFile,
  visitorSnapshot,
  webchatSettingsOfChannel,
} from './visitor-records';
import { createWebchatSender } from './webchat-sender';
import type { WebchatLimits } from '../../config';
import { createWebchatRateLimits } from './rate-limits';
import {
  deleteExpiredVisitorSessions,
  findVisitorSession,
  insertVisitorSession,
} from './visitor-sessions';

const EXPIRED_SESSION_GRACE_MS = 7 * 86_400_000;

export type WebchatOptions = {
  /** Keys visitor tokens' stored hashes; keep it stable so visitors keep their conversation. */
  tokenSecret: string;
  /** How long a visitor token stays valid after it is issued. */
  tokenTtlMs: number;
  /** Session and message limits per IP and per visitor (config.webchatLimits). */
  limits: WebchatLimits;
  /** Runs the visitor streams' heartbeat (keep-alive and expiry); tests pass a manual timer. */
  setTimer?: SetTimer;
};

/**
 * Builds the web chat channel on the server's dependencies: the express router for /webchat,
 * the sender to register for kind 'webchat', and the hub of live visitor streams.
 */
export function createWebchat(deps: Deps, options: WebchatOptions) {
  const hub = createVisitorHub({
    snapshot: (channelId, address) => visitorSnapshot(deps.db, channelId, address),
    csatPrompt: async ({ channelId, address }) => {
      const contactId = await contactIdByAddress(deps.db, channelId, address);
      return csatPrompt(contactId ? await contactLocale(deps.db, contactId) : 'pt-BR');
    },
    now: () => deps.clock.now(),
    logger: deps.logger,
    ...(options.setTimer ? { setTimer: options.setTimer } : {}),
  });
  const ports: WebchatPorts = {
    now: () => deps.clock.now(),
    newId: deps.newId,
    tokenSecret: options.tokenSecret,
    tokenTtlMs: options.tokenTtlMs,
    saveSession: async (tokenHash, claims) => {
      // A week past expiry, so a visitor back soon after is told it expired, not that it is unknown.
      const purgeBefore = claims.issuedAt - options.tokenTtlMs - EXPIRED_SESSION_GRACE_MS;
      await deleteExpiredVisitorSessions(deps.db, purgeBefore);
      await insertVisitorSession(deps.db, tokenHash, claims);
    },
    findSession: (tokenHash) => findVisitorSession(deps.db, tokenHash),
    limits: createWebchatRateLimits(options.limits),
    findChannelByKey: (key) => findWebchatChannel(deps.db, key),
    findChannelById: (id) => loadChannel(deps.db, id),
    webchatSettings: (channelId) => webchatSettingsOfChannel(deps.db, channelId),
    receiveInbound: async (input) => {
      const result = await receiveInboundMessage(deps, {
        channelId: input.channel.id,
        address: input.address,
        profileName: input.profileName,
        channelMessageId: input.channelMessageId,
        kind: input.kind,
        body: input.body,
        attachments: input.attachments,
        sentAt: input.sentAt,
        ...(input.filePaths ? { filePaths: input.filePaths } : {}),
      });
      // Also for a message seen before: the retry of a send whose contact step failed after
      // the message was stored redoes it (it writes nothing when the contact is complete).
      await completeVisitorContact(deps, {
        contactId: result.conversation.contactId,
        email: input.email,
        locale: input.locale,
        fields: input.fields,
      });
      await afterInbound(deps, result);
      return result;
    },
    visitorSnapshot: (channelId, address) => visitorSnapshot(deps.db, channelId, address),
    answerCsat: async ({ channel, address, score, comment }) => {
      const conversation = await latestConversation(deps.db, channel.id, address);
      if (conversation?.state !== 'awaiting_csat') {
        throw new AtendoError('csat-not-pending', 'no conversation is waiting for a rating');
      }
      await answerCsat(deps, { conversationId: conversation.id, score, comment });
    },
    markDelivered: (visitor, ids) => markDelivered(deps, visitor, ids),
    storeFile: (id, write) => storeVisitorFile(deps, id, write),
    discardFile: (file) => discardVisitorFile(deps, file),
    findVisitorFile: (query) => findVisitorFile(deps.db, deps.dataDir, query),
    subscribeChanges: (listener) => deps.feed.subscribe(listener),
  };
  const unsubscribe = ports.subscribeChanges(() => void hub.refreshAll());
  return {
    router: createWebchatRouter(ports, hub, deps.logger),
    sender: createWebchatSender(hub),
    hub,
    close: () => {
      unsubscribe();
      hub.closeAll();
    },
  };
}

export type Webchat = ReturnType<typeof createWebchat>;
