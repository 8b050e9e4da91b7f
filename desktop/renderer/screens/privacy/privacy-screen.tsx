import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AccessLogPanel } from './access-log-panel';
import { DataSubjectsPanel } from './data-subjects-panel';
import { RetentionPanel } from './retention-panel';

/**
 * "Privacidade (LGPD)", for admins: a data subject's export and erasure, the retention periods
 * and the access log. Self-contained, so the admin console can host it as one of its pages.
 */
export function PrivacyScreen() {
  const { t } = useTranslation();
  return (
    <Stack h="100%" p="md" gap="md" component="section" aria-label={t('privacy.title')}>
      <div>
        <Title order={2} size="h3">
          {t('privacy.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('privacy.subtitle')}
        </Text>
      </div>
      <Tabs defaultValue="subjects" keepMounted={false} style={{ flex: 1, minHeight: 0 }}>
        <Tabs.List>
          <Tabs.Tab value="subjects">{t('privacy.tabs.subjects')}</Tabs.Tab>
          <Tabs.Tab value="retention">{t('privacy.tabs.retention')}</Tabs.Tab>
          <Tabs.Tab value="log">{t('privacy.tabs.accessLog')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="subjects" pt="md">
          <DataSubjectsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="retention" pt="md">
          <RetentionPanel />
        </Tabs.Panel>
        <Tabs.Panel value="log" pt="md" style={{ height: '100%' }}>
          <AccessLogPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
