import { createHash } from 'node:crypto';
import type { Actor } from '@atendo/shared/schemas/agent';
import type { AudienceKey } from '@atendo/shared/sync/audience';
import { agentAudienceKeys } from '@atendo/shared/sync/audience';

/** What an agent may see, fixed for one scope version: its audience keys and the epoch. */
export type SyncScope = {
  agentId: string;
  keys: ReadonlySet<AudienceKey>;
  version: string;
  epoch: string;
};

/**
 * A short fingerprint of everything that decides an agent's audience keys. Hashing the inputs
 * instead of storing a counter means no extra table: moving an agent between teams, changing
 * the role or a permission changes the fingerprint, and with it the epoch the client holds.
 */
export function scopeVersion(actor: Actor): string {
  const teams = [...actor.teamIds].sort().join(',');
  const permissions = [...actor.permissions].sort().join(',');
  return createHash('sha256')
    .update(`${actor.role}|${teams}|${permissions}`)
    .digest('base64url')
    .slice(0, 16);
}

export function syncScope(actor: Actor, instanceId: string): SyncScope {
  const version = scopeVersion(actor);
  return {
    agentId: actor.id,
    keys: new Set(agentAudienceKeys(actor)),
    version,
    epoch: `${instanceId}:${version}`,
  };
}
