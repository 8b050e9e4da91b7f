import {
  Badge,
  Group,
  Text,
  type ComboboxItem,
  type ComboboxLikeRenderOptionInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Agent, Presence } from '@atendo/shared/schemas/agent';

export const PRESENCE_COLORS: Record<Presence, string> = {
  available: 'green',
  away: 'yellow',
  offline: 'gray',
};

const RANK: Record<Presence, number> = { available: 0, away: 1, offline: 2 };

/** Agents for a picker, available first, then by name; the presence rides along for display. */
export function agentOptions(agents: Iterable<DeepReadonly<Agent>>) {
  return [...agents]
    .sort((a, b) => RANK[a.presence] - RANK[b.presence] || a.name.localeCompare(b.name))
    .map((a) => ({ value: a.id, label: a.name, presence: a.presence }));
}

/**
 * One agent in a picker (invite, transfer): the name, and their presence as a word and a dot,
 * so the agent sees who can answer now before handing anyone a conversation.
 */
export function useAgentOptionRenderer(presenceOf: (agentId: string) => Presence | null) {
  const { t } = useTranslation();
  return ({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) => {
    const presence = presenceOf(option.value);
    return (
      <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
        <Text size="sm">{option.label}</Text>
        {presence !== null && (
          <Badge
            size="xs"
            variant="dot"
            color={PRESENCE_COLORS[presence]}
            data-testid="agent-presence"
          >
            {t(`presence.${presence}`)}
          </Badge>
        )}
      </Group>
    );
  };
}
