import { ActionIcon, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminAgent } from '@atendo/shared/schemas/admin/agents';
import { Icon } from '../../../ui/icons';
import { useAdminAccess } from '../admin-access';

export type AgentAction = 'edit' | 'reset-password' | 'deactivate' | 'reactivate';

/** One agent's actions; supervisors see them disabled. */
export function AgentRowMenu(props: {
  agent: AdminAgent;
  onAction: (action: AgentAction, agent: AdminAgent) => void;
}) {
  const { t } = useTranslation();
  const { canEdit } = useAdminAccess();
  const { agent } = props;
  const item = (action: AgentAction, label: string, danger = false) => (
    <Menu.Item
      color={danger ? 'red' : undefined}
      disabled={!canEdit}
      onClick={() => {
        props.onAction(action, agent);
      }}
    >
      {label}
    </Menu.Item>
  );
  return (
    <Menu withinPortal position="bottom-end">
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('adminPeople.agents.actionsFor', { name: agent.name })}
        >
          <Icon name="dots" size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {item('edit', t('adminPeople.agents.edit'))}
        {agent.active && item('reset-password', t('adminPeople.agents.resetPassword'))}
        {agent.active
          ? item('deactivate', t('adminPeople.agents.deactivate'), true)
          : item('reactivate', t('adminPeople.agents.reactivate'))}
      </Menu.Dropdown>
    </Menu>
  );
}
