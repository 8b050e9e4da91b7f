import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Team } from '@atendo/shared/schemas/team';
import {
  dispositionPath,
  dispositionTree,
  selectableDispositions,
} from '@atendo/shared/rules/close-conversation';
import { useApiAction } from '../../../data/use-api-action';
import { useDispositions } from '../../../data/use-collections';
import { useWorkspace } from '../../../data/workspace-context';
import { DispositionPicker } from './disposition-picker';
import { DialogActions } from '../../../ui/dialog-actions';

export type CloseDialogProps = {
  conversation: DeepReadonly<Conversation>;
  team: DeepReadonly<Team> | null;
  onClose: () => void;
};

/** "Finalizar atendimento": the team's tabulação when it requires one, then CSAT if enabled. */
export function CloseDialog({ conversation, team, onClose }: CloseDialogProps) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const action = useApiAction();
  const dispositions = useDispositions(conversation.teamId);
  const [dispositionId, setDispositionId] = useState<string | null>(null);
  const tree = dispositionTree(dispositions);
  // Same reading as the shared closeDecision: the requirement binds only when something is pickable.
  const required =
    (team?.settings.dispositionRequired ?? false) &&
    selectableDispositions(dispositions).length > 0;
  const path = dispositionId === null ? [] : dispositionPath(dispositions, dispositionId);

  const submit = async () => {
    const done = await action.run(() =>
      api.conversation.close.mutate({ conversationId: conversation.id, dispositionId }),
    );
    if (done !== null) onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('close.title')}>
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {required ? t('close.disposition') : t('close.optional')}
        </Text>
        {required && (
          <Text size="xs" c="dimmed">
            {t('close.required')}
          </Text>
        )}
        {tree.length > 0 && (
          <DispositionPicker tree={tree} value={dispositionId} onChange={setDispositionId} />
        )}
        {path.length > 0 && (
          <Text size="sm" data-testid="chosen-disposition">
            {t('close.chosen', { path: path.join(' › ') })}
          </Text>
        )}
        {team?.settings.csatEnabled === true && (
          <Text size="xs" c="dimmed">
            {t('close.csat')}
          </Text>
        )}
        {action.failureText !== null && (
          <Alert color="red" role="alert">
            {action.failureText}
          </Alert>
        )}
        <DialogActions
          confirmLabel={t('close.submit')}
          onConfirm={() => void submit()}
          onCancel={onClose}
          pending={action.pending}
          disabled={required && dispositionId === null}
          danger
        />
      </Stack>
    </Modal>
  );
}
