import type { ChannelKind, ChannelSender } from './types';

/**
 * Which sender delivers outbound messages for each channel kind. Adapters (web chat, WhatsApp)
 * register themselves at start; a kind without a sender fails its messages visibly.
 */
export type SenderRegistry = {
  register(kind: ChannelKind, sender: ChannelSender): void;
  get(kind: ChannelKind): ChannelSender | null;
};

export function createSenderRegistry(): SenderRegistry {
  const senders = new Map<ChannelKind, ChannelSender>();
  return {
    register: (kind, sender) => {
      senders.set(kind, sender);
    },
    get: (kind) => senders.get(kind) ?? null,
  };
}

/**
 * Until the real web chat adapter plugs in, web chat messages count as sent when stored: the
 * widget reads them from the server.
 */
export const webchatSender: ChannelSender = ({ message }) =>
  Promise.resolve({ ok: true, channelMessageId: `webchat:${message.id}` });

export function createDefaultSenderRegistry(): SenderRegistry {
  const registry = createSenderRegistry();
  registry.register('webchat', webchatSender);
  return registry;
}
