import { execFile } from 'node:child_process';
import { net, shell } from 'electron';
import type { DialAction } from '../dialer/dial-plan';
import type { Logger } from '../logger';

const HTTP_TIMEOUT_MS = 8000;

/**
 * Carries out a planned call. The command kind uses execFile with an argument array and
 * `shell: false`, so nothing in the arguments is ever interpreted by a shell.
 */
export async function runDialAction(action: DialAction, log: Logger): Promise<boolean> {
  switch (action.kind) {
    case 'uri':
      await shell.openExternal(action.url);
      return true;
    case 'command':
      return new Promise((resolve) => {
        const child = execFile(action.file, action.args, { shell: false, windowsHide: true });
        child.once('error', (error) => {
          log.error({ file: action.file, error: error.message }, 'dialer command failed');
          resolve(false);
        });
        child.once('spawn', () => {
          child.unref();
          resolve(true);
        });
      });
    case 'http': {
      const response = await net.fetch(action.url, {
        method: 'POST',
        signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
      });
      if (!response.ok) log.warn({ status: response.status }, 'PBX click-to-call refused');
      return response.ok;
    }
  }
}
