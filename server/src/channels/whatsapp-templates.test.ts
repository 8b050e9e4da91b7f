import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTemplate } from './whatsapp/fake-graph-server';
import { startWhatsAppTestServer, type WhatsAppTestServer } from './whatsapp-test-server';

/* admin.templates.syncFromMeta against the fake Graph API's paged message_templates. */

const WABA_ID = '200000000000001';

const template = (i: number, status: string, extra: Partial<FakeTemplate> = {}): FakeTemplate => ({
  id: `9000${String(i)}`,
  name: `modelo_${String(i)}`,
  language: 'pt_BR',
  status,
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Aviso' },
    { type: 'BODY', text: `Olá {{1}}, aviso número ${String(i)}.` },
    { type: 'FOOTER', text: 'Acme' },
    { type: 'BUTTONS' },
  ],
  ...extra,
});

let wa: WhatsAppTestServer;
beforeEach(async () => {
  wa = await startWhatsAppTestServer();
});
afterEach(async () => {
  await wa.close();
});

async function setUp(templates: FakeTemplate[]) {
  const admin = (await wa.agent('admin@atendo.demo')).client;
  await admin.admin.channels.update.mutate({ channelId: 'channel-whatsapp', wabaId: WABA_ID });
  wa.fake.setTemplates(WABA_ID, templates);
  return admin;
}

/** The templates an agent's store would hold: what the sync feed hands Ana. */
async function agentTemplates(): Promise<string[]> {
  const ana = (await wa.agent('ana@atendo.demo')).client;
  const page = await ana.sync.pull.query({
    collection: 'templates',
    checkpoint: null,
    limit: 2000,
  });
  return page.documents
    .filter((d) => !d._deleted)
    .map((d) => ('name' in d ? d.name : ''))
    .sort();
}

describe('admin.templates.syncFromMeta', () => {
  it('reads every page, keeps the status, and hands agents only the approved ones', async () => {
    const statuses = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED'];
    const admin = await setUp(
      Array.from({ length: 230 }, (_, i) => template(i, statuses[i % 4] ?? 'APPROVED')),
    );
    const result = await admin.admin.templates.syncFromMeta.mutate({
      channelId: 'channel-whatsapp',
    });
    // The four demo templates were written before any sync and are not in Meta's list.
    expect(result).toEqual({
      created: 230,
      updated: 0,
      archived: 4,
      approved: 58,
      notApproved: 172,
      skipped: [],
    });
    const pages = wa.fake.requests.filter((r) => r.path.endsWith('/message_templates'));
    expect(pages).toHaveLength(3);
    const listed = await admin.admin.templates.list.query({ channelId: 'channel-whatsapp' });
    expect(listed.find((t) => t.name === 'modelo_1')).toMatchObject({
      status: 'pending',
      source: 'meta',
      header: 'Aviso',
      body: 'Olá {{1}}, aviso número 1.',
      footer: 'Acme',
    });
    const names = await agentTemplates();
    expect(names).toHaveLength(58);
    expect(names).toContain('modelo_0');
    expect(names).not.toContain('modelo_1');
    expect(names).not.toContain('retomada_atendimento');
  });

  it('takes a template from agents when Meta pauses it, and gives it back when approved again', async () => {
    const admin = await setUp([template(1, 'APPROVED'), template(2, 'APPROVED')]);
    await admin.admin.templates.syncFromMeta.mutate({ channelId: 'channel-whatsapp' });
    expect(await agentTemplates()).toEqual(['modelo_1', 'modelo_2']);
    wa.fake.setTemplates(WABA_ID, [template(1, 'PAUSED'), template(2, 'APPROVED')]);
    const second = await admin.admin.templates.syncFromMeta.mutate({
      channelId: 'channel-whatsapp',
    });
    expect(second).toMatchObject({ created: 0, updated: 2, approved: 1, notApproved: 1 });
    expect(await agentTemplates()).toEqual(['modelo_2']);
  });

  it('matches a template written before the first sync by name and language', async () => {
    const admin = await setUp([
      template(7, 'APPROVED', {
        name: 'avaliacao_atendimento',
        components: [{ type: 'BODY', text: 'Nota de 1 a 5?' }],
      }),
    ]);
    const result = await admin.admin.templates.syncFromMeta.mutate({
      channelId: 'channel-whatsapp',
    });
    expect(result).toMatchObject({ created: 0, updated: 1 });
    const [csat] = (
      await admin.admin.templates.list.query({ channelId: 'channel-whatsapp' })
    ).filter((t) => t.name === 'avaliacao_atendimento');
    expect(csat).toMatchObject({ id: 'template-csat', body: 'Nota de 1 a 5?', source: 'meta' });
  });

  it('skips what it cannot store, saying why', async () => {
    const admin = await setUp([
      template(1, 'APPROVED', { components: [{ type: 'HEADER', format: 'IMAGE' }] }),
    ]);
    const result = await admin.admin.templates.syncFromMeta.mutate({
      channelId: 'channel-whatsapp',
    });
    expect(result.skipped).toEqual([{ name: 'modelo_1', reason: 'no body' }]);
  });

  it('refuses a sync without a WABA id, naming the field', async () => {
    const admin = (await wa.agent('admin@atendo.demo')).client;
    await expect(
      admin.admin.templates.syncFromMeta.mutate({ channelId: 'channel-whatsapp' }),
    ).rejects.toMatchObject({
      data: { atendoCode: 'not-configured', details: { field: 'wabaId' } },
    });
  });

  it('lets Meta templates change only their teams; their text is edited in Meta', async () => {
    const admin = await setUp([template(1, 'APPROVED')]);
    await admin.admin.templates.syncFromMeta.mutate({ channelId: 'channel-whatsapp' });
    const [t] = await admin.admin.templates.list.query({ channelId: 'channel-whatsapp' });
    if (t === undefined) throw new Error('no template');
    await expect(
      admin.admin.templates.update.mutate({ templateId: t.id, body: 'Outro texto' }),
    ).rejects.toMatchObject({
      data: { atendoCode: 'invalid-input', details: { field: 'body' } },
    });
    expect(
      await admin.admin.templates.update.mutate({ templateId: t.id, teamIds: ['team-vendas'] }),
    ).toMatchObject({ teamIds: ['team-vendas'] });
    // Ana is in Suporte only: the template left her store.
    expect(await agentTemplates()).toEqual([]);
  });
});
