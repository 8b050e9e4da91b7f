import { describe, expect, it } from 'vitest';
import { initI18n } from './i18n';
import { errorText, formatBytes } from './error-text';

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
      { code: 'contact-busy' as const, details: { ownerName: null } },
      'Este contato já está em espera na fila deste canal.',
    ],
    [
      { code: 'attachment-too-large' as const, details: { maxBytes: 5 * 1024 * 1024 } },
      'O arquivo é maior que o limite de 5 MB deste canal.',
    ],
  ])('%j', async (failure, text) => {
    const t = await setup();
    expect(errorText(t, { kind: 'atendo', message: '', ...failure })).toBe(text);
  });

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
