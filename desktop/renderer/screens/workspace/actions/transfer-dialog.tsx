import { Alert, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { useApiAction } from '../../../data/use-api-action';
import { useDirectory } from '../../../data/use-directory';
import { useWorkspace } from '../../../data/workspace-context';
import { agentOptions, useAgentOptionRenderer } from '../../../ui/agent-option';
import { DialogActions } from '../../../ui/dialog-actions';

export type TransferDialogProps = { conversation: DeepReadonly<Conversation>; onClose: () => void };

/** Hand the conversation to a team's queue, or straight to one agent of that team, with a note. */
export function TransferDialog({ conversation, onClose }: TransferDialogProps) {
  const { t } = useTranslation();
  const { api, session } = useWorkspace();
  const directory = useDirectory();
  const action = useApiAction();
  const [teamId, setTeamId] = useState<string | null>(conversation.teamId);
  const [agentId, setAgentId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const teams = [...directory.teams.values()].map((team) => ({ value: team.id, label: team.name }));
  const agents = agentOptions(
    [...directory.agents.values()].filter(
      (a) => a.id !== session.agent.id && (teamId === null || a.teamIds.includes(teamId)),
    ),
  );
  const renderAgent = useAgentOptionRenderer((id) => directory.agents.get(id)?.presence ?? null);

  const submit = async () => {
    if (teamId === null) return;
    const done = await action.run(
      () =>
        api.conversation.transfer.mutate({
          conversationId: conversation.id,
          toTeamId: teamId,
          toAgentId: agentId,
          note: note.trim() === '' ? null : note.trim(),
        }),
      t('transfer.done'),
    );
    if (done !== null) onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('transfer.title')}>
      <Stack>
        <Select
          label={t('transfer.team')}
          data={teams}
          value={teamId}
          onChange={(v) => {
            setTeamId(v);
            setAgentId(null);
          }}
          allowDeselect={false}
        />
        <Select
          label={t('transfer.agent')}
          placeholder={t('transfer.anyAgent')}
          data={agents}
          value={agentId}
          onChange={setAgentId}
          renderOption={renderAgent}
          clearable
          searchable
        />
        <Textarea
          label={t('transfer.note')}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
          }}
          autosize
          minRows={2}
          maxLength={1000}
        />
        {action.failureText !== null && (
          <Alert color="red" role="alert">
            {action.failureText}
          </Alert>
        )}
        <DialogActions
          confirmLabel={t('transfer.submit')}
          onConfirm={() => void submit()}
          onCancel={onClose}
          pending={action.pending}
          disabled={teamId === null}
        />
      </Stack>
    </Modal>
  );
}
