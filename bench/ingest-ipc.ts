import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';

/*
 * The ingest benchmark's processes (server, load generator, agents) talk to the parent over
 * Node's IPC channel with structured cloning, so typed arrays of timings travel as they are.
 * Every child answers `cpu` with its own process.cpuUsage() and event loop times, which is how
 * the report shows where the two cores went and whether a process was busy or waiting.
 */

/** CPU microseconds (process.cpuUsage) and event loop idle/active ms (eventLoopUtilization). */
export const CpuUsage = z.object({
  user: z.number(),
  system: z.number(),
  idle: z.number(),
  active: z.number(),
});
export type CpuUsage = z.infer<typeof CpuUsage>;

export const cpuUsage = (): CpuUsage => {
  const { idle, active } = performance.eventLoopUtilization();
  return { ...process.cpuUsage(), idle, active };
};

const Reply = z.looseObject({ type: z.string() });

/** Starts a TypeScript child with an IPC channel; its stdout and stderr are the parent's. */
export function spawnChild(
  script: string,
  config: unknown,
  options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
): ChildProcess {
  return spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', script, JSON.stringify(config)],
    {
      env: options.env ?? process.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    },
  );
}

/** The first message of `type` from the child, checked against `schema`; rejects if it exits. */
export function nextMessage<T>(child: ChildProcess, type: string, schema: z.ZodType<T>) {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      const reply = Reply.safeParse(message);
      if (!reply.success || reply.data.type !== type) return;
      cleanup();
      resolve(schema.parse(message));
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`a benchmark child exited (${String(code)}) before sending ${type}`));
    };
    const cleanup = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Sends a request and waits for the reply of `replyType`. */
export function ask<T>(
  child: ChildProcess,
  request: { type: string } & Record<string, unknown>,
  replyType: string,
  schema: z.ZodType<T>,
): Promise<T> {
  const reply = nextMessage(child, replyType, schema);
  child.send(request);
  return reply;
}

const CpuReply = z.object({ type: z.literal('cpu'), usage: CpuUsage });

export const askCpu = async (child: ChildProcess): Promise<CpuUsage> =>
  (await ask(child, { type: 'cpu' }, 'cpu', CpuReply)).usage;

/** Resolves when the child has exited (at once if it already has). */
export const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else
      child.once('exit', () => {
        resolve();
      });
  });

/**
 * In a child: the parent's requests by type; `cpu` is always answered. A child whose parent
 * went away (a failed run) exits instead of holding sockets open.
 */
export function onParentRequest(handlers: Record<string, (message: unknown) => void>): void {
  process.once('disconnect', () => process.exit(1));
  process.on('message', (message: unknown) => {
    const request = Reply.safeParse(message);
    if (!request.success) return;
    if (request.data.type === 'cpu') {
      void sendToParent({ type: 'cpu', usage: cpuUsage() });
      return;
    }
    handlers[request.data.type]?.(message);
  });
}

/** Sends a message to the parent; resolves once it is handed over, so exiting after is safe. */
export function sendToParent(message: { type: string } & Record<string, unknown>): Promise<void> {
  const send = process.send?.bind(process);
  if (send === undefined) throw new Error('this benchmark child needs an IPC channel');
  return new Promise((resolve, reject) => {
    send(message, undefined, undefined, (error: Error | null) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

/** A child's configuration: the JSON in its first argument, checked. */
export const childConfig = <T>(schema: z.ZodType<T>): T =>
  schema.parse(JSON.parse(process.argv[2] ?? 'null'));
