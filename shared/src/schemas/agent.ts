import { z } from 'zod';
import { EpochMs, Id } from './common';

export const AgentRole = z.enum(['agent', 'supervisor', 'admin']);
export type AgentRole = z.infer<typeof AgentRole>;

export const Presence = z.enum(['available', 'away', 'offline']);
export type Presence = z.infer<typeof Presence>;

/** Extra grants an admin gives on top of the role. */
export const Permission = z.enum(['history-all']);
export type Permission = z.infer<typeof Permission>;

export const Agent = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  email: z.email().max(254),
  role: AgentRole,
  teamIds: z.array(Id),
  permissions: z.array(Permission),
  presence: Presence,
  /** How many active conversations the agent serves at once; queue routing respects it. */
  capacity: z.number().int().min(1).max(100),
  /** False once an admin deactivated the account; absent (older servers) means active. */
  active: z.boolean().optional(),
  updatedAt: EpochMs,
});
export type Agent = z.infer<typeof Agent>;

/** The slice of an agent the rules need: who acts, with which role, in which teams. */
export type Actor = Pick<Agent, 'id' | 'role' | 'teamIds' | 'permissions'>;
