import type { Message } from '@atendo/shared/schemas/message';

/**
 * Gives a batch of new messages strictly increasing `createdAt` values after `floor` (the
 * conversation's latest message time, or null when it has none), in the order they were
 * written. One action often writes several messages in the same millisecond (the contact's
 * message and the bot's menu); clients sort a timeline by `createdAt`, and on a tie they would
 * fall back to the random id, so the menu could show above the message it answers. A shifted
 * message moves by a millisecond or two, never backwards.
 */
export function sequenceTimeline(floor: number | null, messages: readonly Message[]): Message[] {
  let last = floor ?? Number.NEGATIVE_INFINITY;
  return messages.map((message) => {
    if (message.createdAt > last) {
      last = message.createdAt;
      return message;
    }
    last += 1;
    return { ...message, createdAt: last, updatedAt: Math.max(message.updatedAt, last) };
  });
}
