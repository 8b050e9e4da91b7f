import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BRUNO,
  createHarness,
  expectDenied,
  type Caller,
  type Harness,
} from '../../testing/harness';

const ADMIN = 'admin@atendo.demo';

describe('admin catalogue', () => {
  let h: Harness;
  let admin: Caller;
  beforeEach(async () => {
    h = await createHarness();
    admin = await h.as(ADMIN);
  });
  afterEach(async () => {
    await h.close();
  });

  describe('dispositions', () => {
    it('builds a nested tree an agent can close with', async () => {
      const root = await admin.admin.dispositions.create({
        teamId: 'team-vendas',
        name: 'Pós-venda',
      });
      const leaf = await admin.admin.dispositions.create({
        teamId: 'team-vendas',
        parentId: root.id,
        name: 'Troca',
      });
      expect(leaf).toMatchObject({ parentId: root.id, active: true, usedCount: 0 });
      const tree = await admin.admin.dispositions.list({ teamId: 'team-vendas' });
      expect(tree.map((d) => d.name)).toEqual([
        'Pós-venda',
        'Sem interesse',
        'Troca',
        'Venda realizada',
      ]);
    });

    it('archives a used node (and its parent), deletes an unused one', async () => {
      // conv-maria-1 closed with "Resolvido", under "Problema técnico".
      const result = await admin.admin.dispositions.remove({ dispositionId: 'disp-problema' });
      expect(result).toEqual({
        archivedIds: ['disp-problema', 'disp-problema-resolvido'],
        deletedIds: ['disp-problema-escalado'],
      });
      const all = await admin.admin.dispositions.list({
        teamId: 'team-suporte',
        includeArchived: true,
      });
      expect(all.find((d) => d.id === 'disp-problema-resolvido')).toMatchObject({
        active: false,
        usedCount: 1,
        name: 'Resolvido',
      });
      expect(all.map((d) => d.id)).not.toContain('disp-problema-escalado');
      // The deleted node leaves the agents' stores; the archived ones stay, inactive.
      const revoked = await h.db
        .selectFrom('change_audience as ca')
        .innerJoin('changes as c', 'c.seq', 'ca.seq')
        .select(['c.doc_id', 'ca.grant'])
        .where('c.collection', '=', 'disposition')
        .where('c.doc_id', 'in', ['disp-problema-escalado', 'disp-problema-resolvido'])
        .orderBy('c.seq', 'desc')
        .execute();
      expect(revoked.find((r) => r.doc_id === 'disp-problema-escalado')?.grant).toBe(0);
      expect(revoked.find((r) => r.doc_id === 'disp-problema-resolvido')?.grant).toBe(1);
      expect(
        await admin.admin.dispositions.restore({ dispositionId: 'disp-problema-resolvido' }),
      ).toMatchObject({ active: true });
      expect(
        (await admin.admin.dispositions.list({ teamId: 'team-suporte' })).map((d) => d.id),
      ).toContain('disp-problema');
    });

    it('refuses a parent of another team and a move under itself', async () => {
      const other = await expectDenied(
        admin.admin.dispositions.create({
          teamId: 'team-vendas',
          parentId: 'disp-duvida',
          name: 'X',
        }),
        'not-found',
      );
      expect(other.details).toMatchObject({ field: 'parentId' });
      const loop = await expectDenied(
        admin.admin.dispositions.update({
          dispositionId: 'disp-duvida',
          parentId: 'disp-duvida-produto',
        }),
        'invalid-input',
      );
      expect(loop.details).toEqual({ field: 'parentId' });
    });
  });

  describe('tags and quick replies', () => {
    it('refuses a second tag of the same name in a team', async () => {
      const refused = await expectDenied(
        admin.admin.tags.create({ teamId: 'team-suporte', name: 'urgente', color: '#000000' }),
        'already-exists',
      );
      expect(refused.details).toEqual({ field: 'name' });
      expect(
        await admin.admin.tags.create({ teamId: 'team-vendas', name: 'Urgente', color: '#000000' }),
      ).toMatchObject({ active: true });
    });

    it('keeps an archived tag off conversations', async () => {
      await admin.admin.tags.archive({ tagId: 'tag-urgente' });
      const bruno = await h.as(BRUNO);
      await bruno.conversation.take({ conversationId: 'conv-pedro-1' });
      const refused = await expectDenied(
        bruno.conversation.addTag({ conversationId: 'conv-pedro-1', tagId: 'tag-urgente' }),
        'invalid-input',
      );
      expect(refused.details).toMatchObject({ field: 'tagId' });
    });

    it('refuses an unknown variable and a taken shortcut, naming the field', async () => {
      const unknown = await expectDenied(
        admin.admin.quickReplies.create({
          teamId: 'team-suporte',
          shortcut: 'oi',
          text: 'Olá {{cliente}}',
        }),
        'invalid-input',
      );
      expect(unknown.details).toEqual({ field: 'text', unknownVariables: 'cliente' });
      await admin.admin.quickReplies.create({
        teamId: 'team-suporte',
        shortcut: 'oi',
        text: 'Olá {{contact.name}}',
      });
      const taken = await expectDenied(
        admin.admin.quickReplies.create({ teamId: 'team-suporte', shortcut: 'oi', text: 'Oi!' }),
        'already-exists',
      );
      expect(taken.details).toEqual({ field: 'shortcut' });
      const bad = await expectDenied(
        admin.admin.quickReplies.create({
          teamId: 'team-suporte',
          shortcut: 'Olá Mundo',
          text: 'x',
        }),
        'invalid-input',
      );
      expect(bad.issues?.[0]?.path).toBe('shortcut');
    });
  });

  describe('local templates', () => {
    it('writes a web chat template, and refuses one for a WhatsApp number', async () => {
      const local = await admin.admin.templates.createLocal({
        channelId: 'channel-webchat',
        name: 'retorno_chat',
        language: 'pt_BR',
        body: 'Olá {{1}}, voltamos a falar sobre {{2}}.',
      });
      expect(local).toMatchObject({ source: 'local', status: 'approved', teamIds: [] });
      const refused = await expectDenied(
        admin.admin.templates.createLocal({
          channelId: 'channel-whatsapp',
          name: 'x',
          language: 'pt_BR',
          body: 'x',
        }),
        'invalid-input',
      );
      expect(refused.details).toEqual({ field: 'channelId' });
      expect(await admin.admin.templates.archive({ templateId: local.id })).toMatchObject({
        archived: true,
      });
    });
  });

  describe('the audit log', () => {
    it('filters by actor, entity and dates, pages newest first, and exports CSV', async () => {
      await admin.admin.tags.create({ teamId: 'team-suporte', name: 'A', color: '#000000' });
      h.clock.advance(60_000);
      await admin.admin.tags.create({
        teamId: 'team-suporte',
        name: '=B, "quoted"',
        color: '#000000',
      });
      h.clock.advance(60_000);
      await admin.admin.teams.update({ teamId: 'team-vendas', name: 'Vendas Brasil' });
      expect((await admin.admin.audit.list()).entries).toHaveLength(3);
      const first = await admin.admin.audit.list({ limit: 2 });
      expect(first.entries.map((e) => e.action)).toEqual(['team.update', 'tag.create']);
      expect(first.nextCursor).not.toBeNull();
      const second = await admin.admin.audit.list({ limit: 2, cursor: first.nextCursor });
      expect(second).toMatchObject({
        entries: [{ action: 'tag.create', after: { name: 'A' } }],
        nextCursor: null,
      });
      const tags = await admin.admin.audit.list({ entityType: 'tag' });
      expect(tags.entries).toHaveLength(2);
      const window = await admin.admin.audit.list({
        from: h.clock.now() - 60_000,
        to: h.clock.now(),
      });
      expect(window.entries.map((e) => e.after)).toMatchObject([{ name: '=B, "quoted"' }]);
      expect((await admin.admin.audit.list({ actorId: 'agent-carla' })).entries).toEqual([]);
      const csv = await admin.admin.audit.exportCsv({ entityType: 'tag' });
      const [header, ...lines] = csv.csv.trim().split('\r\n');
      expect(header).toBe('at,actor_id,actor_name,action,entity_type,entity_id,before,after');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain('agent-admin,Administrador Atendo,tag.create,tag,');
      expect(csv).toMatchObject({
        rows: 2,
        truncated: false,
        fileName: 'atendo-audit-2026-03-02.csv',
      });
    });
  });
});
