import type { ChannelSender } from '../types';
import type { VisitorHub } from './visitor-hub';

/**
 * Delivers outbound messages to web chat visitors. The message is already stored, and the
 * widget reads the transcript on every (re)connect, so it counts as sent once handed to the
 * hub; it becomes delivered when the visitor's widget acknowledges it.
 */
export const createWebchatSender =
  (hub: VisitorHub): ChannelSender =>
  async ({ message, address, channel }) => {
    // The visitor the conversation was opened with, never the contact's current address.
    if (address === null) {
      return {
        ok: false,
        error: { code: 'no-address', message: 'the contact has no web chat visitor id' },
        retryable: false,
      };
    }
    await hub.refresh({ channelId: channel.id, address });
    return { ok: true, channelMessageId: `webchat:${message.id}` };
  };
