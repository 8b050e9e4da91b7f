import {
  ActionIcon,
  Button,
  Group,
  Menu,
  SegmentedControl,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../data/workspace-context';
import { SignOutDialog } from '../../session/sign-out-dialog';
import { BrandMark } from '../../ui/brand-mark';
import { Icon } from '../../ui/icons';
import { PreferencesControls } from '../../ui/preferences-controls';
import { PresenceMenu } from './presence-menu';
import { NotificationPermissionButton } from './notification-permission-button';
import type { Screen } from './workspace-shell';

export type WorkspaceHeaderProps = {
  screen: Screen;
  onScreenChange: (screen: Screen) => void;
  isSupervisor: boolean;
  onStartConversation: () => void;
  onHelp: () => void;
};

export function WorkspaceHeader(props: WorkspaceHeaderProps) {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const [signingOut, setSigningOut] = useState(false);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="lg" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <BrandMark size={28} />
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
        </Group>
        {props.isSupervisor && (
          <SegmentedControl
            aria-label={t('header.navigation')}
            value={props.screen}
            onChange={(value) => {
              props.onScreenChange(
                value === 'monitoring' || value === 'admin' ? value : 'workspace',
              );
            }}
            data={[
              { value: 'workspace', label: t('header.workspace') },
              { value: 'monitoring', label: t('header.monitoring') },
              { value: 'admin', label: t('adminConsole.nav') },
            ]}
          />
        )}
      </Group>
      {/* Buttons keep their labels whole; a long name is what gives way (shown whole on hover). */}
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <NotificationPermissionButton />
        <Button
          leftSection={<Icon name="plus" size={16} />}
          variant="light"
          onClick={props.onStartConversation}
          style={{ flexShrink: 0 }}
        >
          {t('header.startConversation')}
        </Button>
        <PresenceMenu />
        <PreferencesControls />
        <Tooltip label={`${t('app.help')} (?)`}>
          <ActionIcon variant="default" size="lg" aria-label={t('app.help')} onClick={props.onHelp}>
            <Icon name="keyboard" />
          </ActionIcon>
        </Tooltip>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <UnstyledButton
              aria-label={t('header.account', { name: session.agent.name })}
              title={session.agent.name}
              style={{ minWidth: 0 }}
            >
              <Text size="sm" fw={500} truncate="end" maw={150}>
                {session.agent.name}
              </Text>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{session.agent.email}</Menu.Label>
            <Menu.Item
              leftSection={<Icon name="logout" size={16} />}
              onClick={() => {
                setSigningOut(true);
              }}
            >
              {t('app.logout')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <SignOutDialog
          opened={signingOut}
          onClose={() => {
            setSigningOut(false);
          }}
        />
      </Group>
    </Group>
  );
}
