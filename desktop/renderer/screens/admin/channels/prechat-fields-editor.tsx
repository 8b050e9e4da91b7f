import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Input,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PreChatField } from '@atendo/shared/schemas/admin/channels';
import { Icon } from '../../../ui/icons';

const MAX_FIELDS = 10;
const TYPES = PreChatField.shape.type.options;

/** The pre-chat form's extra questions (name and e-mail are always asked). */
export function PreChatFieldsEditor(props: {
  fields: PreChatField[];
  error: (path: string) => string | undefined;
  onChange: (fields: PreChatField[]) => void;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<PreChatField>) => {
    props.onChange(props.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  };
  return (
    <Stack gap="xs">
      <div>
        <Input.Label>{t('adminPeople.channels.preChat.title')}</Input.Label>
        <Input.Description>{t('adminPeople.channels.preChat.hint')}</Input.Description>
      </div>
      {props.fields.map((field, index) => {
        const at = `webchat.preChatFields.${index}`;
        return (
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap" data-testid="prechat-field">
            <TextInput
              aria-label={t('adminPeople.channels.preChat.label')}
              placeholder={t('adminPeople.channels.preChat.label')}
              value={field.label}
              onChange={(e) => {
                update(index, { label: e.currentTarget.value });
              }}
              error={props.error(`${at}.label`)}
              style={{ flex: 2 }}
            />
            <TextInput
              aria-label={t('adminPeople.channels.preChat.key')}
              placeholder={t('adminPeople.channels.preChat.key')}
              value={field.key}
              onChange={(e) => {
                update(index, { key: e.currentTarget.value });
              }}
              error={props.error(`${at}.key`)}
              style={{ flex: 1 }}
            />
            <Select
              aria-label={t('adminPeople.channels.preChat.type')}
              data={TYPES.map((type) => ({
                value: type,
                label: t(`adminPeople.channels.preChat.types.${type}`),
              }))}
              value={field.type}
              allowDeselect={false}
              onChange={(value) => {
                const type = TYPES.find((option) => option === value);
                if (type !== undefined) update(index, { type });
              }}
              w={130}
            />
            <Checkbox
              mt={8}
              label={t('adminPeople.channels.preChat.required')}
              checked={field.required}
              onChange={(e) => {
                update(index, { required: e.currentTarget.checked });
              }}
            />
            <ActionIcon
              mt={4}
              variant="subtle"
              color="gray"
              aria-label={t('adminPeople.channels.preChat.remove', { label: field.label })}
              onClick={() => {
                props.onChange(props.fields.filter((_, i) => i !== index));
              }}
            >
              <Icon name="close" size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<Icon name="plus" size={14} />}
          disabled={props.fields.length >= MAX_FIELDS}
          onClick={() => {
            props.onChange([
              ...props.fields,
              { key: '', label: '', type: 'text', required: false },
            ]);
          }}
        >
          {t('adminPeople.channels.preChat.add')}
        </Button>
      </Group>
    </Stack>
  );
}
