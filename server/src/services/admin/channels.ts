import { AtendoError } from '@atendo/shared/errors';
import { checkChannelRouting, type RoutingTeam } from '@atendo/shared/rules/channel-routing';
import { ensure } from '@atendo/shared/rules/decision';
import type { Agent } from '@atendo/shared/schemas/agent';
import {
  ChannelCreate as ChannelCreateSchema,
  type AdminChannel,
  type ChannelCreate,
  type ChannelUpdate,
  type WhatsAppSecretsInput,
} from '@atendo/shared/schemas/admin/channels';
import type { BotMenu } from '@atendo/shared/schemas/channel';
import {
  openChannelSecrets,
  sealChannelSecrets,
  type ChannelSecrets,
} from '../../channels/channel-secrets';
import type { Config } from '../../config';
import { toJson, toJsonOrNull } from '../../db/json';
import type { ChannelRow } from '../../db/schema';
import { loadAdminChannels, whatsAppSettingsOf } from '../../repo/admin-channels';
import { inTransaction, type Deps, type Tx } from '../deps';
import { insertChannel } from '../directory-writer';
import { recordAudit } from './audit';
import { recordChannelChange } from './directory-changes';
import { notFound } from './guards';

type Ctx = { deps: Deps; config: Config };

export const listAdminChannels = (
  deps: Deps,
  config: Config,
  input: { includeArchived: boolean },
) => loadAdminChannels(deps.db, { config, secrets: deps.secrets }, input);

export async function getAdminChannel(deps: Deps, config: Config, id: string, db: Tx = deps.db) {
  const [channel] = await loadAdminChannels(db, { config, secrets: deps.secrets }, { ids: [id] });
  if (channel === undefined) throw notFound('channel', id);
  return channel;
}

async function routingTeams(trx: Tx): Promise<RoutingTeam[]> {
  const teams = await trx.selectFrom('teams').select(['id', 'archived_at']).execute();
  const members = await trx
    .selectFrom('agent_teams as at')
    .innerJoin('agents as a', 'a.id', 'at.agent_id')
    .select(['at.team_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.active', '=', 1)
    .groupBy('at.team_id')
    .execute();
  return teams.map((t) => ({
    id: t.id,
    archived: t.archived_at !== null,
    memberCount: members.find((m) => m.team_id === t.id)?.n ?? 0,
  }));
}

async function checkRouting(trx: Tx, defaultTeamId: string, botMenu: BotMenu | null) {
  ensure(checkChannelRouting({ defaultTeamId, botMenu, teams: await routingTeams(trx) }));
}

/** One channel per Meta phone number id and per web chat key. */
async function requireFreeAddress(
  trx: Tx,
  kind: string,
  externalId: string,
  except: string | null,
) {
  let query = trx
    .selectFrom('channels')
    .select('id')
    .where('kind', '=', kind)
    .where('external_id', '=', externalId);
  if (except !== null) query = query.where('id', '<>', except);
  if ((await query.executeTakeFirst()) !== undefined) {
    const field = kind === 'whatsapp' ? 'phoneNumberId' : 'key';
    throw new AtendoError('already-exists', 'another channel has this address', { field });
  }
}

/** Applies an update's secrets to the stored ones: a value sets, null clears, absent keeps. */
function mergeSecrets(
  stored: ChannelSecrets,
  input: WhatsAppSecretsInput | undefined,
): ChannelSecrets {
  const pick = (name: keyof ChannelSecrets): string | undefined => {
    const value = input?.[name];
    return value === null ? undefined : (value ?? stored[name]);
  };
  const merged: ChannelSecrets = {};
  for (const name of ['accessToken', 'appSecret', 'verifyToken'] as const) {
    const value = pick(name);
    if (value !== undefined) merged[name] = value;
  }
  return merged;
}

export async function createChannel(deps: Deps, config: Config, actor: Agent, raw: ChannelCreate) {
  const input = ChannelCreateSchema.parse(raw);
  const now = deps.clock.now();
  const id = deps.newId();
  const externalId = input.kind === 'whatsapp' ? input.phoneNumberId : input.key;
  return inTransaction(deps, async (trx) => {
    await requireFreeAddress(trx, input.kind, externalId, null);
    await checkRouting(trx, input.defaultTeamId, input.botMenu);
    const { name, kind, direction, defaultTeamId, botMenu } = input;
    await insertChannel(trx, {
      id,
      name,
      kind,
      direction,
      defaultTeamId,
      botMenu,
      externalId,
      updatedAt: now,
    });
    const settings =
      input.kind === 'whatsapp'
        ? { wabaId: input.wabaId, authorPrefix: input.authorPrefix }
        : input.webchat;
    const secrets =
      input.kind === 'whatsapp'
        ? sealChannelSecrets(deps.secrets, mergeSecrets({}, input.secrets))
        : null;
    await trx
      .updateTable('channels')
      .set({ settings: toJson(settings), secrets })
      .where('id', '=', id)
      .execute();
    const after = await getAdminChannel(deps, config, id, trx);
    await recordAudit(trx, deps, actor, {
      action: 'channel.create',
      entityType: 'channel',
      entityId: id,
      before: null,
      after,
    });
    return after;
  });
}

function updatedSettings(row: ChannelRow, input: ChannelUpdate): string | null {
  if (row.kind === 'whatsapp' && (input.wabaId !== undefined || input.authorPrefix !== undefined)) {
    const stored = whatsAppSettingsOf(row);
    return toJson({
      wabaId: input.wabaId === undefined ? stored.wabaId : input.wabaId,
      authorPrefix: input.authorPrefix ?? stored.authorPrefix,
    });
  }
  if (row.kind === 'webchat' && input.webchat !== undefined) return toJson(input.webchat);
  return row.settings;
}

/** Fields of another kind's channel are refused, so nothing is half-applied silently. */
function refuseOtherKind(row: ChannelRow, input: ChannelUpdate): void {
  const whatsappOnly = ['phoneNumberId', 'wabaId', 'authorPrefix', 'secrets'] as const;
  const webchatOnly = ['key', 'webchat'] as const;
  const wrong =
    row.kind === 'whatsapp'
      ? webchatOnly
      : row.kind === 'webchat'
        ? whatsappOnly
        : [...whatsappOnly, ...webchatOnly];
  const field = wrong.find((name) => input[name] !== undefined);
  if (field !== undefined) {
    throw new AtendoError('invalid-input', `a ${row.kind} channel has no ${field}`, { field });
  }
}

export async function updateChannel(
  deps: Deps,
  config: Config,
  actor: Agent,
  input: ChannelUpdate,
) {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const row = await trx
      .selectFrom('channels')
      .selectAll()
      .where('id', '=', input.channelId)
      .executeTakeFirst();
    if (row === undefined) throw notFound('channel', input.channelId);
    refuseOtherKind(row, input);
    const before = await getAdminChannel(deps, config, row.id, trx);
    const externalId = input.phoneNumberId ?? input.key ?? row.external_id;
    if (externalId !== row.external_id) await requireFreeAddress(trx, row.kind, externalId, row.id);
    const defaultTeamId = input.defaultTeamId ?? row.default_team_id;
    const botMenu = input.botMenu === undefined ? before.botMenu : input.botMenu;
    await checkRouting(trx, defaultTeamId, botMenu);
    const secrets =
      input.secrets === undefined
        ? row.secrets
        : sealChannelSecrets(
            deps.secrets,
            mergeSecrets(openChannelSecrets(deps.secrets, row.secrets), input.secrets),
          );
    await trx
      .updateTable('channels')
      .set({
        name: input.name ?? row.name,
        direction: input.direction ?? row.direction,
        default_team_id: defaultTeamId,
        bot_menu: toJsonOrNull(botMenu),
        external_id: externalId,
        settings: updatedSettings(row, input),
        secrets,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    await recordChannelChange(trx, row.id, now);
    const after = await getAdminChannel(deps, config, row.id, trx);
    await recordAudit(trx, deps, actor, {
      action: 'channel.update',
      entityType: 'channel',
      entityId: row.id,
      before,
      after,
    });
    return after;
  });
}

export const archiveChannel = (deps: Deps, config: Config, actor: Agent, id: string) =>
  setArchived({ deps, config }, actor, id, true);

export const restoreChannel = (deps: Deps, config: Config, actor: Agent, id: string) =>
  setArchived({ deps, config }, actor, id, false);

/**
 * An archived channel takes no new messages (its webhook answers 410 and the widget 404) and
 * agents cannot start conversations on it; conversations already open on it keep going.
 * Restoring checks the routing again: its teams may have been archived meanwhile.
 */
async function setArchived(
  { deps, config }: Ctx,
  actor: Agent,
  id: string,
  archive: boolean,
): Promise<AdminChannel> {
  const now = deps.clock.now();
  return inTransaction(deps, async (trx) => {
    const before = await getAdminChannel(deps, config, id, trx);
    if (before.archived === archive) return before;
    if (!archive) await checkRouting(trx, before.defaultTeamId, before.botMenu);
    await trx
      .updateTable('channels')
      .set({ archived_at: archive ? now : null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordChannelChange(trx, id, now);
    const after = await getAdminChannel(deps, config, id, trx);
    const action = archive ? 'channel.archive' : 'channel.restore';
    await recordAudit(trx, deps, actor, {
      action,
      entityType: 'channel',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
