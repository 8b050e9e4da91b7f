import { ColorInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminChannel } from '@atendo/shared/schemas/admin/channels';
import { Locale } from '@atendo/shared/schemas/common';
import { CopyValue } from '../copy-value';
import type { ChannelDraft } from './channel-draft';
import { PreChatFieldsEditor } from './prechat-fields-editor';

/** A web chat's key, allowed sites, look, greeting, pre-chat form and the code to embed. */
export function WebchatFields(props: {
  draft: ChannelDraft;
  channel: AdminChannel | null;
  error: (path: string) => string | undefined;
  onChange: (patch: Partial<ChannelDraft>) => void;
}) {
  const { t } = useTranslation();
  const { draft, channel } = props;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2}>
        <TextInput
          label={t('adminPeople.channels.key')}
          description={t('adminPeople.channels.keyHint')}
          value={draft.key}
          disabled={channel !== null}
          onChange={(e) => {
            props.onChange({ key: e.currentTarget.value });
          }}
          error={props.error('key')}
          required
        />
        <Select
          label={t('adminPeople.channels.language')}
          data={Locale.options.map((locale) => ({
            value: locale,
            label: t(`adminPeople.channels.languages.${locale}`),
          }))}
          value={draft.language}
          allowDeselect={false}
          onChange={(value) => {
            const parsed = Locale.safeParse(value);
            if (parsed.success) props.onChange({ language: parsed.data });
          }}
        />
      </SimpleGrid>
      <Textarea
        label={t('adminPeople.channels.origins')}
        description={t('adminPeople.channels.originsHint')}
        placeholder="https://www.suaempresa.com.br"
        autosize
        minRows={2}
        value={draft.allowedOrigins}
        onChange={(e) => {
          props.onChange({ allowedOrigins: e.currentTarget.value });
        }}
        error={props.error('webchat.allowedOrigins')}
      />
      <SimpleGrid cols={2}>
        <ColorInput
          label={t('adminPeople.channels.primaryColor')}
          format="hex"
          eyeDropperButtonProps={{
            'aria-label': t('adminPeople.channels.eyeDropper', {
              label: t('adminPeople.channels.primaryColor'),
            }),
          }}
          value={draft.primaryColor}
          onChange={(primaryColor) => {
            props.onChange({ primaryColor });
          }}
          error={props.error('webchat.colors.primary')}
        />
        <ColorInput
          label={t('adminPeople.channels.textColor')}
          format="hex"
          eyeDropperButtonProps={{
            'aria-label': t('adminPeople.channels.eyeDropper', {
              label: t('adminPeople.channels.textColor'),
            }),
          }}
          value={draft.textColor}
          onChange={(textColor) => {
            props.onChange({ textColor });
          }}
          error={props.error('webchat.colors.text')}
        />
      </SimpleGrid>
      <Textarea
        label={t('adminPeople.channels.greeting')}
        description={t('adminPeople.channels.greetingHint')}
        autosize
        minRows={2}
        value={draft.greeting}
        onChange={(e) => {
          props.onChange({ greeting: e.currentTarget.value });
        }}
        error={props.error('webchat.greeting')}
      />
      <PreChatFieldsEditor
        fields={draft.preChatFields}
        error={props.error}
        onChange={(preChatFields) => {
          props.onChange({ preChatFields });
        }}
      />
      {channel?.embedSnippet ? (
        <>
          <CopyValue
            label={t('adminPeople.channels.snippet')}
            value={channel.embedSnippet}
            block
            testId="embed-snippet"
          />
          <Text size="xs" c="dimmed">
            {t('adminPeople.channels.snippetHint')}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('adminPeople.channels.snippetAfterSave')}
        </Text>
      )}
    </Stack>
  );
}
