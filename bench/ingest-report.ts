import fs from 'node:fs';
import os from 'node:os';
import { teamOfMessage, teamSizes, type AgentsResult, type LoadResult } from './ingest-contracts';
import type { CpuUsage } from './ingest-ipc';

/*
 * The ingest benchmark's arithmetic and table: latencies from post times and arrival times
 * (absolute milliseconds from different processes on one machine), percentiles, CPU seconds.
 */

const sorted = (values: number[]): Float64Array => Float64Array.from(values).sort();

export const percentile = (values: Float64Array, p: number): number =>
  values.length === 0
    ? Number.NaN
    : (values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? Number.NaN);

export const p50p99 = (values: Float64Array, digits = 0): string =>
  values.length === 0
    ? '–'
    : `${percentile(values, 50).toFixed(digits)} / ${percentile(values, 99).toFixed(digits)} ms`;

/** Who should receive what: agent i is in team i mod T, the first K agents validate. */
export type Audience = { agents: number; validating: number; teams: number; contacts: number };

/** Deliveries the agents should receive between them for the first `sent` messages. */
export function expectedDeliveries(audience: Audience, sent: number): number {
  const sizes = teamSizes(audience.agents, audience.teams);
  let expected = 0;
  for (let n = 0; n < sent; n++) {
    expected += sizes[teamOfMessage(n, audience.contacts, audience.teams)] ?? 0;
  }
  return expected;
}

export type Latencies = {
  /** Post → the first scanning agent had it, per message any scanning agent received. */
  first: Float64Array;
  /** Post → the last scanning agent had it, per message every scanning agent in its team received. */
  every: Float64Array;
  /** Post → a validating agent had parsed and validated it, per (agent, message). */
  validating: Float64Array;
};

export function latencies(load: LoadResult, agents: AgentsResult, audience: Audience): Latencies {
  const scanners = teamSizes(audience.agents, audience.teams, audience.validating);
  const first: number[] = [];
  const every: number[] = [];
  const validating: number[] = [];
  for (let n = 0; n < load.sent; n++) {
    const sentAt = load.sentAt[n] ?? Number.NaN;
    const reached = agents.reached[n] ?? 0;
    const team = scanners[teamOfMessage(n, audience.contacts, audience.teams)] ?? 0;
    if (reached > 0) first.push((agents.first[n] ?? Number.NaN) - sentAt);
    if (team > 0 && reached === team) every.push((agents.last[n] ?? Number.NaN) - sentAt);
    for (const arrivals of agents.validated) {
      const at = arrivals[n] ?? Number.NaN;
      if (!Number.isNaN(at)) validating.push(at - sentAt);
    }
  }
  return { first: sorted(first), every: sorted(every), validating: sorted(validating) };
}

export const responseTimes = (load: LoadResult): Float64Array =>
  load.responseMs.slice(0, load.sent).sort();

export const cpuSeconds = (before: CpuUsage, after: CpuUsage): number =>
  (after.user - before.user + after.system - before.system) / 1e6;

/** Share of the interval the process's event loop was not waiting for I/O or timers. */
export const loopBusy = (before: CpuUsage, after: CpuUsage): number => {
  const active = after.active - before.active;
  const total = active + after.idle - before.idle;
  return total > 0 ? active / total : Number.NaN;
};

/**
 * CPU seconds the whole machine spent busy (all processes, all cores) since boot, from
 * /proc/stat's first line (clock ticks, 100 a second on Linux); null where there is none.
 * Minus our processes' time, it is what the other tenants of a shared machine took.
 */
export function machineBusy(): number | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'latin1').split('\n', 1)[0] ?? '';
    // user nice system idle iowait irq softirq …: busy is user + nice + system + irq + softirq.
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    return [0, 1, 2, 5, 6].reduce((sum, i) => sum + (ticks[i] ?? 0), 0) / 100;
  } catch {
    return null;
  }
}

export const counts = (record: Record<string, number>): string =>
  Object.keys(record).length === 0
    ? 'none'
    : Object.entries(record)
        .map(([key, count]) => `${key} ${count}`)
        .join(', ');

const loads = (values: number[]): string => values.map((l) => l.toFixed(1)).join(' ');

export const machine = (before: number[]): string =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load avg before ${loads(before)}, after ${loads(os.loadavg())}`;

export const formatRows = (rows: [string, string][]): string => {
  const width = Math.max(...rows.map(([key]) => key.length));
  return `${rows.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n')}\n`;
};
