import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import { canRemoveParticipant } from '@atendo/shared/rules/participants';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import { accessOf } from '../../../data/access';
import { useApiAction } from '../../../data/use-api-action';
import { useDirectory } from '../../../data/use-directory';
import { useActor, useWorkspace } from '../../../data/workspace-context';
import { PRESENCE_COLORS } from '../../../ui/agent-option';

/**
 * Who collaborates in the conversation now, with their presence; the owner (or a supervisor)
 * can remove each, by the same shared rule the server applies.
 */
export function ParticipantList({ conversation }: { conversation: DeepReadonly<Conversation> }) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const actor = useActor();
  const directory = useDirectory();
  const action = useApiAction();
  const remove = async (agentId: string) => {
    await action.runOrNotify(
      async () => {
        await api.conversation.removeParticipant.mutate({
          conversationId: conversation.id,
          agentId,
        });
      },
      t('seat.removeParticipant', { name: directory.agents.get(agentId)?.name ?? agentId }),
    );
  };
  return (
    <Stack gap={4} role="group" aria-label={t('seat.participants')}>
      <Text size="sm" fw={500}>
        {t('seat.participants')}
      </Text>
      {conversation.participantIds.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('seat.noParticipants')}
        </Text>
      )}
      {conversation.participantIds.map((id) => {
        const agent = directory.agents.get(id);
        const name = agent?.name ?? id;
        return (
          <Group key={id} justify="space-between" wrap="nowrap" data-testid="participant">
            <Group gap="xs" wrap="nowrap">
              <Text size="sm">{name}</Text>
              {agent !== undefined && (
                <Badge size="xs" variant="dot" color={PRESENCE_COLORS[agent.presence]}>
                  {t(`presence.${agent.presence}`)}
                </Badge>
              )}
            </Group>
            {canRemoveParticipant(actor, accessOf(conversation), id).ok && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                loading={action.pending}
                onClick={() => void remove(id)}
              >
                {t('seat.removeParticipant', { name })}
              </Button>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
