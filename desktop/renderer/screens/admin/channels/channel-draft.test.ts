import { describe, expect, it } from 'vitest';
import {
  ChannelCreate,
  ChannelUpdate,
  type AdminChannel,
} from '@atendo/shared/schemas/admin/channels';
import { channelDraft, channelInput } from './channel-draft';

const whatsapp: AdminChannel = {
  id: 'ch-1',
  name: 'WhatsApp Vendas',
  kind: 'whatsapp',
  direction: 'both',
  defaultTeamId: 'team-1',
  botMenu: null,
  externalId: '1234567890',
  archived: false,
  updatedAt: 1,
  whatsapp: {
    phoneNumberId: '1234567890',
    wabaId: null,
    secrets: { accessToken: 'set', appSecret: 'env', verifyToken: 'not-set' },
    webhookUrl: 'https://atendo.example/webhooks/whatsapp',
    authorPrefix: true,
  },
  webchat: null,
  embedSnippet: null,
};

describe('channel form draft', () => {
  it('sends only the secrets the admin replaced or removed', () => {
    const draft = channelDraft('whatsapp', whatsapp);
    draft.secrets.appSecret = '  new-secret ';
    draft.secrets.verifyToken = null;
    const input = channelInput(draft, whatsapp);
    const parsed = ChannelUpdate.parse(input);
    expect(parsed.secrets).toEqual({ appSecret: 'new-secret', verifyToken: null });
    expect(parsed.wabaId).toBeNull();
    expect(parsed.authorPrefix).toBe(true);
    expect(parsed.botMenu).toBeNull();
  });

  it('builds a web chat with its bot menu, one origin per line and minutes as ms', () => {
    const draft = channelDraft('webchat', null);
    Object.assign(draft, {
      name: 'Chat do site',
      key: 'site',
      defaultTeamId: 'team-1',
      allowedOrigins: 'https://www.loja.example/\n\n  https://loja.example  ',
    });
    draft.botMenu = {
      enabled: true,
      greeting: 'Olá! Escolha:',
      options: [
        { key: '1', label: 'Vendas', teamId: 'team-1' },
        { key: '2', label: 'Suporte', teamId: 'team-2' },
      ],
      invalidReply: 'Não entendi.',
      timeoutMinutes: 5,
      onTimeout: 'route-default-team',
    };
    const parsed = ChannelCreate.parse(channelInput(draft, null));
    expect(parsed.kind).toBe('webchat');
    if (parsed.kind !== 'webchat') return;
    expect(parsed.webchat.allowedOrigins).toEqual([
      'https://www.loja.example',
      'https://loja.example',
    ]);
    expect(parsed.botMenu?.timeoutMs).toBe(300_000);
    expect(parsed.botMenu?.options.map((o) => o.teamId)).toEqual(['team-1', 'team-2']);
  });

  it('names the bot option without a team by its path', () => {
    const draft = channelDraft('webchat', null);
    Object.assign(draft, { name: 'Site', key: 'site', defaultTeamId: 'team-1' });
    draft.botMenu.enabled = true;
    draft.botMenu.greeting = 'Oi';
    draft.botMenu.invalidReply = 'Hein?';
    draft.botMenu.options = [{ key: '1', label: 'Vendas', teamId: null }];
    const result = ChannelCreate.safeParse(channelInput(draft, null));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['botMenu.options.0.teamId']);
  });
});
