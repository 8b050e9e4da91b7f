import { Badge, Group, Input, PasswordInput, Stack } from '@mantine/core';
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
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Input.Label>{props.label}</Input.Label>
        <Badge size="sm" variant="light" color={COLOR[props.state]} data-testid="secret-state">
          {t(`adminPeople.channels.secret.${props.state}`)}
        </Badge>
      </Group>
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
    </Stack>
  );
}
