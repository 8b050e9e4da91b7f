import { Box, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../data/workspace-context';
import { AdminAccessProvider, ReadOnlyNote } from './admin-access';
import { ADMIN_SECTIONS, type AdminSection } from './sections';

/**
 * "Administração": the organisation's agents, teams, channels, catalog and privacy. Admins
 * change them; supervisors see the same pages read-only (the server refuses their writes anyway).
 */
export function AdminScreen() {
  const { t } = useTranslation();
  const { session } = useWorkspace();
  const isAdmin = session.agent.role === 'admin';
  const sections = ADMIN_SECTIONS.filter((s) => isAdmin || s.adminOnly !== true);
  const [sectionId, setSectionId] = useState(sections[0]?.id ?? '');
  const section = sections.find((s) => s.id === sectionId) ?? sections[0];
  return (
    <AdminAccessProvider canEdit={isAdmin}>
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
          {sections.map((s) => (
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
        <Box style={{ flex: 1, minWidth: 0 }} h="100%">
          {section !== undefined && <SectionPage key={section.id} section={section} />}
        </Box>
      </Group>
    </AdminAccessProvider>
  );
}

function SectionPage({ section }: { section: AdminSection }) {
  const { t } = useTranslation();
  const Section = section.component;
  if (section.ownLayout === true) return <Section />;
  return (
    <ScrollArea h="100%">
      <Stack p="md" gap="md">
        <div>
          <Title order={3} size="h3">
            {t(section.labelKey)}
          </Title>
          <Text c="dimmed" size="sm">
            {t(section.hintKey)}
          </Text>
        </div>
        <ReadOnlyNote />
        <Section />
      </Stack>
    </ScrollArea>
  );
}
