import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminAgent } from '@atendo/shared/schemas/admin/agents';
import { Icon } from '../../../ui/icons';
import { useAdminAccess } from '../admin-access';
import { QueryState } from '../query-state';
import { useAdminQuery } from '../use-admin-query';
import { AgentsTable } from './agents-table';
import type { AgentAction } from './agent-row-menu';

/** Agents: who has an account, in which teams, with which role; invite and manage them. */
export function AgentsSection() {
  const { t } = useTranslation();
  const { canEdit } = useAdminAccess();
  const data = useAdminQuery(async (api) => {
    const [agents, teams] = await Promise.all([
      api.admin.agents.list.query(),
      api.admin.teams.list.query({}),
    ]);
    return { agents, teams };
  });
  const [dialog, setDialog] = useState<{
    action: AgentAction | 'invite';
    agent: AdminAgent | null;
  } | null>(null);
  return (
    <Stack gap="md">
      <Group>
        <Button
          leftSection={<Icon name="plus" size={16} />}
          disabled={!canEdit}
          onClick={() => {
            setDialog({ action: 'invite', agent: null });
          }}
        >
          {t('adminPeople.agents.invite')}
        </Button>
      </Group>
      <QueryState state={data.state}>
        {({ agents, teams }) => (
          <AgentsTable
            agents={agents}
            teams={teams}
            onAction={(action, agent) => {
              setDialog({ action, agent });
            }}
          />
        )}
      </QueryState>
      {dialog !== null && null}
    </Stack>
  );
}
