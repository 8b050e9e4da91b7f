import { z } from 'zod';
import { Attachment } from './message';
import { EpochMs, Id } from './common';

/** What an agent types after `/` to pick the reply: lower-case letters, digits, `-` and `_`. */
export const QuickReplyShortcut = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,29}$/, 'use 1–30 lower-case letters, digits, - or _');

/**
 * A saved answer of a team (resposta rápida). `text` may hold variables such as
 * `{{contact.name}}` (see rules/quick-reply.ts), filled in when the agent picks it.
 */
export const QuickReply = z.object({
  id: Id,
  teamId: Id,
  shortcut: QuickReplyShortcut,
  text: z.string().min(1).max(4096),
  /** A file sent with the text; uploaded by an admin, served like any attachment. */
  attachment: Attachment.nullable(),
  /** False once an admin removed it: agents drop it, the admin console can restore it. */
  active: z.boolean(),
  updatedAt: EpochMs,
});
export type QuickReply = z.infer<typeof QuickReply>;
