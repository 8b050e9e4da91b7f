import { SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminChannel } from '@atendo/shared/schemas/admin/channels';
import { CopyValue } from '../copy-value';
import type { ChannelDraft, SecretName } from './channel-draft';
import { ConnectionTest } from './connection-test';
import { SecretField } from './secret-field';

const SECRETS: readonly SecretName[] = ['accessToken', 'appSecret', 'verifyToken'];

/** A WhatsApp number's Meta ids, its write-only secrets, the webhook URL and the test. */
export function WhatsAppFields(props: {
  draft: ChannelDraft;
  channel: AdminChannel | null;
  error: (path: string) => string | undefined;
  onChange: (patch: Partial<ChannelDraft>) => void;
  dirty: boolean;
}) {
  const { t } = useTranslation();
  const { draft, channel } = props;
  const stored = channel?.whatsapp ?? null;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2}>
        <TextInput
          label={t('adminPeople.channels.phoneNumberId')}
          description={t('adminPeople.channels.phoneNumberIdHint')}
          value={draft.phoneNumberId}
          onChange={(e) => {
            props.onChange({ phoneNumberId: e.currentTarget.value });
          }}
          error={props.error('phoneNumberId')}
          required
        />
        <TextInput
          label={t('adminPeople.channels.wabaId')}
          description={t('adminPeople.channels.wabaIdHint')}
          value={draft.wabaId}
          onChange={(e) => {
            props.onChange({ wabaId: e.currentTarget.value });
          }}
          error={props.error('wabaId')}
        />
      </SimpleGrid>
      <Switch
        label={t('adminPeople.channels.authorPrefix')}
        description={t('adminPeople.channels.authorPrefixHint')}
        checked={draft.authorPrefix}
        onChange={(e) => {
          props.onChange({ authorPrefix: e.currentTarget.checked });
        }}
      />
      {SECRETS.map((name) => (
        <SecretField
          key={name}
          label={t(`adminPeople.channels.secrets.${name}`)}
          hint={t(`adminPeople.channels.secrets.${name}Hint`)}
          state={stored?.secrets[name] ?? 'not-set'}
          value={draft.secrets[name]}
          error={props.error(`secrets.${name}`)}
          onChange={(value) => {
            props.onChange({ secrets: { ...draft.secrets, [name]: value } });
          }}
        />
      ))}
      {stored === null || channel === null ? (
        <Text size="sm" c="dimmed">
          {t('adminPeople.channels.webhookAfterSave')}
        </Text>
      ) : (
        <>
          <CopyValue
            label={t('adminPeople.channels.webhookUrl')}
            value={stored.webhookUrl}
            testId="webhook-url"
          />
          <Text size="xs" c="dimmed">
            {t('adminPeople.channels.webhookHint')}
          </Text>
          <ConnectionTest channelId={channel.id} dirty={props.dirty} />
        </>
      )}
    </Stack>
  );
}
