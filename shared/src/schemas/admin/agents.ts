import { z } from 'zod';
import { Agent, AgentRole, Permission } from '../agent';
import { EpochMs, Id } from '../common';

/** An agent as the admin console shows it: the directory entry plus the account's state. */
export const AdminAgent = Agent.extend({
  active: z.boolean(),
  /** Signed in with a temporary password that must still be changed. */
  mustChangePassword: z.boolean(),
  /** When the account was deactivated; null while active. */
  deactivatedAt: EpochMs.nullable(),
});
export type AdminAgent = z.infer<typeof AdminAgent>;

const AgentFields = {
  name: z.string().trim().min(1).max(120),
  role: AgentRole,
  teamIds: z.array(Id).max(100),
  capacity: z.number().int().min(1).max(100),
  permissions: z.array(Permission),
};

/**
 * Invites a colleague: the account is created with a temporary password, shown once to the
 * admin, which must be changed at the first sign-in (auth.login answers
 * `password-change-required` until then; auth.changePassword sets the new one).
 */
export const AgentInvite = z.object({
  email: z.email().max(254),
  ...AgentFields,
});
export type AgentInvite = z.infer<typeof AgentInvite>;

/** Every field but the id is optional: what is left out stays as it is. */
export const AgentUpdate = z.object({
  agentId: Id,
  email: z.email().max(254).optional(),
  name: AgentFields.name.optional(),
  role: AgentRole.optional(),
  teamIds: AgentFields.teamIds.optional(),
  capacity: AgentFields.capacity.optional(),
  permissions: AgentFields.permissions.optional(),
});
export type AgentUpdate = z.infer<typeof AgentUpdate>;

export const AgentIdInput = z.object({ agentId: Id });

/** The temporary password is in this answer only; it is never stored in clear nor logged. */
export const TemporaryPasswordResult = z.object({
  agent: AdminAgent,
  temporaryPassword: z.string().min(8),
});
export type TemporaryPasswordResult = z.infer<typeof TemporaryPasswordResult>;

/** What deactivating did besides the account: conversations sent back to their queues. */
export const DeactivateResult = z.object({
  agent: AdminAgent,
  requeuedConversationIds: z.array(Id),
  revokedSessions: z.number().int().nonnegative(),
});
export type DeactivateResult = z.infer<typeof DeactivateResult>;
