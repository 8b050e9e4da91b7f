import { AtendoError } from '@atendo/shared/errors';
import type { Agent } from '@atendo/shared/schemas/agent';
import type { AdminTemplate, TemplateSyncResult } from '@atendo/shared/schemas/admin/catalog';
import { notConfiguredMessage } from '../../channels/channel-secrets';
import { mapGraphTemplate, type MappedTemplate } from '../../channels/whatsapp/template-mapping';
import type { Config } from '../../config';
import { adminTemplateFromRow } from '../../repo/admin-templates';
import { inTransaction, type Deps, type Tx } from '../deps';
import { recordAudit } from './audit';
import { connectionProblem, graphAdminFor, whatsAppChannelCredentials } from './channel-connection';
import { recordTemplateChange } from './template-feed';
import { requireTemplate } from './templates';

/**
 * Imports the WhatsApp number's templates from `GET /<WABA_ID>/message_templates` (every page)
 * in one transaction: new ones are created, known ones (by Meta's id, or by name and language
 * for templates seeded or written before the first sync) updated with Meta's text and status,
 * and those no longer in Meta's list archived. Only approved ones reach agents.
 */
export async function syncTemplatesFromMeta(
  deps: Deps,
  config: Config,
  actor: Agent,
  channelId: string,
): Promise<TemplateSyncResult> {
  const { resolved, wabaId } = await whatsAppChannelCredentials(deps, config, channelId);
  if (!resolved.ok)
    throw new AtendoError('not-configured', notConfiguredMessage(resolved.missing), {
      field: 'secrets',
    });
  if (wabaId === null) {
    throw new AtendoError(
      'not-configured',
      'set the channel’s WhatsApp Business Account id first',
      { field: 'wabaId' },
    );
  }
  const fetched = await graphAdminFor(deps, config, resolved.credentials).listTemplates(wabaId);
  if (!fetched.ok) {
    throw new AtendoError('not-configured', fetched.failure.message, {
      field: 'wabaId',
      problem: connectionProblem(fetched.failure, 'waba'),
    });
  }
  const result: TemplateSyncResult = {
    created: 0,
    updated: 0,
    archived: 0,
    approved: 0,
    notApproved: 0,
    skipped: [],
  };
  const mapped: MappedTemplate[] = [];
  for (const graph of fetched.value) {
    const m = mapGraphTemplate(graph);
    if (m.ok) mapped.push(m.template);
    else result.skipped.push({ name: graph.name, reason: m.reason });
  }
  await inTransaction(deps, async (trx) => {
    await applySync(trx, deps, channelId, mapped, result);
    await recordAudit(trx, deps, actor, {
      action: 'template.sync',
      entityType: 'channel',
      entityId: channelId,
      before: null,
      after: result,
    });
  });
  return result;
}

async function applySync(
  trx: Tx,
  deps: Deps,
  channelId: string,
  mapped: MappedTemplate[],
  result: TemplateSyncResult,
) {
  const now = deps.clock.now();
  const existing = (
    await trx.selectFrom('templates').selectAll().where('channel_id', '=', channelId).execute()
  ).map((row) => ({ row, template: adminTemplateFromRow(row) }));
  const seen = new Set<string>();
  for (const m of mapped) {
    const known =
      existing.find((e) => e.row.external_id === m.externalId) ??
      existing.find(
        (e) => e.row.external_id === null && e.row.name === m.name && e.row.language === m.language,
      );
    const values = {
      name: m.name,
      language: m.language,
      category: m.category,
      header: m.header,
      body: m.body,
      footer: m.footer,
      status: m.status,
      source: 'meta',
      external_id: m.externalId,
      archived_at: null,
      updated_at: now,
    };
    let before: AdminTemplate | null = null;
    let id: string;
    if (known === undefined) {
      id = deps.newId();
      await trx
        .insertInto('templates')
        .values({ id, channel_id: channelId, team_ids: '[]', ...values })
        .execute();
      result.created += 1;
    } else {
      id = known.row.id;
      before = known.template;
      await trx.updateTable('templates').set(values).where('id', '=', id).execute();
      result.updated += 1;
    }
    seen.add(id);
    if (m.status === 'approved') result.approved += 1;
    else result.notApproved += 1;
    await recordTemplateChange(trx, before, await requireTemplate(trx, id));
  }
  for (const e of existing) {
    if (seen.has(e.row.id) || e.row.archived_at !== null) continue;
    await trx
      .updateTable('templates')
      .set({ archived_at: now, updated_at: now })
      .where('id', '=', e.row.id)
      .execute();
    await recordTemplateChange(trx, e.template, await requireTemplate(trx, e.row.id));
    result.archived += 1;
  }
}
