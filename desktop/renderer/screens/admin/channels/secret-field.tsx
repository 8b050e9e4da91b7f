import { Badge, Button, Group, Input, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SecretState } from '@atendo/shared/schemas/admin/common';

const COLOR = { set: 'green', env: 'blue', 'not-set': 'orange' } as const;

/**
 * A write-only secret: the server only says whether it is stored, never its value; typing in
 * "Substituir" replaces it on save, leaving it empty keeps it.
 */
export function SecretField(props: {
  label: string;
  hint: string;
  state: SecretState;
  /** Null: the stored secret is removed on save. */
  value: string | null;
  error?: string;
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Input.Label>{props.label}</Input.Label>
        <Badge size="sm" variant="light" color={COLOR[props.state]} data-testid="secret-state">
          {t(`adminPeople.channels.secret.${props.state}`)}
        </Badge>
        {props.state === 'set' && props.value !== null && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            aria-label={t('adminPeople.channels.secret.removeOf', { label: props.label })}
            onClick={() => {
              props.onChange(null);
            }}
          >
            {t('adminPeople.channels.secret.remove')}
          </Button>
        )}
      </Group>
      {props.value === null ? (
        <Group gap="xs">
          <Text size="sm" c="orange" data-testid="secret-removed">
            {t('adminPeople.channels.secret.removed')}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => {
              props.onChange('');
            }}
          >
            {t('adminPeople.channels.secret.undo')}
          </Button>
        </Group>
      ) : (
        <PasswordInput
          aria-label={t('adminPeople.channels.secret.replaceOf', { label: props.label })}
          placeholder={
            props.state === 'not-set'
              ? t('adminPeople.channels.secret.enter')
              : t('adminPeople.channels.secret.replace')
          }
          description={props.hint}
          value={props.value}
          onChange={(e) => {
            props.onChange(e.currentTarget.value);
          }}
          error={props.error}
          autoComplete="off"
        />
      )}
    </Stack>
  );
}
