import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminAgent, TemporaryPasswordResult } from '@atendo/shared/schemas/admin/agents';
import { useApiAction } from '../../../data/use-api-action';
import { useWorkspace } from '../../../data/workspace-context';
import { Icon } from '../../../ui/icons';
import { useNotify } from '../../../ui/notices';
import { useAdminAccess } from '../admin-access';
import { QueryState } from '../query-state';
import { useAdminQuery } from '../use-admin-query';
import { AgentFormDialog } from './agent-form-dialog';
import type { AgentAction } from './agent-row-menu';
import { AgentsTable } from './agents-table';
import { DeactivateDialog } from './deactivate-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';
import { TemporaryPasswordDialog } from './temporary-password-dialog';

type Dialog =
  | { kind: 'invite' }
  | { kind: 'edit' | 'deactivate' | 'reset-password'; agent: AdminAgent }
  | { kind: 'password'; result: TemporaryPasswordResult; reason: 'invite' | 'reset' };

/** Agents: who has an account, in which teams, with which role; invite and manage them. */
export function AgentsSection() {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const { canEdit } = useAdminAccess();
  const notify = useNotify();
  const reactivate = useApiAction();
  const data = useAdminQuery(async (client) => {
    const [agents, teams] = await Promise.all([
      client.admin.agents.list.query(),
      client.admin.teams.list.query({}),
    ]);
    return { agents, teams };
  });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => {
    setDialog(null);
  };
  const changed = () => {
    setDialog(null);
    data.reload();
  };
  const onAction = async (action: AgentAction, agent: AdminAgent) => {
    if (action !== 'reactivate') {
      setDialog({ kind: action, agent });
      return;
    }
    const done = await reactivate.runOrNotify(
      () => api.admin.agents.reactivate.mutate({ agentId: agent.id }),
      t('adminPeople.agents.reactivateFailed'),
    );
    if (done === null) return;
    notify({
      tone: 'success',
      title: t('adminPeople.agents.reactivated', { name: agent.name }),
      text: '',
    });
    data.reload();
  };
  const teams = data.state.status === 'ok' ? data.state.data.teams : [];
  return (
    <Stack gap="md">
      <Group>
        <Button
          leftSection={<Icon name="plus" size={16} />}
          disabled={!canEdit}
          onClick={() => {
            setDialog({ kind: 'invite' });
          }}
        >
          {t('adminPeople.agents.invite')}
        </Button>
      </Group>
      <QueryState state={data.state}>
        {(loaded) => (
          <AgentsTable
            agents={loaded.agents}
            teams={loaded.teams}
            onAction={(action, agent) => void onAction(action, agent)}
          />
        )}
      </QueryState>
      {(dialog?.kind === 'invite' || dialog?.kind === 'edit') && (
        <AgentFormDialog
          agent={dialog.kind === 'edit' ? dialog.agent : null}
          teams={teams}
          onInvited={(result) => {
            data.reload();
            setDialog({ kind: 'password', result, reason: 'invite' });
          }}
          onClose={dialog.kind === 'edit' ? changed : close}
        />
      )}
      {dialog?.kind === 'deactivate' && (
        <DeactivateDialog agent={dialog.agent} onDone={changed} onClose={close} />
      )}
      {dialog?.kind === 'reset-password' && (
        <ResetPasswordDialog
          agent={dialog.agent}
          onReset={(result) => {
            data.reload();
            setDialog({ kind: 'password', result, reason: 'reset' });
          }}
          onClose={close}
        />
      )}
      {dialog?.kind === 'password' && (
        <TemporaryPasswordDialog result={dialog.result} reason={dialog.reason} onClose={close} />
      )}
    </Stack>
  );
}
