import { describe, expect, it } from 'vitest';
import { matchQuickReplies, quickReplyQuery } from './quick-reply';

describe('quick reply query', () => {
  it('opens on a draft that is a slash and a shortcut prefix', () => {
    expect(quickReplyQuery('/')).toBe('');
    expect(quickReplyQuery('/saud')).toBe('saud');
    expect(quickReplyQuery('/Saudação')).toBe('saudacao');
  });

  it('stays closed for a slash inside a sentence, after a space, or for a path', () => {
    expect(quickReplyQuery('')).toBeNull();
    expect(quickReplyQuery('olá /saud')).toBeNull();
    expect(quickReplyQuery('/saud ')).toBeNull();
    expect(quickReplyQuery('/a/b')).toBeNull();
    expect(quickReplyQuery('1/2')).toBeNull();
  });
});

describe('matching quick replies', () => {
  const replies = [
    { shortcut: 'boleto', text: 'Segue a segunda via do boleto.' },
    { shortcut: 'saudacao', text: 'Olá {{contact.firstName}}, tudo bem?' },
    { shortcut: 'prazo-entrega', text: 'O prazo de entrega é de 5 dias úteis.' },
    { shortcut: 'despedida', text: 'Obrigado pelo contato! Boa semana.' },
  ];

  it('lists shortcuts that start with the query before the ones that only contain it', () => {
    expect(matchQuickReplies(replies, 'bo').map((r) => r.shortcut)).toEqual([
      'boleto',
      'despedida',
    ]);
  });

  it('finds a reply by its text, accents folded', () => {
    expect(matchQuickReplies(replies, 'uteis').map((r) => r.shortcut)).toEqual(['prazo-entrega']);
  });

  it('lists every reply for an empty query, up to the limit', () => {
    expect(matchQuickReplies(replies, '')).toHaveLength(4);
    expect(matchQuickReplies(replies, '', 2)).toHaveLength(2);
  });

  it('finds nothing for a query nothing matches', () => {
    expect(matchQuickReplies(replies, 'xyz')).toEqual([]);
  });
});
