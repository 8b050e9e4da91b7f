import type { AdminTemplate } from '@atendo/shared/schemas/admin/catalog';
import { revokedKeys } from '@atendo/shared/sync/audience';
import { templateKeys } from '../../feed/audience-keys';
import { recordChange } from '../../feed/change-feed';
import { reachesAgents } from '../../repo/admin-templates';
import type { Tx } from '../deps';

/**
 * Records a template change with the audience it has now: its teams (or everyone) while it is
 * approved and live, nobody otherwise. Keys it had before and lost are revoked, so a template
 * Meta paused or rejected, or an admin archived, leaves the agents' stores.
 */
export async function recordTemplateChange(
  trx: Tx,
  before: AdminTemplate | null,
  after: AdminTemplate,
): Promise<void> {
  const keysOf = (t: AdminTemplate | null): string[] =>
    t !== null && reachesAgents(t) ? templateKeys(t) : [];
  const grants = keysOf(after);
  const hadKeys = before === null ? [] : templateKeys(before);
  await recordChange(trx, {
    collection: 'template',
    docId: after.id,
    grants,
    revokes: revokedKeys(hadKeys, grants),
    at: after.updatedAt,
  });
}
