import { z } from 'zod';
import { EpochMs, Id } from './common';

export const ChannelKind = z.enum(['whatsapp', 'webchat', 'email', 'telegram']);
export type ChannelKind = z.infer<typeof ChannelKind>;

/** "receptivo" channels only answer; agents cannot start conversations on them. */
export const ChannelDirection = z.enum(['both', 'inbound-only']);
export type ChannelDirection = z.infer<typeof ChannelDirection>;

export const BotOption = z.object({
  /** What the contact types to choose it: "1", "2", … */
  key: z.string().min(1).max(8),
  label: z.string().min(1).max(200),
  teamId: Id,
});
export type BotOption = z.infer<typeof BotOption>;

export const BotMenu = z.object({
  greeting: z.string().min(1).max(1024),
  options: z.array(BotOption).min(1).max(20),
  invalidReply: z.string().min(1).max(1024),
  timeoutMs: z.number().int().min(10_000),
  /** On timeout: route to the channel's default team, or close the conversation. */
  onTimeout: z.enum(['route-default-team', 'close']),
});
export type BotMenu = z.infer<typeof BotMenu>;

export const Channel = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  kind: ChannelKind,
  direction: ChannelDirection,
  defaultTeamId: Id,
  /** Null: new conversations go straight to the default team's queue. */
  botMenu: BotMenu.nullable(),
  /** The channel's own address: the WhatsApp phone number id, the widget key, … */
  externalId: z.string().min(1).max(200),
  /** Archived channels take no messages; absent means not archived. */
  archived: z.boolean().optional(),
  updatedAt: EpochMs,
});
export type Channel = z.infer<typeof Channel>;
