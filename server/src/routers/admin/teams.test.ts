import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectDenied, type Caller, type Harness } from '../../testing/harness';

const ADMIN = 'admin@atendo.demo';
const SETTINGS = { dispositionRequired: true, csatEnabled: false, csatTimeoutMs: 3_600_000 };

describe('admin.teams', () => {
  let h: Harness;
  let admin: Caller;
  beforeEach(async () => {
    h = await createHarness();
    admin = await h.as(ADMIN);
  });
  afterEach(async () => {
    await h.close();
  });

  const teamsOf = async (agentId: string) =>
    (
      await h.db
        .selectFrom('agent_teams')
        .select('team_id')
        .where('agent_id', '=', agentId)
        .execute()
    )
      .map((r) => r.team_id)
      .sort();

  it('creates a team with members, settings and default templates, audited', async () => {
    const head = (
      await h.db
        .selectFrom('changes')
        .select((eb) => eb.fn.max('seq').as('s'))
        .executeTakeFirstOrThrow()
    ).s;
    const team = await admin.admin.teams.create({
      name: 'Financeiro',
      settings: SETTINGS,
      memberIds: ['agent-ana', 'agent-diego'],
      defaultTemplateIds: ['template-retomada'],
    });
    expect(team).toMatchObject({
      name: 'Financeiro',
      memberIds: ['agent-ana', 'agent-diego'],
      archived: false,
    });
    expect(await teamsOf('agent-ana')).toEqual([team.id, 'team-suporte'].sort());
    const audit = await h.db.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([['team.create', team.id]]);
    // Each member's directory record changes too, which re-scopes their live stream.
    const agentChanges = await h.db
      .selectFrom('changes')
      .select('doc_id')
      .where('collection', '=', 'agent')
      .where('seq', '>', head)
      .execute();
    expect(agentChanges.map((c) => c.doc_id).sort()).toEqual(['agent-ana', 'agent-diego']);
  });

  it('replaces the members and the queue settings', async () => {
    const team = await admin.admin.teams.update({
      teamId: 'team-vendas',
      memberIds: ['agent-ana', 'agent-carla'],
      settings: { dispositionRequired: true, csatEnabled: true, csatTimeoutMs: 600_000 },
    });
    expect(team.memberIds).toEqual(['agent-ana', 'agent-carla']);
    expect(team.settings).toEqual({
      dispositionRequired: true,
      csatEnabled: true,
      csatTimeoutMs: 600_000,
    });
    expect(await teamsOf('agent-diego')).toEqual([]);
  });

  it('refuses to empty a team a channel sends its conversations to', async () => {
    const refused = await expectDenied(
      admin.admin.teams.update({ teamId: 'team-vendas', memberIds: [] }),
      'team-has-no-members',
    );
    expect(refused.details).toEqual({ field: 'memberIds', channelId: 'channel-webchat' });
    expect(await teamsOf('agent-diego')).toEqual(['team-vendas']);
  });

  it.each([
    [
      'a channel defaults to it',
      'team-suporte',
      { field: 'defaultTeamId', channelId: 'channel-receptivo' },
    ],
    [
      'a bot option points to it',
      'team-vendas',
      { field: 'defaultTeamId', channelId: 'channel-webchat' },
    ],
  ])('refuses to archive a team while %s, naming the field', async (_case, teamId, details) => {
    const refused = await expectDenied(admin.admin.teams.archive({ teamId }), 'team-in-use');
    expect(refused.details).toEqual(details);
    expect((await admin.admin.teams.list()).map((t) => t.id)).toContain(teamId);
  });

  it('names the bot option when only the menu still points to the team', async () => {
    await admin.admin.channels.update({
      channelId: 'channel-webchat',
      defaultTeamId: 'team-suporte',
    });
    const refused = await expectDenied(
      admin.admin.teams.archive({ teamId: 'team-vendas' }),
      'team-in-use',
    );
    expect(refused.details).toEqual({
      field: 'botMenu.options.1.teamId',
      channelId: 'channel-whatsapp',
    });
  });

  it('archives and restores a team nothing points to', async () => {
    const team = await admin.admin.teams.create({ name: 'Temporária', settings: SETTINGS });
    expect(await admin.admin.teams.archive({ teamId: team.id })).toMatchObject({ archived: true });
    expect((await admin.admin.teams.list()).map((t) => t.id)).not.toContain(team.id);
    expect((await admin.admin.teams.list({ includeArchived: true })).map((t) => t.id)).toContain(
      team.id,
    );
    // An archived team takes no new members or tags.
    await expectDenied(
      admin.admin.tags.create({ teamId: team.id, name: 'X', color: '#000000' }),
      'team-archived',
    );
    expect(await admin.admin.teams.restore({ teamId: team.id })).toMatchObject({ archived: false });
  });

  it('refuses an unknown default template', async () => {
    const refused = await expectDenied(
      admin.admin.teams.update({ teamId: 'team-vendas', defaultTemplateIds: ['template-nope'] }),
      'not-found',
    );
    expect(refused.details).toMatchObject({ field: 'defaultTemplateIds', id: 'template-nope' });
  });
});
