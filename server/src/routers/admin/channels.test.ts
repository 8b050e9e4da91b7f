import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_BOT_MENU } from '../../demo-data';
import { createHarness, expectDenied, type Caller, type Harness } from '../../testing/harness';

const ADMIN = 'admin@atendo.demo';

describe('admin.channels', () => {
  let h: Harness;
  let admin: Caller;
  beforeEach(async () => {
    h = await createHarness();
    admin = await h.as(ADMIN);
  });
  afterEach(async () => {
    await h.close();
  });

  const whatsapp = {
    kind: 'whatsapp' as const,
    name: 'WhatsApp Cobrança',
    defaultTeamId: 'team-suporte',
    phoneNumberId: '109876543210987',
    wabaId: '200000000000001',
    secrets: { accessToken: 'EAAG-own-token', appSecret: 'own-app-secret' },
  };

  it('creates a WhatsApp number with its own secrets, sealed and never answered', async () => {
    const channel = await admin.admin.channels.create(whatsapp);
    expect(channel.whatsapp).toEqual({
      authorPrefix: true,
      phoneNumberId: '109876543210987',
      wabaId: '200000000000001',
      // The harness sets no WHATSAPP_* variables, so the verify token is set nowhere.
      secrets: { accessToken: 'set', appSecret: 'set', verifyToken: 'not-set' },
      webhookUrl: `http://127.0.0.1:0/webhooks/whatsapp/${channel.id}`,
    });
    const answered = JSON.stringify([channel, await admin.admin.channels.list()]);
    expect(answered).not.toContain('EAAG-own-token');
    expect(answered).not.toContain('own-app-secret');
    const row = await h.db
      .selectFrom('channels')
      .select('secrets')
      .where('id', '=', channel.id)
      .executeTakeFirstOrThrow();
    expect(row.secrets).toMatch(/^v1\./);
    expect(row.secrets).not.toContain('own-app-secret');
    const audit = await h.db.selectFrom('audit_log').select(['before', 'after']).execute();
    expect(JSON.stringify(audit)).not.toContain('EAAG-own-token');
  });

  it('sets, keeps and clears secrets one by one', async () => {
    const channel = await admin.admin.channels.create(whatsapp);
    const updated = await admin.admin.channels.update({
      channelId: channel.id,
      secrets: { accessToken: null, verifyToken: 'own-verify' },
    });
    expect(updated.whatsapp?.secrets).toEqual({
      accessToken: 'not-set',
      appSecret: 'set',
      verifyToken: 'set',
    });
  });

  it.each([
    [
      'a phone number id that is not digits',
      { phoneNumberId: '+55 11 4000-0000' },
      'phoneNumberId',
    ],
    ['a WABA id that is not digits', { wabaId: 'waba' }, 'wabaId'],
  ])('refuses %s', async (_case, change, field) => {
    const refused = await expectDenied(
      admin.admin.channels.create({ ...whatsapp, ...change }),
      'invalid-input',
    );
    expect(refused.issues?.[0]?.path).toBe(field);
    expect(await h.db.selectFrom('channels').select('id').execute()).toHaveLength(3);
  });

  it('refuses a phone number id another channel uses', async () => {
    const refused = await expectDenied(
      admin.admin.channels.create({ ...whatsapp, phoneNumberId: '5511940000000' }),
      'already-exists',
    );
    expect(refused.details).toEqual({ field: 'phoneNumberId' });
  });

  it('refuses a default team without members, naming the field', async () => {
    const empty = await admin.admin.teams.create({
      name: 'Vazia',
      settings: { dispositionRequired: false, csatEnabled: false, csatTimeoutMs: 3_600_000 },
    });
    const refused = await expectDenied(
      admin.admin.channels.create({ ...whatsapp, defaultTeamId: empty.id }),
      'team-has-no-members',
    );
    expect(refused.details).toEqual({ teamId: empty.id, field: 'defaultTeamId' });
    expect(await h.db.selectFrom('audit_log').select('action').execute()).toHaveLength(1);
  });

  it('refuses a bot option pointing to an archived team, naming the option', async () => {
    const spare = await admin.admin.teams.create({
      name: 'Antiga',
      settings: { dispositionRequired: false, csatEnabled: false, csatTimeoutMs: 3_600_000 },
      memberIds: ['agent-ana'],
    });
    await admin.admin.teams.archive({ teamId: spare.id });
    const botMenu = {
      ...DEMO_BOT_MENU,
      options: [...DEMO_BOT_MENU.options, { key: '3', label: 'Antiga', teamId: spare.id }],
    };
    const refused = await expectDenied(
      admin.admin.channels.update({ channelId: 'channel-whatsapp', botMenu }),
      'team-archived',
    );
    expect(refused.details).toEqual({ teamId: spare.id, field: 'botMenu.options.2.teamId' });
    const row = await h.db
      .selectFrom('channels')
      .select('bot_menu')
      .where('id', '=', 'channel-whatsapp')
      .executeTakeFirstOrThrow();
    expect(row.bot_menu).not.toContain(spare.id);
  });

  it('creates a web chat with its look, form and origins, and the tag to embed', async () => {
    const channel = await admin.admin.channels.create({
      kind: 'webchat',
      name: 'Chat da loja',
      defaultTeamId: 'team-vendas',
      key: 'loja-online',
      webchat: {
        allowedOrigins: ['https://loja.example.com'],
        colors: { primary: '#0b7285', text: '#ffffff' },
        greeting: 'Olá! Como podemos ajudar?',
        preChatFields: [
          { key: 'pedido', label: 'Número do pedido', type: 'text', required: false },
        ],
        language: 'pt-BR',
      },
    });
    expect(channel).toMatchObject({
      externalId: 'loja-online',
      whatsapp: null,
      webchat: { greeting: 'Olá! Como podemos ajudar?' },
    });
    expect(channel.embedSnippet).toBe(
      '<script src="http://127.0.0.1:0/webchat/widget.js" data-channel="loja-online" async></script>',
    );
    await expectDenied(
      admin.admin.channels.update({ channelId: channel.id, phoneNumberId: '123456789' }),
      'invalid-input',
    );
  });

  it('archives a channel and restores it', async () => {
    expect(await admin.admin.channels.archive({ channelId: 'channel-receptivo' })).toMatchObject({
      archived: true,
    });
    expect((await admin.admin.channels.list()).map((c) => c.id)).not.toContain('channel-receptivo');
    // Archived, it no longer holds its team: Suporte is still the WhatsApp number's default.
    await expectDenied(admin.admin.teams.archive({ teamId: 'team-suporte' }), 'team-in-use');
    expect(await admin.admin.channels.restore({ channelId: 'channel-receptivo' })).toMatchObject({
      archived: false,
    });
    const actions = (
      await h.db.selectFrom('audit_log').select('action').orderBy('at').execute()
    ).map((a) => a.action);
    expect(actions).toEqual(['channel.archive', 'channel.restore']);
  });
});
