import type { Agent } from '@atendo/shared/schemas/agent';
import type { Disposition, Tag, Template } from '@atendo/shared/schemas/catalog';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { QuickReply } from '@atendo/shared/schemas/quick-reply';
import type { Team } from '@atendo/shared/schemas/team';
import { recordChange } from '../feed/change-feed';
import { EVERYONE, teamKeys, templateKeys } from '../feed/audience-keys';
import { int, toJson, toJsonOrNull } from '../db/json';
import type { Tx } from './deps';

/* Inserts of directory and catalogue entries, each with its change record. */

export async function insertTeam(trx: Tx, team: Team): Promise<void> {
  await trx
    .insertInto('teams')
    .values({
      id: team.id,
      name: team.name,
      disposition_required: int(team.settings.dispositionRequired),
      csat_enabled: int(team.settings.csatEnabled),
      csat_timeout_ms: team.settings.csatTimeoutMs,
      updated_at: team.updatedAt,
    })
    .execute();
  await recordChange(trx, {
    collection: 'team',
    docId: team.id,
    grants: EVERYONE,
    revokes: [],
    at: team.updatedAt,
  });
}

export async function insertAgent(trx: Tx, agent: Agent, passwordHash: string): Promise<void> {
  await trx
    .insertInto('agents')
    .values({
      id: agent.id,
      name: agent.name,
      email: agent.email.toLowerCase(),
      role: agent.role,
      permissions: toJson(agent.permissions),
      presence: agent.presence,
      capacity: agent.capacity,
      password_hash: passwordHash,
      updated_at: agent.updatedAt,
    })
    .execute();
  for (const teamId of agent.teamIds) {
    await trx.insertInto('agent_teams').values({ agent_id: agent.id, team_id: teamId }).execute();
  }
  await recordChange(trx, {
    collection: 'agent',
    docId: agent.id,
    grants: EVERYONE,
    revokes: [],
    at: agent.updatedAt,
  });
}

export async function insertChannel(trx: Tx, channel: Channel): Promise<void> {
  await trx
    .insertInto('channels')
    .values({
      id: channel.id,
      name: channel.name,
      kind: channel.kind,
      direction: channel.direction,
      default_team_id: channel.defaultTeamId,
      bot_menu: toJsonOrNull(channel.botMenu),
      external_id: channel.externalId,
      updated_at: channel.updatedAt,
    })
    .execute();
  await recordChange(trx, {
    collection: 'channel',
    docId: channel.id,
    grants: EVERYONE,
    revokes: [],
    at: channel.updatedAt,
  });
}

export async function insertTemplate(trx: Tx, template: Template): Promise<void> {
  await trx
    .insertInto('templates')
    .values({
      id: template.id,
      channel_id: template.channelId,
      team_ids: toJson(template.teamIds),
      name: template.name,
      language: template.language,
      category: template.category,
      header: template.header,
      body: template.body,
      footer: template.footer,
      updated_at: template.updatedAt,
    })
    .execute();
  await recordChange(trx, {
    collection: 'template',
    docId: template.id,
    grants: templateKeys(template),
    revokes: [],
    at: template.updatedAt,
  });
}

/** A team's quick reply (resposta rápida), for its agents' directory. */
export async function insertQuickReply(trx: Tx, reply: QuickReply): Promise<void> {
  await trx
    .insertInto('quick_replies')
    .values({
      id: reply.id,
      team_id: reply.teamId,
      shortcut: reply.shortcut,
      body: reply.text,
      attachment: toJsonOrNull(reply.attachment),
      active: reply.active ? 1 : 0,
      updated_at: reply.updatedAt,
    })
    .execute();
  await recordChange(trx, {
    collection: 'quick_reply',
    docId: reply.id,
    grants: reply.active ? teamKeys(reply.teamId) : [],
    revokes: [],
    at: reply.updatedAt,
  });
}

export async function insertTag(trx: Tx, tag: Tag): Promise<void> {
  await trx
    .insertInto('tags')
    .values({
      id: tag.id,
      team_id: tag.teamId,
      name: tag.name,
      color: tag.color,
      updated_at: tag.updatedAt,
    })
    .execute();
  await recordChange(trx, {
    collection: 'tag',
    docId: tag.id,
    grants: teamKeys(tag.teamId),
    revokes: [],
    at: tag.updatedAt,
  });
}

export async function insertDisposition(trx: Tx, d: Disposition): Promise<void> {
  await trx
    .insertInto('dispositions')
    .values({
      id: d.id,
      team_id: d.teamId,
      parent_id: d.parentId,
      name: d.name,
      active: int(d.active),
      updated_at: d.updatedAt,
    })
    .execute();
  await recordChange(trx, {
    collection: 'disposition',
    docId: d.id,
    grants: teamKeys(d.teamId),
    revokes: [],
    at: d.updatedAt,
  });
}
