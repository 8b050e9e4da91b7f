import { z } from 'zod';
import { EpochMs, Id } from './common';

export const TeamSettings = z.object({
  /** The agent must pick a disposition (tabulação) to close. */
  dispositionRequired: z.boolean(),
  /** Ask the contact the 1–5 satisfaction question after close. */
  csatEnabled: z.boolean(),
  /** How long an unanswered CSAT question keeps the conversation in awaiting_csat. */
  csatTimeoutMs: z
    .number()
    .int()
    .min(60_000)
    .max(7 * 24 * 3_600_000),
});
export type TeamSettings = z.infer<typeof TeamSettings>;

export const Team = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  settings: TeamSettings,
  /** Templates offered first to the team's agents (set by an admin). */
  defaultTemplateIds: z.array(Id).optional(),
  /** Archived teams take no new conversations; absent means not archived. */
  archived: z.boolean().optional(),
  updatedAt: EpochMs,
});
export type Team = z.infer<typeof Team>;
