import { Select, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelDraft } from './channel-draft';

/** What every channel has: its name, the team new conversations go to, and its direction. */
export function GeneralFields(props: {
  draft: ChannelDraft;
  teams: readonly { value: string; label: string }[];
  error: (path: string) => string | undefined;
  onChange: (patch: Partial<ChannelDraft>) => void;
}) {
  const { t } = useTranslation();
  const { draft } = props;
  return (
    <Stack gap="sm">
      <TextInput
        label={t('adminPeople.channels.name')}
        placeholder={
          draft.kind === 'whatsapp'
            ? t('adminPeople.channels.namePlaceholderWhatsapp')
            : t('adminPeople.channels.namePlaceholderWebchat')
        }
        value={draft.name}
        onChange={(e) => {
          props.onChange({ name: e.currentTarget.value });
        }}
        error={props.error('name')}
        required
        data-autofocus
      />
      <Select
        label={t('adminPeople.channels.defaultTeam')}
        description={t('adminPeople.channels.defaultTeamHint')}
        placeholder={t('adminPeople.bot.teamPlaceholder')}
        data={props.teams}
        value={draft.defaultTeamId}
        onChange={(defaultTeamId) => {
          props.onChange({ defaultTeamId });
        }}
        error={props.error('defaultTeamId')}
        required
      />
      <Switch
        label={t('adminPeople.channels.inboundOnly')}
        description={t('adminPeople.channels.inboundOnlyHint')}
        checked={draft.inboundOnly}
        onChange={(e) => {
          props.onChange({ inboundOnly: e.currentTarget.checked });
        }}
      />
    </Stack>
  );
}
