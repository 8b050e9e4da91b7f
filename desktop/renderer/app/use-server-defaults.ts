import { useEffect, useState } from 'react';
import { getBridge } from '../bridge/get-bridge';
import { defaultServerUrl, lastServerUrl } from '../session/session-storage';

export type ServerDefaults = { serverUrl: string; locked: boolean };

/**
 * The login screen's server address. In the desktop app the machine policy may set it (and
 * lock it); in a browser served by the server, the page's own origin is the server.
 */
export function useServerDefaults(): ServerDefaults {
  const [defaults, setDefaults] = useState<ServerDefaults>(() => ({
    serverUrl: defaultServerUrl({ policyUrl: null, lastUrl: lastServerUrl(), location }),
    locked: false,
  }));
  useEffect(() => {
    let cancelled = false;
    void loadPolicy().then((policy) => {
      if (cancelled || policy === null) return;
      setDefaults({
        serverUrl: defaultServerUrl({
          policyUrl: policy.serverUrl,
          lastUrl: lastServerUrl(),
          location,
        }),
        locked: policy.serverUrl !== null && !policy.allowServerChange,
      });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return defaults;
}

type Policy = { serverUrl: string | null; allowServerChange: boolean };

async function loadPolicy(): Promise<Policy | null> {
  try {
    const { settings, locked } = await getBridge().invoke('settings:get');
    return {
      serverUrl: settings.serverUrl,
      allowServerChange: settings.allowServerChange && !locked.includes('serverUrl'),
    };
  } catch {
    // Without settings the login screen still works with the page's own origin.
    return null;
  }
}
