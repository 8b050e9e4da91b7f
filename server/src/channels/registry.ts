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
 * The registry a server starts with. It is empty: `createServer` mounts the web chat and the
 * WhatsApp channel, and each registers its own sender, so a kind with no channel mounted fails
 * its messages with `no-sender` instead of pretending they went out.
 */
export function createDefaultSenderRegistry(): SenderRegistry {
  return createSenderRegistry();
}
