import { describe, expect, it } from 'vitest';
import type { Disposition } from '../schemas/catalog';
import type { TeamSettings } from '../schemas/team';
import {
  closeDecision,
  dispositionPath,
  dispositionTree,
  selectableDispositions,
  type CloseInput,
} from './close-conversation';

const d = (id: string, name: string, parentId: string | null, active = true): Disposition => ({
  id,
  teamId: 'support',
  parentId,
  name,
  active,
  updatedAt: 0,
});

// Suporte › Senha, Suporte › Fatura (retired), Vendas (retired group) › Proposta, Elogio.
const DISPOSITIONS = [
  d('support', 'Suporte', null),
  d('password', 'Senha', 'support'),
  d('invoice', 'Fatura', 'support', false),
  d('sales', 'Vendas', null, false),
  d('proposal', 'Proposta', 'sales'),
  d('praise', 'Elogio', null),
  d('group-emptied', 'Outros', null),
  d('old-child', 'Antigo', 'group-emptied', false),
];

const team = (patch: Partial<TeamSettings> = {}): TeamSettings => ({
  dispositionRequired: true,
  csatEnabled: true,
  csatTimeoutMs: 3_600_000,
  ...patch,
});

const now = 1_700_000_000_000;
const input = (patch: Partial<CloseInput> = {}): CloseInput => ({
  team: team(),
  dispositionId: 'password',
  dispositions: DISPOSITIONS,
  now,
  ...patch,
});

describe('closeDecision allows', () => {
  it.each([
    [
      'a leaf, CSAT on',
      input(),
      { nextState: 'awaiting_csat', csatDeadline: now + 3_600_000, dispositionId: 'password' },
    ],
    [
      'a leaf, CSAT off',
      input({ team: team({ csatEnabled: false }) }),
      { nextState: 'closed', csatDeadline: null, dispositionId: 'password' },
    ],
    [
      'a top-level leaf',
      input({ dispositionId: 'praise' }),
      { nextState: 'awaiting_csat', csatDeadline: now + 3_600_000, dispositionId: 'praise' },
    ],
    [
      'a group whose children were all retired (it became a leaf)',
      input({ dispositionId: 'group-emptied' }),
      { nextState: 'awaiting_csat', csatDeadline: now + 3_600_000, dispositionId: 'group-emptied' },
    ],
    [
      'none, when the team does not require one',
      input({ dispositionId: null, team: team({ dispositionRequired: false }) }),
      { nextState: 'awaiting_csat', csatDeadline: now + 3_600_000, dispositionId: null },
    ],
    [
      'none, on a supervisor’s forced close (and no CSAT)',
      input({ dispositionId: null, forced: true }),
      { nextState: 'closed', csatDeadline: null, dispositionId: null },
    ],
    [
      'none, when the team requires one but has nothing to pick',
      input({ dispositionId: null, dispositions: [d('x', 'X', null, false)] }),
      { nextState: 'awaiting_csat', csatDeadline: now + 3_600_000, dispositionId: null },
    ],
  ])('%s', (_name, closeInput, outcome) => {
    expect(closeDecision(closeInput)).toEqual({ ok: true, ...outcome });
  });
});

describe('closeDecision denies', () => {
  it.each([
    ['no disposition', input({ dispositionId: null }), 'disposition-required', { selectable: 3 }],
    [
      'another team’s (unknown) disposition',
      input({ dispositionId: 'elsewhere' }),
      'disposition-invalid',
      { dispositionId: 'elsewhere', problem: 'unknown' },
    ],
    [
      'a retired disposition',
      input({ dispositionId: 'invoice' }),
      'disposition-invalid',
      { dispositionId: 'invoice', problem: 'inactive' },
    ],
    [
      'a disposition under a retired group',
      input({ dispositionId: 'proposal' }),
      'disposition-invalid',
      { dispositionId: 'proposal', problem: 'inactive' },
    ],
    [
      'a group with active children',
      input({ dispositionId: 'support' }),
      'disposition-invalid',
      { dispositionId: 'support', problem: 'not-leaf' },
    ],
    [
      'an invalid one even on a forced close',
      input({ dispositionId: 'support', forced: true }),
      'disposition-invalid',
      { dispositionId: 'support', problem: 'not-leaf' },
    ],
  ])('%s', (_name, closeInput, reason, details) => {
    expect(closeDecision(closeInput)).toEqual({ ok: false, reason, details });
  });
});

describe('selectableDispositions', () => {
  it('keeps active leaves only', () => {
    expect(selectableDispositions(DISPOSITIONS).map((x) => x.id)).toEqual([
      'password',
      'praise',
      'group-emptied',
    ]);
  });
});

describe('dispositionTree', () => {
  it('nests active dispositions sorted by name, hiding retired branches', () => {
    expect(dispositionTree(DISPOSITIONS)).toEqual([
      { id: 'praise', name: 'Elogio', selectable: true, children: [] },
      { id: 'group-emptied', name: 'Outros', selectable: true, children: [] },
      {
        id: 'support',
        name: 'Suporte',
        selectable: false,
        children: [{ id: 'password', name: 'Senha', selectable: true, children: [] }],
      },
    ]);
  });

  it('shows everything to an admin who asks for inactive ones', () => {
    const tree = dispositionTree(DISPOSITIONS, { includeInactive: true });
    expect(tree.map((n) => n.name)).toEqual(['Elogio', 'Outros', 'Suporte', 'Vendas']);
    expect(tree[3]?.children).toEqual([
      { id: 'proposal', name: 'Proposta', selectable: false, children: [] },
    ]);
  });

  it('puts an orphan at the top and survives a cycle', () => {
    const odd = [d('orphan', 'Órfã', 'deleted'), d('a', 'A', 'b'), d('b', 'B', 'a')];
    expect(dispositionTree(odd).map((n) => n.id)).toEqual(['orphan']);
  });
});

describe('dispositionPath', () => {
  it.each([
    ['password', ['Suporte', 'Senha']],
    ['praise', ['Elogio']],
    ['proposal', ['Vendas', 'Proposta']],
    ['missing', []],
  ])('%s → %o', (id, path) => {
    expect(dispositionPath(DISPOSITIONS, id)).toEqual(path);
  });

  it('stops at a cycle', () => {
    expect(dispositionPath([d('a', 'A', 'b'), d('b', 'B', 'a')], 'a')).toEqual(['B', 'A']);
  });
});
