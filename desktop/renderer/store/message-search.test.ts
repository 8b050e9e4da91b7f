import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageSearchIndex } from './message-search';
import { closeAllStores, setupStore } from './testing/harness';
import { baseMessage } from './testing/fake-server';

afterEach(closeAllStores);

describe('MessageSearchIndex', () => {
  it('finds a conversation by any of its messages, ignoring case and accents', () => {
    const index = new MessageSearchIndex();
    index.put({ id: 'm1', conversationId: 'c1', body: 'Preciso da segunda via do BOLETO' });
    index.put({ id: 'm2', conversationId: 'c1', body: 'Obrigada' });
    index.put({ id: 'm3', conversationId: 'c2', body: 'Minha conexão caiu' });
    expect(index.matching('boleto', ['c1', 'c2'])).toEqual(new Set(['c1']));
    expect(index.matching('conexao', ['c1', 'c2'])).toEqual(new Set(['c2']));
    // Only the conversations asked about (the list's) are searched.
    expect(index.matching('boleto', ['c2'])).toEqual(new Set());
    index.remove({ id: 'm1', conversationId: 'c1' });
    expect(index.matching('boleto', ['c1', 'c2'])).toEqual(new Set());
  });

  it('stays fast with 5,000 conversations of 20 messages (figures in the annotation)', ({
    annotate,
  }) => {
    const index = new MessageSearchIndex();
    const ids: string[] = [];
    const built = performance.now();
    for (let c = 0; c < 5_000; c += 1) {
      ids.push(`c${c}`);
      for (let m = 0; m < 20; m += 1) {
        const body = `Mensagem ${m} do atendimento ${c}: pedido número ${c * 20 + m}, tudo certo?`;
        index.put({ id: `c${c}-m${m}`, conversationId: `c${c}`, body });
      }
    }
    index.put({ id: 'first', conversationId: 'c4321', body: 'Quero a segunda via do boleto' });
    const buildMs = performance.now() - built;
    const searched = performance.now();
    const rounds = 20;
    let found = new Set<string>();
    for (let round = 0; round < rounds; round += 1) found = index.matching('boleto', ids);
    const searchMs = (performance.now() - searched) / rounds;
    expect(found).toEqual(new Set(['c4321']));
    expect(index.size).toBe(100_001);
    void annotate(
      `100,001 messages: index built in ${buildMs.toFixed(0)} ms, a search that scans them all ` +
        `(no match until the last) in ${searchMs.toFixed(1)} ms on average`,
    );
  });
});

describe('store.conversationsMatching', () => {
  it('searches every stored message of a conversation, not only the last one', async () => {
    const { server, start } = setupStore('message-search');
    server.put('messages', { ...baseMessage('m1', 'c1', 1), body: 'Preciso do boleto de março' });
    server.put('messages', { ...baseMessage('m2', 'c1', 2), body: 'Obrigado!' });
    const store = await start();
    await store.awaitInitialSync();
    expect(await store.conversationsMatching('boleto', ['c1', 'c2'])).toEqual(new Set(['c1']));
    // A message that arrives later is searchable at once.
    server.put('messages', { ...baseMessage('m3', 'c2', 3), body: 'E o BOLETO de abril?' });
    await store.flushOutbox();
    await expect
      .poll(() => store.conversationsMatching('boleto', ['c1', 'c2']))
      .toEqual(new Set(['c1', 'c2']));
  });
});
