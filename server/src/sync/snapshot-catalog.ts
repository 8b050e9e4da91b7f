import type { Kysely } from 'kysely';
import type { SyncCollection } from '@atendo/shared/sync/protocol';
import type { DB } from '../db/schema';
import { teamKeys, templateKeys } from '../feed/audience-keys';
import { adminTemplateFromRow, reachesAgents } from '../repo/admin-templates';
import type { FeedCollection } from './collections';
import { loadCurrentDocuments, type SyncPayload } from './documents';

/*
 * Snapshots of the small collections — the directory and the catalogues — read whole from
 * their tables and filtered by the same audience keys the feed gives them (the admin writers
 * in services/admin/: an archived tag or quick reply, and a template that is archived or not
 * approved, reach nobody). Walking the feed
 * for them instead meant reading every row of the `all` key (one per contact the organisation
 * ever had) to find a few dozen agents and channels.
 */

type Visible = { feed: FeedCollection; id: string; keys: readonly string[] };

async function candidates(db: Kysely<DB>, collection: SyncCollection): Promise<Visible[]> {
  switch (collection) {
    case 'directory': {
      const ids = async (table: 'agents' | 'teams' | 'channels') =>
        (await db.selectFrom(table).select('id').execute()).map((r) => r.id);
      const quickReplies = await db
        .selectFrom('quick_replies')
        .select(['id', 'team_id'])
        .where('active', '=', 1)
        .execute();
      return [
        ...(await ids('agents')).map((id) => ({ feed: 'agent' as const, id, keys: ['all'] })),
        ...(await ids('teams')).map((id) => ({ feed: 'team' as const, id, keys: ['all'] })),
        ...(await ids('channels')).map((id) => ({ feed: 'channel' as const, id, keys: ['all'] })),
        ...quickReplies.map((row) => ({
          feed: 'quick_reply' as const,
          id: row.id,
          keys: teamKeys(row.team_id),
        })),
      ];
    }
    case 'templates':
      return (await db.selectFrom('templates').selectAll().execute())
        .map(adminTemplateFromRow)
        .filter(reachesAgents)
        .map((template) => ({
          feed: 'template' as const,
          id: template.id,
          keys: templateKeys(template),
        }));
    case 'tags': {
      const rows = await db
        .selectFrom('tags')
        .select(['id', 'team_id'])
        .where('active', '=', 1)
        .execute();
      return rows.map((row) => ({ feed: 'tag' as const, id: row.id, keys: teamKeys(row.team_id) }));
    }
    case 'dispositions': {
      // Archived dispositions stay (active: false), so closed conversations keep their names.
      const rows = await db.selectFrom('dispositions').select(['id', 'team_id']).execute();
      return rows.map((row) => ({
        feed: 'disposition' as const,
        id: row.id,
        keys: teamKeys(row.team_id),
      }));
    }
    default:
      return [];
  }
}

/** Every document of a small collection the agent's keys reach, sorted by replicated id. */
export async function catalogSnapshot(
  db: Kysely<DB>,
  collection: SyncCollection,
  keys: ReadonlySet<string>,
): Promise<SyncPayload[]> {
  const visible = (await candidates(db, collection)).filter((c) => c.keys.some((k) => keys.has(k)));
  const loaded = await loadCurrentDocuments(
    db,
    visible.map((v) => ({ collection: v.feed, docId: v.id })),
  );
  return [...loaded.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
