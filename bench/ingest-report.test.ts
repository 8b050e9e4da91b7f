import { describe, expect, it } from 'vitest';
import {
  emptyAgentsResult,
  teamOfMessage,
  teamSizes,
  type AgentsResult,
  type LoadResult,
} from './ingest-contracts';
import { expectedDeliveries, latencies, percentile } from './ingest-report';

const load = (sentAt: number[]): LoadResult => ({
  type: 'done',
  sent: sentAt.length,
  failures: 0,
  elapsedSeconds: 1,
  sentAt: Float64Array.from(sentAt),
  responseMs: new Float64Array(sentAt.length),
});

const arrivals = (first: number[], last: number[], reached: number[], validated: number[][]) =>
  ({
    ...emptyAgentsResult(first.length),
    first: Float64Array.from(first),
    last: Float64Array.from(last),
    reached: Uint16Array.from(reached),
    validated: validated.map((v) => Float64Array.from(v)),
  }) satisfies AgentsResult;

describe('who receives what', () => {
  it.each([
    // agents, teams, from, sizes
    [5, 1, 0, [5]],
    [5, 2, 0, [3, 2]],
    [5, 2, 1, [2, 2]],
    [2, 4, 0, [1, 1, 0, 0]],
  ])('%i agents over %i teams from %i', (agents, teams, from, sizes) => {
    expect(teamSizes(agents, teams, from)).toEqual(sizes);
  });

  it.each([
    // contacts, teams, messages, expected deliveries with 5 agents
    [10, 1, 4, 20],
    [10, 2, 4, 3 + 2 + 3 + 2],
    [3, 2, 4, 3 + 2 + 3 + 3], // message 3 is contact 0 again: team 0
  ])('%i contacts over %i teams, %i messages', (contacts, teams, sent, expected) => {
    expect(expectedDeliveries({ agents: 5, validating: 0, teams, contacts }, sent)).toBe(expected);
  });

  it('sends message n to the team of contact n mod contacts', () => {
    expect([0, 1, 2, 3, 4].map((n) => teamOfMessage(n, 3, 2))).toEqual([0, 1, 0, 0, 1]);
  });
});

describe('latencies', () => {
  it('measures from each post, counts "every" only where every scanning agent had it', () => {
    const audience = { agents: 3, validating: 1, teams: 1, contacts: 10 };
    const result = latencies(
      load([1000, 2000, 3000]),
      arrivals([1010, 2005, Number.NaN], [1030, 2005, Number.NaN], [2, 1, 0], [[1020, NaN, 3300]]),
      audience,
    );
    expect([...result.first]).toEqual([5, 10]);
    expect([...result.every]).toEqual([30]);
    expect([...result.validating]).toEqual([20, 300]);
  });

  it.each([
    [[], 50, Number.NaN],
    [[1, 2, 3, 4], 50, 3],
    [[1, 2, 3, 4], 99, 4],
  ])('percentile of %j at p%i', (values, p, expected) => {
    expect(percentile(Float64Array.from(values), p)).toBe(expected);
  });
});
