import { Alert, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { useApiAction } from '../../../data/use-api-action';
import { useDirectory } from '../../../data/use-directory';
import { useWorkspace } from '../../../data/workspace-context';
import { agentOptions, useAgentOptionRenderer } from '../../../ui/agent-option';
import { DialogActions } from '../../../ui/dialog-actions';
import { ParticipantList } from './participant-list';

export type InviteDialogProps = { conversation: DeepReadonly<Conversation>; onClose: () => void };

/** Invite other agents into the live conversation; each of their messages is signed with their name. */
export function InviteDialog({ conversation, onClose }: InviteDialogProps) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const directory = useDirectory();
  const action = useApiAction();
  const [agentIds, setAgentIds] = useState<string[]>([]);
  const excluded = new Set([conversation.ownerId, ...conversation.participantIds]);
  const agents = agentOptions([...directory.agents.values()].filter((a) => !excluded.has(a.id)));
  const renderAgent = useAgentOptionRenderer((id) => directory.agents.get(id)?.presence ?? null);

  const submit = async () => {
    const done = await action.run(async () => {
      for (const agentId of agentIds) {
        await api.conversation.invite.mutate({ conversationId: conversation.id, agentId });
      }
      return true;
    });
    if (done !== null) onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('invite.title')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('invite.hint')}
        </Text>
        <ParticipantList conversation={conversation} />
        <MultiSelect
          label={t('invite.agents')}
          data={agents}
          value={agentIds}
          onChange={setAgentIds}
          renderOption={renderAgent}
          searchable
        />
        {action.failureText !== null && (
          <Alert color="red" role="alert">
            {action.failureText}
          </Alert>
        )}
        <DialogActions
          confirmLabel={t('invite.submit')}
          onConfirm={() => void submit()}
          onCancel={onClose}
          pending={action.pending}
          disabled={agentIds.length === 0}
        />
      </Stack>
    </Modal>
  );
}
