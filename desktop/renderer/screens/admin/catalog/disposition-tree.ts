import type { AdminDisposition } from '@atendo/shared/schemas/admin/catalog';

export type DispositionNode = {
  disposition: AdminDisposition;
  depth: number;
  children: DispositionNode[];
};

const byName = (a: DispositionNode, b: DispositionNode) =>
  a.disposition.name.localeCompare(b.disposition.name, 'pt-BR');

/**
 * The flat list as a tree, siblings by name. A node whose parent is missing (filtered out, or
 * archived while the list hides archived ones) shows at the top rather than disappearing.
 */
export function dispositionTree(list: readonly AdminDisposition[]): DispositionNode[] {
  const ids = new Set(list.map((d) => d.id));
  const children = new Map<string | null, AdminDisposition[]>();
  for (const d of list) {
    const parent = d.parentId !== null && ids.has(d.parentId) ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const build = (parent: string | null, depth: number): DispositionNode[] =>
    (children.get(parent) ?? [])
      .map((disposition) => ({
        disposition,
        depth,
        children: build(disposition.id, depth + 1),
      }))
      .sort(byName);
  return build(null, 0);
}

/** The tree in reading order, each node once, for a flat rendering. */
export function flattenTree(nodes: readonly DispositionNode[]): DispositionNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The node and everything under it: none of them can become its new parent. */
export function subtreeIds(list: readonly AdminDisposition[], rootId: string): Set<string> {
  const found = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of list) {
      if (d.parentId !== null && found.has(d.parentId) && !found.has(d.id)) {
        found.add(d.id);
        grew = true;
      }
    }
  }
  return found;
}

/** "Financeiro › Segunda via": a node's full path, for the move picker. */
export function pathName(list: readonly AdminDisposition[], id: string): string {
  const byId = new Map(list.map((d) => [d.id, d]));
  const names: string[] = [];
  let current = byId.get(id);
  while (current !== undefined && names.length < 20) {
    names.unshift(current.name);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return names.join(' › ');
}
