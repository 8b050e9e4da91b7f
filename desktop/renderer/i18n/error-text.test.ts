import { describe, expect, it } from 'vitest';
import { initI18n } from './i18n';
import { DELIVERY_ERROR_CODES } from '@atendo/shared/delivery-errors';
import { ERROR_CODES } from '@atendo/shared/errors';
import { deliveryErrorText, errorText, formatBytes } from './error-text';

// i18n.ts reads localStorage and document only when asked for defaults; the locale is given here.
const setup = async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  const i18n = await initI18n('pt-BR');
  return i18n.t;
};

describe('errorText', () => {
  it.each([
    [
      { code: 'already-taken' as const, details: { ownerName: 'Bruno Lima' } },
      'Este atendimento já foi assumido por Bruno Lima.',
    ],
    [
      { code: 'contact-busy' as const, details: { ownerName: 'Ana Souza' } },
      'Este contato já está em atendimento com Ana Souza neste canal.',
    ],
    [
      { code: 'contact-busy' as const, details: { ownerId: null, ownerName: null } },
      'Este contato já está em espera na fila deste canal.',
    ],
    // Of a conversation the agent may not read the server names who holds it, nothing else.
    [
      { code: 'contact-busy' as const, details: { ownerName: null } },
      'Mais alguém da empresa já está falando com este contato neste canal.',
    ],
    [
      { code: 'attachment-too-large' as const, details: { maxBytes: 5 * 1024 * 1024 } },
      'O arquivo é maior que o limite de 5 MB deste canal.',
    ],
  ])('%j', async (failure, text) => {
    const t = await setup();
    expect(errorText(t, { kind: 'atendo', message: '', ...failure })).toBe(text);
  });

  // Whatever the server says beside a code, and whichever details it leaves out, the agent reads
  // a finished sentence of their language: no developer text, no key, no "{{placeholder}}".
  it.each(ERROR_CODES)(
    '%s reads as a sentence in pt-BR and en, never the server text',
    async (code) => {
      (globalThis as { document?: unknown }).document ??= { documentElement: {} };
      const en = (await initI18n('en')).t;
      const failure = {
        kind: 'atendo' as const,
        code,
        details: {},
        message: 'WhatsApp is not configured on this server: set WHATSAPP_ACCESS_TOKEN',
      };
      const texts = [errorText(await setup(), failure), errorText(en, failure)];
      for (const text of texts) {
        expect(text).not.toContain('WHATSAPP_ACCESS_TOKEN');
        expect(text).not.toMatch(/^errors\.|\{\{|\}\}/);
        expect(text.length).toBeGreaterThan(10);
      }
      expect(texts[0]).not.toBe(texts[1]);
    },
  );

  it('says the server was not reached on a network failure', async () => {
    const t = await setup();
    expect(errorText(t, { kind: 'network', message: 'fetch failed' })).toBe(
      'Sem conexão com o servidor.',
    );
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 B'],
    [100 * 1024, '100 KB'],
    [16 * 1024 * 1024, '16 MB'],
  ])('%i → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('deliveryErrorText', () => {
  const setupEn = async () => {
    (globalThis as { document?: unknown }).document ??= { documentElement: {} };
    return (await initI18n('en')).t;
  };

  it.each(DELIVERY_ERROR_CODES)('%s has its own sentence in pt-BR and en', async (code) => {
    const error = { code, message: 'developer text' };
    const [pt, en] = [
      deliveryErrorText(await setup(), error),
      deliveryErrorText(await setupEn(), error),
    ];
    for (const text of [pt, en]) {
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toContain('developer text');
      expect(text).not.toMatch(/^sending\./);
    }
    expect(pt).not.toBe(en);
  });

  it.each([
    [
      {
        code: 'channel-not-configured',
        message:
          'WhatsApp is not configured on this server: set WHATSAPP_ACCESS_TOKEN, WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN (see docs/configuration.md)',
      },
      'Este canal ainda não está configurado no servidor. Avise o administrador.',
    ],
    [
      { code: 'no-address', message: 'the contact has no web chat visitor id' },
      'O contato não pode ser alcançado por este canal (não há endereço dele aqui).',
    ],
    [
      { code: 'whatsapp-131051', message: 'Unsupported message type' },
      'O WhatsApp recusou a mensagem (código 131051).',
    ],
    [{ code: 'brand-new', message: 'stack trace' }, 'A mensagem não pôde ser entregue.'],
  ])('never shows the developer text of %j', async (error, text) => {
    expect(deliveryErrorText(await setup(), error)).toBe(text);
  });

  it('explains a text over the channel limit with the limit', async () => {
    const t = await setup();
    const failure = {
      kind: 'atendo' as const,
      code: 'invalid-input' as const,
      details: { field: 'text', limit: 4096 },
      message: 'too long',
    };
    expect(errorText(t, failure)).toBe('A mensagem passa do limite de 4096 caracteres do canal.');
  });
});
