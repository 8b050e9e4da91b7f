import type { ChannelKind } from '../schemas/channel';
import type { MessageKind } from '../schemas/message';
import { allow, deny, type Decision } from './decision';

/** WhatsApp's customer-service window: 24 hours from the contact's last message. */
export const WINDOW_MS = 24 * 3_600_000;

/**
 * We close the window a little early: Meta may accept a send near the edge and reject it later,
 * asynchronously (error 131047), which the agent would only notice as a silent failure.
 */
export const WINDOW_SAFETY_MARGIN_MS = 5 * 60_000;

const WINDOWED_KINDS: readonly ChannelKind[] = ['whatsapp'];

/** Whether free messages on this kind of channel depend on the contact having written lately. */
export function channelHasWindow(kind: ChannelKind): boolean {
  return WINDOWED_KINDS.includes(kind);
}

/**
 * `none`: the channel has no window. `closed.closedAt` is when it closed for us (margin
 * included), or null when the contact never wrote.
 */
export type WindowState =
  | { kind: 'none' }
  | { kind: 'open'; closesAt: number }
  | { kind: 'closed'; closedAt: number | null };

export type WindowInput = { channelKind: ChannelKind; lastInboundAt: number | null; now: number };

export function customerServiceWindow(input: WindowInput): WindowState {
  const { channelKind, lastInboundAt, now } = input;
  if (!channelHasWindow(channelKind)) return { kind: 'none' };
  if (lastInboundAt === null) return { kind: 'closed', closedAt: null };
  const closesAt = lastInboundAt + WINDOW_MS - WINDOW_SAFETY_MARGIN_MS;
  return now < closesAt ? { kind: 'open', closesAt } : { kind: 'closed', closedAt: closesAt };
}

/**
 * Free text and media need an open window; outside it only an approved template may go out,
 * and the contact's answer to it reopens the window. `closesAt` is null when it never closes.
 */
export function canSendFreeMessage(
  input: WindowInput,
): Decision<'template-required', { closesAt: number | null }> {
  const window = customerServiceWindow(input);
  switch (window.kind) {
    case 'none':
      return allow({ closesAt: null });
    case 'open':
      return allow({ closesAt: window.closesAt });
    case 'closed':
      return deny('template-required', {
        closedAt: window.closedAt,
        lastInboundAt: input.lastInboundAt,
      });
  }
}

/** The kinds of message an agent sends to the contact; notes and system lines never leave. */
export type OutboundMessageKind = Extract<MessageKind, 'text' | 'media' | 'template'>;

/** Whether a message of this kind may be sent now: templates always, the rest inside the window. */
export function canSendMessage(
  input: WindowInput & { messageKind: OutboundMessageKind },
): Decision<'template-required', { closesAt: number | null }> {
  if (input.messageKind === 'template') return allow({ closesAt: null });
  return canSendFreeMessage(input);
}

/**
 * Meta counts the 24 h window per business number: a contact who wrote to one of the
 * organisation's WhatsApp numbers can still only get a template from another. When this
 * number's window is closed, the most recent message the contact sent to another WhatsApp
 * number within 24 h explains why the agent, who saw them write, is asked for a template.
 */
export function windowOnOtherNumber(input: {
  channelId: string;
  window: WindowState;
  now: number;
  /** The contact's conversations, on any channel. */
  conversations: readonly {
    channelId: string;
    channelKind: ChannelKind | null;
    lastInboundAt: number | null;
  }[];
}): { channelId: string; lastInboundAt: number } | null {
  if (input.window.kind !== 'closed') return null;
  let latest: { channelId: string; lastInboundAt: number } | null = null;
  for (const c of input.conversations) {
    if (c.channelId === input.channelId || c.channelKind === null) continue;
    if (!channelHasWindow(c.channelKind) || c.lastInboundAt === null) continue;
    const open =
      customerServiceWindow({
        channelKind: c.channelKind,
        lastInboundAt: c.lastInboundAt,
        now: input.now,
      }).kind === 'open';
    if (open && (latest === null || c.lastInboundAt > latest.lastInboundAt)) {
      latest = { channelId: c.channelId, lastInboundAt: c.lastInboundAt };
    }
  }
  return latest;
}
