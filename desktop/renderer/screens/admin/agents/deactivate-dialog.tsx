import { Alert, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminAgent } from '@atendo/shared/schemas/admin/agents';
import { useApiAction } from '../../../data/use-api-action';
import { useWorkspace } from '../../../data/workspace-context';
import { DialogActions } from '../../../ui/dialog-actions';
import { useNotify } from '../../../ui/notices';

/** Deactivating ends the agent's work at once, so the admin reads what happens first. */
export function DeactivateDialog(props: {
  agent: AdminAgent;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const notify = useNotify();
  const action = useApiAction();
  const { agent } = props;
  const confirm = async () => {
    const result = await action.run(() =>
      api.admin.agents.deactivate.mutate({ agentId: agent.id }),
    );
    if (result === null) return;
    notify({
      tone: 'success',
      title: t('adminPeople.deactivate.done', { name: agent.name }),
      text: t('adminPeople.deactivate.doneText', {
        count: result.requeuedConversationIds.length,
        sessions: result.revokedSessions,
      }),
    });
    props.onDone();
  };
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('adminPeople.deactivate.title', { name: agent.name })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('adminPeople.deactivate.intro')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('adminPeople.deactivate.sessions')}</List.Item>
          <List.Item>{t('adminPeople.deactivate.queue')}</List.Item>
          <List.Item>{t('adminPeople.deactivate.kept')}</List.Item>
        </List>
        {action.failureText !== null && (
          <Alert color="red" role="alert">
            {action.failureText}
          </Alert>
        )}
        <DialogActions
          confirmLabel={t('adminPeople.deactivate.submit')}
          onConfirm={() => void confirm()}
          onCancel={props.onClose}
          pending={action.pending}
          danger
        />
      </Stack>
    </Modal>
  );
}
