import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminAgent, TemporaryPasswordResult } from '@atendo/shared/schemas/admin/agents';
import { useApiAction } from '../../../data/use-api-action';
import { useWorkspace } from '../../../data/workspace-context';
import { DialogActions } from '../../../ui/dialog-actions';

/** Asks before replacing the agent's password; the new temporary one is shown next. */
export function ResetPasswordDialog(props: {
  agent: AdminAgent;
  onReset: (result: TemporaryPasswordResult) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const action = useApiAction();
  const confirm = async () => {
    const result = await action.run(
      () => api.admin.agents.resetPassword.mutate({ agentId: props.agent.id }),
      t('adminPeople.reset.done', { name: props.agent.name }),
    );
    if (result !== null) props.onReset(result);
  };
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('adminPeople.reset.title', { name: props.agent.name })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('adminPeople.reset.intro')}</Text>
        {action.failureText !== null && (
          <Alert color="red" role="alert">
            {action.failureText}
          </Alert>
        )}
        <DialogActions
          confirmLabel={t('adminPeople.reset.submit')}
          onConfirm={() => void confirm()}
          onCancel={props.onClose}
          pending={action.pending}
        />
      </Stack>
    </Modal>
  );
}
