import type { Disposition } from '../schemas/catalog';
import type { TeamSettings } from '../schemas/team';
import { allow, deny, type Decision } from './decision';

type DispositionRef = Pick<Disposition, 'id' | 'parentId' | 'name' | 'active'>;

const byId = (dispositions: readonly DispositionRef[]): Map<string, DispositionRef> =>
  new Map(dispositions.map((d) => [d.id, d]));

/** The chain from the root down to `id`; stops at a missing parent or a cycle. */
function ancestry(index: Map<string, DispositionRef>, id: string): DispositionRef[] {
  const chain: DispositionRef[] = [];
  const seen = new Set<string>();
  let current = index.get(id);
  while (current !== undefined && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parentId === null ? undefined : index.get(current.parentId);
  }
  return chain;
}

type DispositionProblem = 'unknown' | 'inactive' | 'not-leaf';

/**
 * Why a disposition cannot be picked, or null when it can: it must be one of the team's, active
 * along its whole path (retiring a group retires what is under it), and a leaf — a group with
 * active children is a heading, not a subject.
 */
function dispositionProblem(
  dispositions: readonly DispositionRef[],
  id: string,
): DispositionProblem | null {
  const index = byId(dispositions);
  if (!index.has(id)) return 'unknown';
  if (!ancestry(index, id).every((d) => d.active)) return 'inactive';
  if (dispositions.some((d) => d.parentId === id && d.active)) return 'not-leaf';
  return null;
}

/** The dispositions an agent can actually pick. */
export function selectableDispositions<D extends DispositionRef>(dispositions: readonly D[]): D[] {
  return dispositions.filter((d) => dispositionProblem(dispositions, d.id) === null);
}

export type CloseInput = {
  team: TeamSettings;
  dispositionId: string | null;
  /** The team's dispositions (all of them, active or not). */
  dispositions: readonly Disposition[];
  now: number;
  /** A supervisor's force-close from monitoring: no disposition needed, no CSAT asked. */
  forced?: boolean;
};

export type CloseOutcome = {
  nextState: 'awaiting_csat' | 'closed';
  csatDeadline: number | null;
  dispositionId: string | null;
};

/** Whether the conversation may close with this disposition, and what state it goes to. */
export function closeDecision(
  input: CloseInput,
): Decision<'disposition-required' | 'disposition-invalid', CloseOutcome> {
  const { team, dispositionId, dispositions, now, forced = false } = input;
  if (dispositionId !== null) {
    const problem = dispositionProblem(dispositions, dispositionId);
    if (problem !== null) return deny('disposition-invalid', { dispositionId, problem });
  } else if (team.dispositionRequired && !forced) {
    // A requirement nobody can meet would trap the conversation open ("mandatory closing codes
    // that cannot be selected"), so it only binds while the team has something to pick.
    const selectable = selectableDispositions(dispositions).length;
    if (selectable > 0) return deny('disposition-required', { selectable });
  }
  const askCsat = team.csatEnabled && !forced;
  return allow({
    nextState: askCsat ? 'awaiting_csat' : 'closed',
    csatDeadline: askCsat ? now + team.csatTimeoutMs : null,
    dispositionId,
  });
}

export type DispositionNode = {
  id: string;
  name: string;
  /** Leaves that are active can be picked; groups only organise. */
  selectable: boolean;
  children: DispositionNode[];
};

/**
 * The dispositions as the picker shows them, sorted by name. Inactive ones (and everything under
 * them) are left out unless asked for; one whose parent is gone shows at the top level.
 */
export function dispositionTree(
  dispositions: readonly DispositionRef[],
  opts: { includeInactive?: boolean } = {},
): DispositionNode[] {
  const shown = opts.includeInactive ? dispositions : dispositions.filter((d) => d.active);
  // Roots are judged against the full list, so hiding a group hides its children too.
  const index = byId(dispositions);
  const childrenOf = (parentId: string | null, path: Set<string>): DispositionNode[] =>
    shown
      .filter((d) => (parentId === null ? isRoot(d, index) : d.parentId === parentId))
      .filter((d) => !path.has(d.id))
      .sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'))
      .map((d) => ({
        id: d.id,
        name: d.name,
        selectable: dispositionProblem(dispositions, d.id) === null,
        children: childrenOf(d.id, new Set([...path, d.id])),
      }));
  return childrenOf(null, new Set());
}

const isRoot = (d: DispositionRef, index: Map<string, DispositionRef>): boolean =>
  d.parentId === null || !index.has(d.parentId);

/** The names from the top group down to `id` (['Suporte', 'Senha']); empty when unknown. */
export function dispositionPath(dispositions: readonly DispositionRef[], id: string): string[] {
  return ancestry(byId(dispositions), id).map((d) => d.name);
}
