import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import {
  ANA,
  BRUNO,
  CARLA,
  DIEGO,
  createHarness,
  expectDenied,
  type Harness,
} from '../testing/harness';
import { csvField } from './access-log-reads';
import { ADMIN, pedroScenario, tokenOf } from './test-support';

describe('the access log', () => {
  let h: Harness;
  let running: RunningServer;
  beforeEach(async () => {
    h = await createHarness();
    running = await h.server.listen();
  });
  afterEach(async () => {
    await running.close();
    await h.close();
  });

  const rows = () =>
    h.db
      .selectFrom('access_log')
      .select([
        'agent_id',
        'action',
        'entity_type',
        'entity_id',
        'contact_id',
        'conversation_id',
        'outcome',
        'reason',
      ])
      .orderBy('id')
      .execute();

  it('writes a refused read before the refusal is answered, and allowed ones in the next batch', async () => {
    const ana = await h.as(ANA);
    await expectDenied(
      ana.conversation.timeline({ conversationId: 'conv-joao-1' }),
      'history-forbidden',
    );
    // No flush: the refusal is already stored.
    expect(await rows()).toEqual([
      {
        agent_id: 'agent-ana',
        action: 'conversation.timeline',
        entity_type: 'conversation',
        entity_id: 'conv-joao-1',
        contact_id: 'contact-joao',
        conversation_id: 'conv-joao-1',
        outcome: 'refused',
        reason: 'history-forbidden',
      },
    ]);
    await ana.conversation.get({ conversationId: 'conv-pedro-1' });
    await ana.conversation.history({ contactId: 'contact-maria' });
    await ana.contact.get({ id: 'contact-maria' });
    await h.deps.accessLog.flush();
    expect((await rows()).slice(1)).toEqual([
      expect.objectContaining({
        action: 'conversation.get',
        contact_id: 'contact-pedro',
        conversation_id: 'conv-pedro-1',
        outcome: 'allowed',
      }),
      expect.objectContaining({
        action: 'conversation.history',
        entity_type: 'contact',
        contact_id: 'contact-maria',
        outcome: 'allowed',
      }),
      expect.objectContaining({
        action: 'contact.get',
        contact_id: 'contact-maria',
        outcome: 'allowed',
      }),
    ]);
  });

  it('logs a live conversation an agent does not serve as not-participant', async () => {
    await (await h.as(BRUNO)).conversation.take({ conversationId: 'conv-pedro-1' });
    await expectDenied(
      (await h.as(ANA)).conversation.get({ conversationId: 'conv-pedro-1' }),
      'not-participant',
    );
    expect(await rows()).toEqual([
      expect.objectContaining({
        agent_id: 'agent-ana',
        outcome: 'refused',
        reason: 'not-participant',
        contact_id: 'contact-pedro',
      }),
    ]);
  });

  it('logs the contacts a search showed, once per agent and five minutes', async () => {
    const diego = await h.as(DIEGO);
    await diego.contact.search({ query: 'Maria' });
    await diego.contact.search({ query: 'Mari' });
    h.clock.advance(5 * 60_000);
    await diego.contact.search({ query: 'maria@example.com' });
    await h.deps.accessLog.flush();
    expect((await rows()).map((r) => [r.action, r.contact_id])).toEqual([
      ['contact.search', 'contact-maria'],
      ['contact.search', 'contact-maria'],
    ]);
  });

  it('logs attachment downloads and refused ones, with the address they came from', async () => {
    const { fileId } = await pedroScenario(h);
    // A file in João's Vendas history, which Ana (Suporte) may not read.
    await h.db
      .insertInto('uploads')
      .values({
        id: 'up-joao',
        conversation_id: 'conv-joao-1',
        agent_id: null,
        file_name: 'proposta.pdf',
        mime_type: 'application/pdf',
        size: 1,
        media_type: 'document',
        animated: 0,
        path: 'uploads/up-joao',
        created_at: h.clock.now(),
      })
      .execute();
    const get = async (id: string) =>
      fetch(`${running.url}/api/attachments/${id}`, {
        headers: { authorization: `Bearer ${await tokenOf(h, ANA)}` },
      });
    expect((await get(fileId)).status).toBe(200);
    expect((await get('up-joao')).status).toBe(403);
    await h.deps.accessLog.flush();
    const log = await h.db
      .selectFrom('access_log')
      .selectAll()
      .where('action', '=', 'attachment.get')
      .orderBy('outcome')
      .execute();
    expect(
      log.map((r) => [
        r.agent_id,
        r.outcome,
        r.reason,
        r.entity_id,
        r.contact_id,
        r.conversation_id,
      ]),
    ).toEqual([
      ['agent-ana', 'allowed', null, fileId, 'contact-pedro', 'conv-pedro-1'],
      ['agent-ana', 'refused', 'history-forbidden', 'up-joao', 'contact-joao', 'conv-joao-1'],
    ]);
    expect(log.every((r) => r.ip !== null && r.ip.includes('127.0.0.1'))).toBe(true);
  });

  it('is read by admins with filters and pages, and refused to everyone else', async () => {
    const ana = await h.as(ANA);
    for (let i = 0; i < 5; i++) {
      h.clock.advance(1000);
      await ana.contact.get({ id: 'contact-maria' });
    }
    h.clock.advance(1000);
    await expectDenied(
      ana.conversation.timeline({ conversationId: 'conv-joao-1' }),
      'history-forbidden',
    );
    await (await h.as(DIEGO)).contact.get({ id: 'contact-joao' });
    await h.deps.accessLog.flush();
    const admin = await h.as(ADMIN);
    const first = await admin.privacy.accessLog({ filter: { agentId: 'agent-ana' }, limit: 4 });
    expect(first.entries.map((e) => e.action)).toEqual([
      'conversation.timeline',
      'contact.get',
      'contact.get',
      'contact.get',
    ]);
    expect(first.entries[0]).toMatchObject({
      agentName: 'Ana Souza',
      outcome: 'refused',
      reason: 'history-forbidden',
    });
    const second = await admin.privacy.accessLog({
      filter: { agentId: 'agent-ana' },
      limit: 4,
      before: first.nextBefore,
    });
    expect(second.entries.map((e) => e.action)).toEqual(['contact.get', 'contact.get']);
    expect(second.nextBefore).toBeNull();
    const refused = await admin.privacy.accessLog({ filter: { outcome: 'refused' } });
    expect(refused.entries.map((e) => e.conversationId)).toEqual(['conv-joao-1']);
    const joao = await admin.privacy.accessLog({ filter: { contactId: 'contact-joao' } });
    expect(joao.entries.map((e) => e.agentId)).toEqual(['agent-diego', 'agent-ana']);
    const byConversation = await admin.privacy.accessLog({
      filter: { conversationId: 'conv-joao-1' },
    });
    expect(byConversation.entries).toHaveLength(1);
    const window = await admin.privacy.accessLog({
      filter: { from: h.clock.now() - 3500, to: h.clock.now() },
    });
    expect(window.entries.map((e) => e.action)).toEqual([
      'contact.get',
      'contact.get',
      'contact.get',
    ]);

    for (const email of [CARLA, ANA]) {
      await expectDenied((await h.as(email)).privacy.accessLog({}), 'forbidden');
    }
    const refusals = await admin.privacy.accessLog({
      filter: { action: 'privacy.access-log', outcome: 'refused' },
    });
    expect(refusals.entries.map((e) => e.agentId)).toEqual(['agent-ana', 'agent-carla']);
  });

  it('exports as CSV, streamed, filtered, for admins only', async () => {
    await (await h.as(ANA)).contact.get({ id: 'contact-maria' });
    await expectDenied(
      (await h.as(ANA)).conversation.timeline({ conversationId: 'conv-joao-1' }),
      'history-forbidden',
    );
    await h.deps.accessLog.flush();
    const csv = async (email: string, query: string) =>
      fetch(`${running.url}/api/privacy/access-log.csv?${query}`, {
        headers: { authorization: `Bearer ${await tokenOf(h, email)}` },
      });
    const answer = await csv(ADMIN, 'agentId=agent-ana&outcome=refused');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await answer.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,at,agent_id,agent_name,action,entity_type,entity_id,contact_id,conversation_id,outcome,reason,ip',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      ',agent-ana,Ana Souza,conversation.timeline,conversation,conv-joao-1,contact-joao,conv-joao-1,refused,history-forbidden,',
    );
    expect((await csv(ADMIN, 'from=yesterday')).status).toBe(400);
    expect((await csv(CARLA, '')).status).toBe(403);
    expect((await fetch(`${running.url}/api/privacy/access-log.csv`)).status).toBe(401);
  });

  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['-1+1', "'-1+1"],
    [null, ''],
    [42, '42'],
  ])('quotes %o as %s in CSV', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});
