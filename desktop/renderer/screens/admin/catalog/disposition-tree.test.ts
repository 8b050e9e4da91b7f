import { describe, expect, it } from 'vitest';
import type { AdminDisposition } from '@atendo/shared/schemas/admin/catalog';
import { dispositionTree, flattenTree, pathName, subtreeIds } from './disposition-tree';

const node = (id: string, parentId: string | null, name: string): AdminDisposition => ({
  id,
  teamId: 'team-1',
  parentId,
  name,
  active: true,
  updatedAt: 0,
  usedCount: 0,
});

const list = [
  node('b', null, 'Suporte'),
  node('a', null, 'Financeiro'),
  node('a2', 'a', 'Segunda via'),
  node('a1', 'a', 'Reembolso'),
  node('a11', 'a1', 'Aprovado'),
];

describe('disposition tree', () => {
  it('nests children under parents, siblings by name, in reading order', () => {
    const flat = flattenTree(dispositionTree(list)).map((n) => [n.disposition.id, n.depth]);
    expect(flat).toEqual([
      ['a', 0],
      ['a1', 1],
      ['a11', 2],
      ['a2', 1],
      ['b', 0],
    ]);
  });

  it('shows an orphan (its parent hidden) at the top instead of losing it', () => {
    const flat = flattenTree(dispositionTree(list.filter((d) => d.id !== 'a1')));
    expect(flat.map((n) => n.disposition.id)).toContain('a11');
  });

  it('knows the subtree a node cannot be moved under', () => {
    expect([...subtreeIds(list, 'a')].sort()).toEqual(['a', 'a1', 'a11', 'a2']);
  });

  it('names a node by its path', () => {
    expect(pathName(list, 'a11')).toBe('Financeiro › Reembolso › Aprovado');
  });
});
