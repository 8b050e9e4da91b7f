import { Box, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../data/workspace-context';
import { AdminAccessProvider, ReadOnlyNote } from './admin-access';
import { ADMIN_SECTIONS } from './sections';

/**
 * "Administração": the organisation's agents, teams, channels and catalog. Admins change them;
 * supervisors see the same pages read-only (the server refuses their writes anyway).
 */
export function AdminScreen() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const [sectionId, setSectionId] = useState(ADMIN_SECTIONS[0]?.id ?? '');
  const section = ADMIN_SECTIONS.find((s) => s.id === sectionId) ?? ADMIN_SECTIONS[0];
  const Section = section?.component;
  return (
    <AdminAccessProvider canEdit={session.agent.role === 'admin'}>
      <Group
        h="100%"
        gap={0}
        align="stretch"
        wrap="nowrap"
        component="section"
        aria-label={t('adminConsole.title')}
      >
        <Box
          component="nav"
          aria-label={t('adminConsole.navigation')}
          w={220}
          p="sm"
          style={{ borderRight: '1px solid var(--mantine-color-default-border)', flexShrink: 0 }}
        >
          <Title order={2} size="h4" px="xs" pb="sm">
            {t('adminConsole.title')}
          </Title>
          {ADMIN_SECTIONS.map((s) => (
            <NavLink
              key={s.id}
              label={t(s.labelKey)}
              active={s.id === section?.id}
              aria-current={s.id === section?.id ? 'page' : undefined}
              onClick={() => {
                setSectionId(s.id);
              }}
            />
          ))}
        </Box>
        <ScrollArea style={{ flex: 1 }} h="100%">
          <Stack p="md" gap="md">
            <div>
              <Title order={3} size="h3">
                {section === undefined ? '' : t(section.labelKey)}
              </Title>
              <Text c="dimmed" size="sm">
                {section === undefined ? '' : t(section.hintKey)}
              </Text>
            </div>
            <ReadOnlyNote />
            {Section !== undefined && <Section key={section?.id} />}
          </Stack>
        </ScrollArea>
      </Group>
    </AdminAccessProvider>
  );
}
