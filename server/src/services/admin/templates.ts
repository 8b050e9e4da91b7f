import { AtendoError } from '@atendo/shared/errors';
import type { Agent } from '@atendo/shared/schemas/agent';
import {
  LocalTemplateCreate as LocalTemplateCreateSchema,
  type AdminTemplate,
  type LocalTemplateCreate,
  type TemplateUpdate,
} from '@atendo/shared/schemas/admin/catalog';
import { toJson } from '../../db/json';
import { adminTemplateFromRow } from '../../repo/admin-templates';
import { inTransaction, type Deps, type Tx } from '../deps';
import { recordAudit } from './audit';
import { notFound, requireUsableTeams } from './guards';
import { recordTemplateChange } from './template-feed';

export async function listAdminTemplates(
  deps: Deps,
  filter: { channelId: string | null; includeArchived: boolean },
): Promise<AdminTemplate[]> {
  let query = deps.db
    .selectFrom('templates')
    .selectAll()
    .orderBy('name')
    .orderBy('language')
    .orderBy('id');
  if (filter.channelId !== null) query = query.where('channel_id', '=', filter.channelId);
  if (!filter.includeArchived) query = query.where('archived_at', 'is', null);
  return (await query.execute()).map(adminTemplateFromRow);
}

export async function requireTemplate(trx: Tx, id: string): Promise<AdminTemplate> {
  const row = await trx.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('template', id);
  return adminTemplateFromRow(row);
}

/**
 * A template written here, for a channel without Meta's review (web chat). WhatsApp numbers
 * take only Meta's templates: Meta refuses any other.
 */
export async function createLocalTemplate(deps: Deps, actor: Agent, raw: LocalTemplateCreate) {
  const input = LocalTemplateCreateSchema.parse(raw);
  const now = deps.clock.now();
  const id = deps.newId();
  return inTransaction(deps, async (trx) => {
    const channel = await trx
      .selectFrom('channels')
      .select('kind')
      .where('id', '=', input.channelId)
      .executeTakeFirst();
    if (channel === undefined)
      throw new AtendoError('not-found', 'channel not found', {
        entity: 'channel',
        id: input.channelId,
        field: 'channelId',
      });
    if (channel.kind === 'whatsapp') {
      throw new AtendoError('invalid-input', 'WhatsApp templates come from Meta: sync them', {
        field: 'channelId',
      });
    }
    await requireUsableTeams(trx, input.teamIds, 'teamIds');
    await requireFreeName(trx, input.channelId, input.name, input.language, null);
    await trx
      .insertInto('templates')
      .values({
        id,
        channel_id: input.channelId,
        team_ids: toJson([...new Set(input.teamIds)]),
        name: input.name,
        language: input.language,
        category: input.category,
        header: input.header,
        body: input.body,
        footer: input.footer,
        updated_at: now,
        status: 'approved',
        source: 'local',
      })
      .execute();
    const after = await requireTemplate(trx, id);
    await recordTemplateChange(trx, null, after);
    await recordAudit(trx, deps, actor, {
      action: 'template.create',
      entityType: 'template',
      entityId: id,
      before: null,
      after,
    });
    return after;
  });
}

async function requireFreeName(
  trx: Tx,
  channelId: string,
  name: string,
  language: string,
  except: string | null,
) {
  let query = trx
    .selectFrom('templates')
    .select('id')
    .where('channel_id', '=', channelId)
    .where('name', '=', name)
    .where('language', '=', language)
    .where('archived_at', 'is', null);
  if (except !== null) query = query.where('id', '<>', except);
  if ((await query.executeTakeFirst()) !== undefined) {
    throw new AtendoError(
      'already-exists',
      'the channel has a template with this name and language',
      { field: 'name' },
    );
  }
}

/** Local templates change whole; Meta's only in which teams may use them (the text is Meta's). */
export async function updateTemplate(
  deps: Deps,
  actor: Agent,
  input: TemplateUpdate,
): Promise<AdminTemplate> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireTemplate(trx, input.templateId);
    const textField = (['header', 'body', 'footer'] as const).find((f) => input[f] !== undefined);
    if (before.source === 'meta' && textField !== undefined) {
      throw new AtendoError('invalid-input', "edit a WhatsApp template's text in Meta, then sync", {
        field: textField,
      });
    }
    if (input.teamIds !== undefined) await requireUsableTeams(trx, input.teamIds, 'teamIds');
    await trx
      .updateTable('templates')
      .set({
        team_ids: toJson(
          input.teamIds === undefined ? before.teamIds : [...new Set(input.teamIds)],
        ),
        header: input.header === undefined ? before.header : input.header,
        body: input.body ?? before.body,
        footer: input.footer === undefined ? before.footer : input.footer,
        updated_at: now,
      })
      .where('id', '=', before.id)
      .execute();
    const after = await requireTemplate(trx, before.id);
    await recordTemplateChange(trx, before, after);
    await recordAudit(trx, deps, actor, {
      action: 'template.update',
      entityType: 'template',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

export async function setTemplateArchived(deps: Deps, actor: Agent, id: string, archive: boolean) {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await requireTemplate(trx, id);
    if (before.archived === archive) return before;
    if (!archive)
      await requireFreeName(trx, before.channelId, before.name, before.language, before.id);
    await trx
      .updateTable('templates')
      .set({ archived_at: archive ? now : null, updated_at: now })
      .where('id', '=', id)
      .execute();
    const after = await requireTemplate(trx, id);
    await recordTemplateChange(trx, before, after);
    const action = archive ? 'template.archive' : 'template.restore';
    await recordAudit(trx, deps, actor, {
      action,
      entityType: 'template',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
