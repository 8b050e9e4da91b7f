import { Button, Code, CopyButton, Group, Input, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A value to paste elsewhere (a password, a webhook URL, a snippet) with its copy button. */
export function CopyValue(props: {
  label: string;
  value: string;
  block?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Input.Label>{props.label}</Input.Label>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code
          block={props.block}
          data-testid={props.testId}
          style={{
            flex: 1,
            wordBreak: 'break-all',
            whiteSpace: props.block ? 'pre-wrap' : undefined,
          }}
        >
          {props.value}
        </Code>
        <CopyButton value={props.value}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'green' : undefined}
              onClick={copy}
              aria-label={t('adminPeople.copyOf', { label: props.label })}
            >
              {copied ? t('adminPeople.copied') : t('adminPeople.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
