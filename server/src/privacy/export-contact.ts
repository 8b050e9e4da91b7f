import path from 'node:path';
import type { Contact } from '@atendo/shared/schemas/contact';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Message } from '@atendo/shared/schemas/message';
import type { Database } from '../db/database';
import { messageFromRow } from '../repo/messages';
import { requireContact } from '../services/lookup';
import { contactConversations } from './erase-contact';
import { chunks } from './purge';

/*
 * Everything Atendo holds about one contact (LGPD art. 18, II: "acesso aos dados"), as the
 * contents of a zip: `contact.json` with the contact, each conversation with its messages
 * (internal notes included: they are about the person too), its CSAT answer and the names of
 * its channel, team, agents, tags and disposition, and every file under `files/`.
 */

export const EXPORT_FORMAT = 'atendo-contact-export/1';

export type ExportedFile = {
  attachmentId: string;
  conversationId: string;
  fileName: string;
  mimeType: string;
  size: number;
  /** Where the file is inside the zip. */
  zipPath: string;
  /** Where it is on this server's disk (not part of the export's JSON). */
  absolutePath: string;
};

export type ContactExport = {
  document: {
    format: string;
    exportedAt: string;
    contact: Contact;
    conversations: ExportedConversation[];
    files: Omit<ExportedFile, 'absolutePath'>[];
  };
  files: ExportedFile[];
};

type Names = {
  channel: string | null;
  team: string | null;
  owner: string | null;
  disposition: string | null;
  tags: string[];
  participants: string[];
};

type ExportedConversation = Conversation & {
  names: Names;
  csat: { score: number; comment: string | null; answeredAt: string } | null;
  messages: (Message & { authorName: string | null })[];
};

/** A file name safe as one zip entry: no folders, no control characters. */
export function zipSafeName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  let safe = '';
  for (let i = 0; i < base.length; i++) {
    const code = base.charCodeAt(i);
    safe += code < 32 || code === 127 ? '_' : base.charAt(i);
  }
  return safe || 'file';
}

export async function collectContactExport(
  db: Database,
  dataDir: string,
  contactId: string,
  now: number,
): Promise<ContactExport> {
  const contact = await requireContact(db, contactId);
  const conversations = await contactConversations(db, contactId);
  const lookup = await nameLookup(db);
  const files: ExportedFile[] = [];
  const exported: ExportedConversation[] = [];
  for (const conversation of conversations) {
    const messages = await db
      .selectFrom('messages')
      .selectAll()
      .where('conversation_id', '=', conversation.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const csat = await db
      .selectFrom('csat_answers')
      .selectAll()
      .where('conversation_id', '=', conversation.id)
      .executeTakeFirst();
    exported.push({
      ...conversation,
      names: namesOf(conversation, lookup),
      csat: csat
        ? {
            score: csat.score,
            comment: csat.comment,
            answeredAt: new Date(csat.answered_at).toISOString(),
          }
        : null,
      messages: messages.map(messageFromRow).map((m) => ({
        ...m,
        authorName: m.authorAgentId === null ? null : (lookup.agents.get(m.authorAgentId) ?? null),
      })),
    });
  }
  for (const ids of chunks(conversations.map((c) => c.id))) {
    const uploads = await db
      .selectFrom('uploads')
      .selectAll()
      .where('conversation_id', 'in', ids)
      .orderBy('created_at')
      .execute();
    for (const u of uploads) {
      files.push({
        attachmentId: u.id,
        conversationId: u.conversation_id,
        fileName: u.file_name,
        mimeType: u.mime_type,
        size: u.size,
        zipPath: `files/${u.conversation_id}/${u.id}-${zipSafeName(u.file_name)}`,
        absolutePath: path.join(dataDir, u.path),
      });
    }
  }
  return {
    document: {
      format: EXPORT_FORMAT,
      exportedAt: new Date(now).toISOString(),
      contact,
      conversations: exported,
      files: files.map(({ absolutePath: _omitted, ...file }) => file),
    },
    files,
  };
}

type NameLookup = {
  agents: Map<string, string>;
  teams: Map<string, string>;
  channels: Map<string, string>;
  tags: Map<string, string>;
  dispositions: Map<string, string>;
};

// The directory and catalogues are small (tens to hundreds of rows): read once per export.
async function nameLookup(db: Database): Promise<NameLookup> {
  const pairs = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  return {
    agents: pairs(await db.selectFrom('agents').select(['id', 'name']).execute()),
    teams: pairs(await db.selectFrom('teams').select(['id', 'name']).execute()),
    channels: pairs(await db.selectFrom('channels').select(['id', 'name']).execute()),
    tags: pairs(await db.selectFrom('tags').select(['id', 'name']).execute()),
    dispositions: pairs(await db.selectFrom('dispositions').select(['id', 'name']).execute()),
  };
}

function namesOf(c: Conversation, lookup: NameLookup): Names {
  const name = (map: Map<string, string>, id: string | null) =>
    id === null ? null : (map.get(id) ?? null);
  return {
    channel: name(lookup.channels, c.channelId),
    team: name(lookup.teams, c.teamId),
    owner: name(lookup.agents, c.ownerId),
    disposition: name(lookup.dispositions, c.dispositionId),
    tags: c.tagIds.flatMap((id) => lookup.tags.get(id) ?? []),
    participants: c.participantIds.flatMap((id) => lookup.agents.get(id) ?? []),
  };
}
