import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  isEventChannel,
  isInvokeChannel,
  type AtendoBridge,
  type EventChannel,
  type EventPayload,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResponse,
} from '@atendo/shared/ipc/contract';

/**
 * Exposes `window.atendo`, built from the IPC contract: only the contract's channels can be
 * invoked or listened to, and ipcRenderer itself never reaches the page. Main validates every
 * request again, because a compromised page could call this with anything.
 */
async function invoke<C extends InvokeChannel>(
  channel: C,
  ...request: InvokeArgs<C>
): Promise<InvokeResponse<C>> {
  if (!isInvokeChannel(channel)) throw new Error('unknown channel');
  // Main answers with the contract's response type for this channel.
  const response: unknown = await ipcRenderer.invoke(channel, request[0]);
  return response as InvokeResponse<C>;
}

const bridge: AtendoBridge = {
  invoke,
  on: <C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void) => {
    if (!isEventChannel(channel)) throw new Error('unknown channel');
    const wrapped = (_event: IpcRendererEvent, payload: EventPayload<C>) => {
      listener(payload);
    };
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('atendo', bridge);
