import { z } from 'zod';
import { Id } from '../common';
import { Team, TeamSettings } from '../team';

/** A team as the admin console shows it. */
export const AdminTeam = Team.extend({
  memberIds: z.array(Id),
  /** Templates offered first to this team's agents. */
  defaultTemplateIds: z.array(Id),
  archived: z.boolean(),
});
export type AdminTeam = z.infer<typeof AdminTeam>;

export const TeamCreate = z.object({
  name: z.string().trim().min(1).max(120),
  settings: TeamSettings,
  memberIds: z.array(Id).max(1000).default([]),
  defaultTemplateIds: z.array(Id).max(100).default([]),
});
export type TeamCreate = z.input<typeof TeamCreate>;

export const TeamUpdate = z.object({
  teamId: Id,
  name: z.string().trim().min(1).max(120).optional(),
  settings: TeamSettings.optional(),
  /** The whole member list: agents left out leave the team. */
  memberIds: z.array(Id).max(1000).optional(),
  defaultTemplateIds: z.array(Id).max(100).optional(),
});
export type TeamUpdate = z.infer<typeof TeamUpdate>;

export const TeamIdInput = z.object({ teamId: Id });
