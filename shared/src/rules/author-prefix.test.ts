import { describe, expect, it } from 'vitest';
import { authorLabel, namesAuthor, withAuthorPrefix } from './author-prefix';

describe('author prefix', () => {
  it.each([
    ['Ana Souza', 'Ana'],
    ['  Bruno   Lima ', 'Bruno'],
    ['*Carla* Mendes', 'Carla'],
    ['Diego\nAlves', 'Diego'],
  ])('labels %j as %j', (name, label) => {
    expect(authorLabel(name)).toBe(label);
  });

  it('puts the bold name on its own line before the text', () => {
    expect(withAuthorPrefix('Bom dia!', 'Ana Souza')).toBe('*Ana:*\nBom dia!');
    expect(withAuthorPrefix('', 'Ana Souza')).toBe('*Ana:*');
  });

  it.each([
    [{ hasAuthor: true, channelSetting: true, participantCount: 0 }, true],
    [{ hasAuthor: true, channelSetting: false, participantCount: 0 }, false],
    [{ hasAuthor: true, channelSetting: false, participantCount: 1 }, true],
    [{ hasAuthor: false, channelSetting: true, participantCount: 2 }, false],
  ])('names the author for %j: %s', (input, expected) => {
    expect(namesAuthor(input)).toBe(expected);
  });
});
