import { Badge, Menu, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Presence } from '@atendo/shared/schemas/agent';
import { usePresence } from '../../data/presence-context';
import { useApiAction } from '../../data/use-api-action';
import { useConnected } from '../../data/use-online';
import { useWorkspace } from '../../data/workspace-context';

const COLORS: Record<Presence, string> = { available: 'green', away: 'yellow', offline: 'gray' };

/** The agent's presence: available agents receive queue notifications, away ones do not. */
export function PresenceMenu() {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const action = useApiAction();
  const { presence, setPresence } = usePresence();
  const connected = useConnected();
  const change = async (next: Extract<Presence, 'available' | 'away'>) => {
    const done = await action.runOrNotify(
      () => api.auth.setPresence.mutate({ presence: next }),
      t('presence.change'),
    );
    if (done !== null) setPresence(next);
  };
  // Offline, the server cannot route anything to this agent whatever they chose: say so
  // instead of claiming "Disponível".
  if (!connected) {
    return (
      <Tooltip label={t('seat.noConnectionHint')} multiline w={260}>
        <Badge
          variant="dot"
          color="red"
          size="lg"
          style={{ flexShrink: 0 }}
          role="status"
          aria-label={`${t('presence.change')}: ${t('seat.noConnection')}`}
          data-testid="presence-status"
          data-presence="no-connection"
        >
          {t('seat.noConnection')}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <UnstyledButton
          aria-label={`${t('presence.change')}: ${t(`presence.${presence}`)}`}
          style={{ flexShrink: 0 }}
        >
          <Badge
            variant="dot"
            color={COLORS[presence]}
            size="lg"
            style={{ cursor: 'pointer' }}
            data-testid="presence-status"
            data-presence={presence}
          >
            {t(`presence.${presence}`)}
          </Badge>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {(['available', 'away'] as const).map((p) => (
          <Menu.Item
            key={p}
            onClick={() => void change(p)}
            leftSection={
              <Badge variant="dot" color={COLORS[p]} size="xs">
                {' '}
              </Badge>
            }
          >
            {t(`presence.${p}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
