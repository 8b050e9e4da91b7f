import {
  Alert,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RETENTION_OFF, type RetentionSettings } from '@atendo/shared/rules/retention';
import { useApiAction } from '../../data/use-api-action';
import { useApiQuery } from '../../data/use-api-query';
import { useWorkspace } from '../../data/workspace-context';
import { errorText } from '../../i18n/error-text';

const DEFAULT_MONTHS = 24;
const DEFAULT_DAYS = 90;

/** The two retention periods, each off until switched on. */
export function RetentionPanel() {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const loaded = useApiQuery(() => api.privacy.retention.query(), [api]);
  const save = useApiAction();
  const [settings, setSettings] = useState<RetentionSettings>(RETENTION_OFF);
  useEffect(() => {
    if (loaded.status === 'ok') setSettings(loaded.data);
  }, [loaded]);

  if (loaded.status === 'loading') return <Loader aria-label={t('app.loading')} />;
  if (loaded.status === 'failed') {
    return (
      <Alert color="red" role="alert">
        {errorText(t, loaded.failure)}
      </Alert>
    );
  }
  return (
    <Stack gap="md" maw={720}>
      <Text size="sm" c="dimmed">
        {t('privacy.retention.intro')}
      </Text>
      <Period
        label={t('privacy.retention.conversations')}
        hint={t('privacy.retention.conversationsHint')}
        unit={t('privacy.retention.months')}
        value={settings.conversationMonths}
        fallback={DEFAULT_MONTHS}
        max={120}
        onChange={(conversationMonths) => {
          setSettings({ ...settings, conversationMonths });
        }}
      />
      <Period
        label={t('privacy.retention.files')}
        hint={t('privacy.retention.filesHint')}
        unit={t('privacy.retention.days')}
        value={settings.fileDays}
        fallback={DEFAULT_DAYS}
        max={3650}
        onChange={(fileDays) => {
          setSettings({ ...settings, fileDays });
        }}
      />
      {save.failureText !== null && (
        <Alert color="red" role="alert">
          {save.failureText}
        </Alert>
      )}
      <Group>
        <Button
          loading={save.pending}
          onClick={() =>
            void save.run(
              () => api.privacy.setRetention.mutate(settings),
              t('privacy.retention.saved'),
            )
          }
        >
          {t('privacy.retention.save')}
        </Button>
      </Group>
    </Stack>
  );
}

type PeriodProps = {
  label: string;
  hint: string;
  unit: string;
  value: number | null;
  fallback: number;
  max: number;
  onChange: (value: number | null) => void;
};

function Period(props: PeriodProps) {
  const { t } = useTranslation();
  const on = props.value !== null;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Switch
          label={props.label}
          checked={on}
          onChange={(event) => {
            props.onChange(event.currentTarget.checked ? props.fallback : null);
          }}
        />
        <Group gap="xs" align="center">
          <NumberInput
            aria-label={`${props.label} (${props.unit})`}
            value={props.value ?? ''}
            disabled={!on}
            min={1}
            max={props.max}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            w={120}
            onChange={(value) => {
              if (typeof value === 'number') props.onChange(value);
            }}
          />
          <Text size="sm">{on ? props.unit : t('privacy.retention.off')}</Text>
        </Group>
        <Text size="xs" c="dimmed">
          {props.hint}
        </Text>
      </Stack>
    </Paper>
  );
}
