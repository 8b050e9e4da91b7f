import os from 'node:os';
import type { AgentsResult, LoadResult } from './ingest-contracts';
import type { CpuUsage } from './ingest-ipc';
import {
  counts,
  cpuSeconds,
  expectedDeliveries,
  formatRows,
  latencies,
  loopBusy,
  machine,
  p50p99,
  responseTimes,
  type Audience,
} from './ingest-report';

/* The ingest benchmark's printed table (ingest.ts gathers, this file only formats). */

type CpuSample = {
  at: number;
  machine: number | null;
  server: CpuUsage;
  load: CpuUsage;
  agents: CpuUsage | null;
  parent: CpuUsage;
};

export type RunSummary = {
  options: {
    SECONDS: number;
    AGENTS: number;
    VALIDATING: number;
    CONCURRENCY: number;
    CONTACTS: number;
    TEAMS: number;
    MAX: number;
  };
  agentsInParent: boolean;
  loadBefore: number[];
  load: LoadResult;
  agents: AgentsResult;
  cpu: { before: CpuSample; after: CpuSample; serverTotal: CpuUsage };
  raw: { messages: number; seconds: number; perSecond: number };
};

/** The server's CPU time in the run over the messages it took in, and its share in the kernel. */
function serverPerMessage(before: CpuUsage, after: CpuUsage, load: LoadResult): string {
  const ok = load.sent - load.failures;
  const total = cpuSeconds(before, after);
  const kernel = (after.system - before.system) / 1e6;
  const perMessage = ok === 0 ? Number.NaN : (total * 1000) / ok;
  return `${perMessage.toFixed(2)} ms (${((kernel / total) * 100).toFixed(0)} % of it in the kernel)`;
}

/** Where the cores went between the first post and the last delivery. */
function cpuRows({ cpu, agents, agentsInParent, load }: RunSummary): [string, string][] {
  const { before, after } = cpu;
  const wall = (after.at - before.at) / 1000;
  const seconds = (a: CpuUsage | null, b: CpuUsage | null): number =>
    a === null || b === null ? 0 : cpuSeconds(a, b);
  const busy = (a: CpuUsage | null, b: CpuUsage | null): string =>
    a === null || b === null ? '–' : `${(loopBusy(a, b) * 100).toFixed(0)} %`;
  const ours: [string, number, string][] = [
    ['server', seconds(before.server, after.server), busy(before.server, after.server)],
    ['load generator', seconds(before.load, after.load), busy(before.load, after.load)],
    agentsInParent
      ? ['agents + parent', seconds(before.parent, after.parent), busy(before.parent, after.parent)]
      : ['agents', seconds(before.agents, after.agents), busy(before.agents, after.agents)],
  ];
  const total = ours.reduce((sum, [, s]) => sum + s, 0);
  const machineBusy =
    before.machine === null || after.machine === null ? null : after.machine - before.machine;
  const others =
    machineBusy === null ? '' : `, other processes ${(machineBusy - total).toFixed(1)}`;
  return [
    [
      'CPU s, first post → last delivery',
      `${ours.map(([name, s]) => `${name} ${s.toFixed(1)}`).join(', ')}${others} ` +
        `(of ${os.cpus().length} cores × ${wall.toFixed(1)} s = ${(os.cpus().length * wall).toFixed(1)})`,
    ],
    ['event loop busy', ours.map(([name, , loop]) => `${name} ${loop}`).join(', ')],
    ['server CPU per answered webhook', serverPerMessage(before.server, after.server, load)],
    [
      'validating agents’ decode',
      `${(agents.validatingMs / 1000).toFixed(2)} CPU s (inflate, JSON.parse, schemas)`,
    ],
  ];
}

const perDelivery = (bytes: number, deliveries: number): string =>
  deliveries === 0 ? '–' : `${(bytes / deliveries).toFixed(0)} B`;

/** What the stream carried: frames, how many came deflated, bytes per message per agent. */
function streamRows(agents: AgentsResult, agentCount: number): [string, string][] {
  let validatingDeliveries = 0;
  for (const arrivals of agents.validated) {
    for (const at of arrivals) if (!Number.isNaN(at)) validatingDeliveries += 1;
  }
  return [
    [
      'stream frames received',
      `${agents.frames}, ${agents.compressedFrames} of them deflated (permessage-deflate ` +
        `negotiated by ${agents.deflateAgents} of ${agentCount} agents); ` +
        `not verifiable ${agents.unverifiableFrames} (compressed frames no validating agent decoded)`,
    ],
    [
      'on the wire per message per agent',
      `${perDelivery(agents.bytes, agents.deliveries)} (${(agents.bytes / 1e6).toFixed(1)} MB ` +
        `over all agents); a validating agent ${perDelivery(agents.validatingBytes, validatingDeliveries)} ` +
        `on the wire, ${perDelivery(agents.validatingTextBytes, validatingDeliveries)} of JSON decoded`,
    ],
  ];
}

export function report(summary: RunSummary): string {
  const { options, load, agents, raw } = summary;
  const scanners = options.AGENTS - options.VALIDATING;
  const ok = load.sent - load.failures;
  const rate = ok / load.elapsedSeconds;
  const audience: Audience = {
    agents: options.AGENTS,
    validating: options.VALIDATING,
    teams: options.TEAMS,
    contacts: options.CONTACTS,
  };
  const latency = latencies(load, agents, audience);
  const teams =
    options.TEAMS === 1
      ? 'one team: every agent sees every message'
      : `${options.TEAMS} teams, one inbound number each`;
  const where = summary.agentsInParent ? 'in the parent process' : 'in their own process';
  const ranOut = load.sent >= options.MAX ? `, ran out of the ${options.MAX} prepared` : '';
  const rows: [string, string][] = [
    ['machine', machine(summary.loadBefore)],
    [
      'run',
      `${options.SECONDS} s, ${options.CONCURRENCY} concurrent posts, ${options.CONTACTS} contacts, ` +
        `${options.AGENTS} subscribed agents (${scanners} scanning, ${options.VALIDATING} validating, ${where}), ${teams}`,
    ],
    [
      'webhooks answered 200',
      `${ok} of ${load.sent} in ${load.elapsedSeconds.toFixed(1)} s${ranOut}`,
    ],
    ['inbound messages / s (HTTP)', rate.toFixed(0)],
    ['webhook response p50 / p99', p50p99(responseTimes(load), 1)],
    ['to first agent p50 / p99', p50p99(latency.first)],
    [
      'to every agent p50 / p99',
      `${p50p99(latency.every)} (${latency.every.length} of ${load.sent} messages reached every scanning agent of their team)`,
    ],
    ['to a validating client p50 / p99', p50p99(latency.validating)],
    [
      'deliveries received',
      `${agents.deliveries} of ${expectedDeliveries(audience, load.sent)} (duplicates ${agents.duplicates}, ` +
        `resyncs: ${counts(agents.resyncs)}, closed by server: ${counts(agents.closes)}, invalid frames ${agents.invalidFrames})`,
    ],
    ...streamRows(agents, options.AGENTS),
    ...cpuRows(summary),
    [
      'server CPU s incl. start-up',
      cpuSeconds({ user: 0, system: 0, idle: 0, active: 0 }, summary.cpu.serverTotal).toFixed(1),
    ],
    [
      'raw SQLite inserts / s',
      `${raw.perSecond.toFixed(0)} (${raw.messages} messages in ${raw.seconds.toFixed(1)} s)`,
    ],
    ['HTTP / raw ratio', (rate / raw.perSecond).toFixed(2)],
  ];
  return formatRows(rows);
}
