import { ActionIcon, Loader, Menu, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '../../../api/api-error';
import { useDirectory } from '../../../data/use-directory';
import { useWorkspace } from '../../../data/workspace-context';
import { errorText } from '../../../i18n/error-text';
import { Icon } from '../../../ui/icons';

type Other = { id: string; channelId: string; state: string };

/** The same contact's conversations on other channels, fetched when the menu opens. */
export function OtherChannelsMenu({
  contactId,
  channelId,
}: {
  contactId: string;
  channelId: string;
}) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const directory = useDirectory();
  const [items, setItems] = useState<Other[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = async () => {
    setItems(null);
    setFailure(null);
    try {
      const result = await api.conversation.otherChannels.query({
        contactId,
        exceptChannelId: channelId,
      });
      setItems(result.map((c) => ({ id: c.id, channelId: c.channelId, state: c.state })));
    } catch (error) {
      setFailure(errorText(t, describeApiError(error)));
    }
  };
  return (
    <Menu position="bottom-end" withinPortal onOpen={() => void load()}>
      <Menu.Target>
        <Tooltip label={t('actions.otherChannels')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('actions.otherChannels')}
          >
            <Icon name="channels" />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('actions.otherChannels')}</Menu.Label>
        {failure !== null && (
          <Text size="sm" c="red" p="xs">
            {failure}
          </Text>
        )}
        {items === null && failure === null && <Loader size="xs" m="xs" />}
        {items?.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {t('actions.noOtherChannels')}
          </Text>
        )}
        {items?.map((c) => (
          <Menu.Item key={c.id}>
            {directory.channels.get(c.channelId)?.name ?? c.channelId} —{' '}
            {t(`state.${c.state as 'active'}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
