import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createApiClient } from '../../api/trpc-client';
import { diagnostics } from '../../app/diagnostics';
import { openWorkspace, type WorkspaceServices } from '../../data/workspace-services';
import { PresenceProvider } from '../../data/presence-context';
import { WorkspaceProvider } from '../../data/workspace-context';
import { useSession } from '../../session/session-context';
import { endSession } from '../../session/sign-out';
import type { Session } from '../../session/session-storage';
import { NoticeProvider } from '../../ui/notices';
import { WorkspaceShell } from './workspace-shell';

/** Opens the agent's local store and API client for this session, and closes them on sign-out. */
export function WorkspaceRoot({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { forget } = useSession();
  const [services, setServices] = useState<WorkspaceServices | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let opened: WorkspaceServices | null = null;
    let cancelled = false;
    openWorkspace(session).then(
      (value) => {
        if (cancelled) {
          void value.close();
          return;
        }
        opened = value;
        setServices(value);
      },
      (error: unknown) => {
        if (cancelled) return;
        // The store's own words (IndexedDB, schema) are for support: to the log, not the agent.
        diagnostics.error({ error: String(error) }, 'opening the local store failed');
        setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      if (opened !== null) void opened.close();
    };
  }, [session]);

  if (failed) {
    return (
      <Center mih="100vh" p="xl">
        <Alert color="red" title={t('errors.generic')} maw={480}>
          <Stack>
            <Text size="sm">{t('errorsMore.storeOpen')}</Text>
            <Button
              variant="light"
              onClick={() => {
                // The store did not open: there is nothing to stop or erase, only the token.
                const api = createApiClient({ ...session, getToken: () => session.token });
                void endSession({
                  stopSync: () => Promise.resolve(),
                  logout: (signal) => api.auth.logout.mutate(undefined, { signal }),
                  eraseLocalData: null,
                  forget,
                  expiresAt: session.expiresAt ?? null,
                });
              }}
            >
              {t('app.logout')}
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  if (services === null) {
    return (
      <Center mih="100vh" aria-busy="true">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  return (
    <WorkspaceProvider services={services}>
      <NoticeProvider>
        <PresenceProvider initial={session.presence}>
          <WorkspaceShell />
        </PresenceProvider>
      </NoticeProvider>
    </WorkspaceProvider>
  );
}
