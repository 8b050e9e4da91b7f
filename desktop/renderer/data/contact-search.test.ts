import { describe, expect, it } from 'vitest';
import { matchesContact, shouldAskServer } from './contact-search';

const maria = {
  name: 'Maria Silva',
  phones: ['+55 11 98765-4321'],
  emails: ['maria@exemplo.com.br'],
};

describe('matchesContact', () => {
  it.each<[string, boolean]>([
    ['', true],
    ['maria', true],
    ['SILVA', true],
    ['exemplo.com', true],
    ['98765', true],
    ['11 9876', true],
    ['87', false],
    ['joão', false],
  ])('%s → %s', (query, expected) => {
    expect(matchesContact(maria, query)).toBe(expected);
  });
});

describe('shouldAskServer', () => {
  it.each<[string, number, boolean]>([
    ['ma', 0, true],
    ['m', 0, false],
    ['  ', 0, false],
    ['maria', 1, false],
  ])('%s with %s local matches → %s', (query, local, expected) => {
    expect(shouldAskServer(query, local)).toBe(expected);
  });
});
