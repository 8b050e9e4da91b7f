import { AppShell, Center, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../data/workspace-context';
import { supervises } from '@atendo/shared/rules/permissions';
import { Icon } from '../../ui/icons';
import { useDesktopIntegration } from '../../data/use-desktop-integration';
import { useScreenPop } from '../../data/use-screen-pop';
import { useStoreNotices } from '../../data/use-store-notices';
import { useLossNotices } from '../../data/use-loss-notices';
import { useSessionCheck } from '../../data/use-session-check';
import { ConversationView } from './conversation/conversation-view';
import { ConversationListPanel } from './list/conversation-list-panel';
import { useWorkspaceList } from './list/use-workspace-list';
import { MonitoringScreen } from '../monitoring/monitoring-screen';
import { AdminScreen } from '../admin/admin-screen';
import { OfflineBanner } from './offline-banner';
import { WorkspaceHeader } from './workspace-header';
import { ShortcutsHelp } from './shortcuts-help';
import { DialRequestDialog } from './dial-request-dialog';
import { useWorkspaceShortcuts } from './use-workspace-shortcuts';
import { StartConversationDialog } from '../start/start-conversation-dialog';
import { ActionRequestsProvider, useActionRequests } from './actions/action-requests';
import { OpenConversationProvider } from './open-conversation';

/** Supervisors and admins also reach monitoring and the admin console (with privacy in it). */
export type Screen = 'workspace' | 'monitoring' | 'admin';

/** Header, offline banner, the conversation list on the left and the open conversation. */
export function WorkspaceShell() {
  return (
    <ActionRequestsProvider>
      <ShellLayout />
    </ActionRequestsProvider>
  );
}

function ShellLayout() {
  const { session } = useWorkspace();
  const [screen, setScreen] = useState<Screen>('workspace');
  const [helpOpen, setHelpOpen] = useState(false);
  const [startOpen, setStartOpen] = useState(false);
  const list = useWorkspaceList();
  const requests = useActionRequests();
  const isSupervisor = supervises({
    ...session.agent,
    teamIds: [...session.agent.teamIds],
    permissions: [...session.agent.permissions],
  });
  const openConversation = (id: string) => {
    setScreen('workspace');
    list.select(id);
  };
  useDesktopIntegration({
    queued: list.queued,
    active: list.active,
    openConversationId: list.selectedId,
    onOpenConversation: openConversation,
  });
  useScreenPop(openConversation);
  useStoreNotices();
  useLossNotices(screen === 'workspace' ? list.selectedId : null);
  useSessionCheck();
  useWorkspaceShortcuts({
    takeNext: () => void list.takeNext(),
    openHelp: () => {
      setHelpOpen(true);
    },
    request: requests.request,
  });

  return (
    <OpenConversationProvider open={openConversation}>
      <AppShell
        header={{ height: 56 }}
        navbar={screen === 'workspace' ? { width: 380, breakpoint: 0 } : undefined}
        padding={0}
      >
        <AppShell.Header>
          <WorkspaceHeader
            screen={screen}
            onScreenChange={setScreen}
            isSupervisor={isSupervisor}
            onStartConversation={() => {
              setStartOpen(true);
            }}
            onHelp={() => {
              setHelpOpen(true);
            }}
          />
        </AppShell.Header>
        {screen === 'workspace' && (
          <AppShell.Navbar>
            <ConversationListPanel
              queued={list.queued}
              active={list.active}
              channels={list.channels}
              tab={list.tab}
              onTabChange={list.setTab}
              selectedId={list.selectedId}
              takingId={list.takingId}
              onActivate={(row) => void list.activate(row)}
            />
          </AppShell.Navbar>
        )}
        <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
          <OfflineBanner />
          <div style={{ flex: 1, minHeight: 0 }}>
            {screen === 'monitoring' ? (
              <MonitoringScreen />
            ) : screen === 'admin' ? (
              <AdminScreen />
            ) : list.selectedId === null ? (
              <EmptyConversation />
            ) : (
              <ConversationView key={list.selectedId} conversationId={list.selectedId} />
            )}
          </div>
        </AppShell.Main>
        <DialRequestDialog onOpenConversation={openConversation} />
        <ShortcutsHelp
          opened={helpOpen}
          onClose={() => {
            setHelpOpen(false);
          }}
        />
        <StartConversationDialog
          opened={startOpen}
          onClose={() => {
            setStartOpen(false);
          }}
          onOpenConversation={openConversation}
        />
      </AppShell>
    </OpenConversationProvider>
  );
}

function EmptyConversation() {
  const { t } = useTranslation();
  return (
    <Center h="100%" p="xl">
      <Stack align="center" gap="xs" maw={420}>
        <Icon name="inbox" size={48} style={{ opacity: 0.4 }} />
        <Title order={2} size="h4" ta="center">
          {t('conversation.empty')}
        </Title>
        <Text c="dimmed" size="sm" ta="center">
          {t('conversation.emptyHint')}
        </Text>
      </Stack>
    </Center>
  );
}
