import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appRouter } from '../../router';
import { contextForToken } from '../../trpc/context';
import { createCallerFactory } from '../../trpc/trpc';
import {
  ANA,
  BRUNO,
  CARLA,
  createHarness,
  expectDenied,
  type Caller,
  type Harness,
} from '../../testing/harness';

const ADMIN = 'admin@atendo.demo';
const createCaller = createCallerFactory(appRouter);

describe('admin.agents', () => {
  let h: Harness;
  let admin: Caller;
  beforeEach(async () => {
    h = await createHarness();
    admin = await h.as(ADMIN);
  });
  afterEach(async () => {
    await h.close();
  });

  const anonymous = async () => createCaller(await contextForToken(h.deps, h.config, null));
  const auditActions = async () =>
    (await h.db.selectFrom('audit_log').select('action').orderBy('at').execute()).map(
      (r) => r.action,
    );

  const invite = () =>
    admin.admin.agents.invite({
      email: 'Elisa@Empresa.com.br',
      name: 'Elisa Rocha',
      role: 'agent',
      teamIds: ['team-vendas'],
      capacity: 3,
      permissions: [],
    });

  it('invites with a temporary password that must be changed at the first sign-in', async () => {
    const { agent, temporaryPassword } = await invite();
    expect(agent).toMatchObject({
      email: 'elisa@empresa.com.br',
      mustChangePassword: true,
      active: true,
    });
    const visitor = await anonymous();
    const login = { email: 'elisa@empresa.com.br', password: temporaryPassword };
    await expectDenied(visitor.auth.login(login), 'password-change-required');
    const weak = await expectDenied(
      visitor.auth.changePassword({
        email: login.email,
        currentPassword: temporaryPassword,
        newPassword: 'elisa12345',
      }),
      'weak-password',
    );
    expect(weak.details).toMatchObject({ reason: 'contains-name' });
    const signedIn = await visitor.auth.changePassword({
      email: login.email,
      currentPassword: temporaryPassword,
      newPassword: 'Sol-de-inverno-42',
    });
    expect(signedIn.agent.id).toBe(agent.id);
    await expectDenied(visitor.auth.login(login), 'unauthenticated');
    expect(
      (await visitor.auth.login({ email: login.email, password: 'Sol-de-inverno-42' })).agent.email,
    ).toBe(login.email);
    expect(await auditActions()).toEqual(['agent.invite', 'agent.change-password']);
    const stored = await h.db.selectFrom('audit_log').select(['before', 'after']).execute();
    expect(JSON.stringify(stored)).not.toContain(temporaryPassword);
  });

  it('refuses a duplicate e-mail, naming the field, and changes nothing', async () => {
    const changes = (await h.db.selectFrom('changes').select('seq').execute()).length;
    const refused = await expectDenied(
      admin.admin.agents.invite({
        email: 'ANA@atendo.demo',
        name: 'Outra Ana',
        role: 'agent',
        teamIds: [],
        capacity: 2,
        permissions: [],
      }),
      'already-exists',
    );
    expect(refused.details).toEqual({ field: 'email' });
    expect((await h.db.selectFrom('changes').select('seq').execute()).length).toBe(changes);
    expect(await auditActions()).toEqual([]);
  });

  it('refuses an unknown team and an invalid e-mail with the field named', async () => {
    const unknown = await expectDenied(
      admin.admin.agents.invite({
        email: 'x@y.com',
        name: 'X',
        role: 'agent',
        teamIds: ['team-nope'],
        capacity: 2,
        permissions: [],
      }),
      'not-found',
    );
    expect(unknown.details).toMatchObject({ field: 'teamIds', id: 'team-nope' });
    const invalid = await expectDenied(
      admin.admin.agents.invite({
        email: 'not-an-email',
        name: 'X',
        role: 'agent',
        teamIds: [],
        capacity: 2,
        permissions: [],
      }),
      'invalid-input',
    );
    expect(invalid.issues?.[0]?.path).toBe('email');
  });

  it('updates name, role, teams, capacity and permissions, with the before and after audited', async () => {
    const updated = await admin.admin.agents.update({
      agentId: 'agent-ana',
      name: 'Ana Souza Lima',
      teamIds: ['team-suporte', 'team-vendas'],
      capacity: 8,
      permissions: ['history-all'],
    });
    expect(updated).toMatchObject({
      name: 'Ana Souza Lima',
      teamIds: ['team-suporte', 'team-vendas'],
      capacity: 8,
      permissions: ['history-all'],
    });
    const row = await h.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      action: 'agent.update',
      actor_id: 'agent-admin',
      entity_type: 'agent',
      entity_id: 'agent-ana',
    });
    expect(JSON.parse(row.before ?? '{}')).toMatchObject({
      capacity: 5,
      teamIds: ['team-suporte'],
    });
    expect(JSON.parse(row.after ?? '{}')).toMatchObject({ capacity: 8 });
    expect(row.after).not.toContain('scrypt');
  });

  it('deactivates: queue again with a timeline line, sessions end, sign-in refused', async () => {
    const bruno = await h.as(BRUNO);
    await bruno.conversation.take({ conversationId: 'conv-pedro-1' });
    const result = await admin.admin.agents.deactivate({ agentId: 'agent-bruno' });
    expect(result).toMatchObject({
      agent: { active: false },
      requeuedConversationIds: ['conv-pedro-1'],
      revokedSessions: 1,
    });
    const conversation = await h.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', 'conv-pedro-1')
      .executeTakeFirstOrThrow();
    expect(conversation).toMatchObject({ state: 'queued', owner_id: null });
    const lines = await h.db
      .selectFrom('messages')
      .select('system')
      .where('conversation_id', '=', 'conv-pedro-1')
      .where('kind', '=', 'system')
      .execute();
    expect(lines.at(-1)?.system).toContain('"sent-back-to-queue"');
    const denied = await expectDenied(
      (await anonymous()).auth.login({ email: BRUNO, password: 'atendo-demo' }),
      'unauthenticated',
    );
    expect(denied.details).toEqual({ reason: 'deactivated' });
    expect(
      await h.db
        .selectFrom('sessions')
        .select('agent_id')
        .where('agent_id', '=', 'agent-bruno')
        .execute(),
    ).toEqual([]);

    expect(await admin.admin.agents.reactivate({ agentId: 'agent-bruno' })).toMatchObject({
      active: true,
      deactivatedAt: null,
    });
    expect(
      (await (await anonymous()).auth.login({ email: BRUNO, password: 'atendo-demo' })).agent.id,
    ).toBe('agent-bruno');
    expect(await auditActions()).toEqual(['agent.deactivate', 'agent.reactivate']);
  });

  it('never leaves the company without an active admin, and admins cannot deactivate themselves', async () => {
    await expectDenied(admin.admin.agents.deactivate({ agentId: 'agent-admin' }), 'forbidden');
    const demote = await expectDenied(
      admin.admin.agents.update({ agentId: 'agent-admin', role: 'supervisor' }),
      'forbidden',
    );
    expect(demote.details).toMatchObject({ reason: 'last-admin' });
    await admin.admin.agents.update({ agentId: 'agent-carla', role: 'admin' });
    expect(
      await admin.admin.agents.update({ agentId: 'agent-admin', role: 'supervisor' }),
    ).toMatchObject({ role: 'supervisor' });
  });

  it('resets a password: a new temporary one, every session ended', async () => {
    await h.as(ANA);
    const { temporaryPassword, agent } = await admin.admin.agents.resetPassword({
      agentId: 'agent-ana',
    });
    expect(agent.mustChangePassword).toBe(true);
    const sessions = h.db
      .selectFrom('sessions')
      .select('agent_id')
      .where('agent_id', '=', 'agent-ana');
    expect(await sessions.execute()).toEqual([]);
    const visitor = await anonymous();
    await expectDenied(
      visitor.auth.login({ email: ANA, password: 'atendo-demo' }),
      'unauthenticated',
    );
    await expectDenied(
      visitor.auth.login({ email: ANA, password: temporaryPassword }),
      'password-change-required',
    );
  });

  it('lets supervisors read the accounts, without password hashes', async () => {
    const carla = await h.as(CARLA);
    const agents = await carla.admin.agents.list();
    expect(agents.map((a) => a.email)).toContain('ana@atendo.demo');
    expect(JSON.stringify(agents)).not.toContain('scrypt');
    expect(await carla.admin.agents.get({ agentId: 'agent-ana' })).toMatchObject({
      name: 'Ana Souza',
      active: true,
    });
  });
});
