import { ActionIcon, Checkbox, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Conversation } from '@atendo/shared/schemas/conversation';
import type { Tag } from '@atendo/shared/schemas/catalog';
import { useApiAction } from '../../../data/use-api-action';
import { useObservable } from '../../../data/use-observable';
import { useWorkspace } from '../../../data/workspace-context';
import { Icon } from '../../../ui/icons';

const NONE: DeepReadonly<Tag>[] = [];

/** The team's tags as checkboxes; a tag is internal and never reaches the contact. */
export function TagsMenu({ conversation }: { conversation: DeepReadonly<Conversation> }) {
  const { t } = useTranslation();
  const { api, store } = useWorkspace();
  const action = useApiAction();
  const tags = useObservable(() => store.tagsForTeam$(conversation.teamId), NONE, [
    store,
    conversation.teamId,
  ]);
  const toggle = async (tag: DeepReadonly<Tag>, on: boolean) => {
    const input = { conversationId: conversation.id, tagId: tag.id };
    await action.runOrNotify(
      () => (on ? api.conversation.addTag.mutate(input) : api.conversation.removeTag.mutate(input)),
      t('tags.title'),
    );
  };
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Tooltip label={t('actions.tags')}>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('actions.tags')}>
            <Icon name="tag" />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label={t('tags.title')}>
          <Text size="sm" fw={600}>
            {t('tags.title')}
          </Text>
          {tags.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('tags.none')}
            </Text>
          )}
          {tags.map((tag) => (
            <Checkbox
              key={tag.id}
              label={tag.name}
              color={tag.color}
              checked={conversation.tagIds.includes(tag.id)}
              disabled={action.pending}
              onChange={(e) => void toggle(tag, e.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
