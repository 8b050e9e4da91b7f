import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const script = path.join(here, 'sync-server.ts');

/**
 * The real server as a child process (see sync-server.ts): it can be killed outright, as a crash
 * would, and started again on the same data folder and port, so clients reconnect to "the same
 * server after a restart".
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  port = 0;

  private constructor(readonly dataDir: string) {}

  static async start(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atendo-sync-e2e-'))) {
    const server = new ServerProcess(dataDir);
    await server.spawn();
    return server;
  }

  get origin(): string {
    return `http://127.0.0.1:${String(this.port)}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  private async spawn(): Promise<void> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, this.dataDir, String(this.port)],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    this.child = child;
    this.port = await readPort(child);
  }

  /** Ends the process at once (SIGKILL): no goodbye to clients, nothing flushed. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Waits for a process that is expected to die by itself (the crash-on-send hook). */
  async exited(): Promise<void> {
    const child = this.child;
    if (child === null || !this.running) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => {
        resolve();
      });
    });
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.spawn();
  }

  async stop(remove = true): Promise<void> {
    await this.signal('SIGTERM');
    if (remove) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (child === null || !this.running) return;
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => {
        resolve();
      });
    });
    child.kill(signal);
    await exited;
  }

  /** Calls a control route of the running server (see sync-server.ts). */
  async control<T = unknown>(route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.origin}/__sync/${route}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`/__sync/${route} failed: ${text}`);
    return JSON.parse(text) as T;
  }

  async token(email: string): Promise<string> {
    return (await this.control<{ token: string }>('token', { email })).token;
  }
}

function readPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => {
      reject(new Error('The sync server did not start within 60 s.'));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line === undefined) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      const parsed = JSON.parse(line) as { port?: unknown };
      if (typeof parsed.port === 'number') resolve(parsed.port);
      else reject(new Error(`Unexpected server output: ${line}`));
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The sync server exited early with code ${String(code)}.`));
    });
  });
}
