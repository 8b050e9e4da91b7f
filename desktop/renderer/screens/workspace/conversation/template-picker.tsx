import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NavLink,
  Paper,
  ScrollArea,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import type { Template } from '@atendo/shared/schemas/catalog';
import { allTemplateParameters, renderTemplate } from '@atendo/shared/rules/templates';

export type TemplatePickerProps = {
  opened: boolean;
  templates: readonly DeepReadonly<Template>[];
  onClose: () => void;
  onSend: (templateId: string, params: Record<string, string>) => Promise<void>;
};

/** Pick a template, fill its parameters and see exactly what the contact will read. */
export function TemplatePicker({ opened, templates, onClose, onSend }: TemplatePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [params, setParams] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const needle = search.trim().toLowerCase();
  const shown = templates.filter(
    (tpl) => needle === '' || `${tpl.name} ${tpl.body}`.toLowerCase().includes(needle),
  );
  const selected = templates.find((tpl) => tpl.id === selectedId) ?? shown[0] ?? null;
  const names = selected === null ? [] : allTemplateParameters(selected);
  const rendered = selected === null ? null : renderTemplate(selected, params);

  const close = () => {
    setParams({});
    setSelectedId(null);
    onClose();
  };
  const send = async () => {
    if (selected === null || rendered === null || !rendered.ok) return;
    setSending(true);
    try {
      await onSend(selected.id, Object.fromEntries(names.map((n) => [n, params[n] ?? ''])));
      close();
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('templates.title')} size="xl">
      {templates.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('templates.none')}
        </Alert>
      ) : (
        <Group align="stretch" wrap="nowrap" gap="md">
          <Stack w={260} gap="xs">
            <TextInput
              aria-label={t('templates.search')}
              placeholder={t('templates.search')}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
              }}
            />
            <ScrollArea h={320}>
              {shown.map((tpl) => (
                <NavLink
                  key={tpl.id}
                  label={tpl.name}
                  description={t(`templates.category.${tpl.category}`)}
                  active={tpl.id === selected?.id}
                  onClick={() => {
                    setSelectedId(tpl.id);
                    setParams({});
                  }}
                />
              ))}
            </ScrollArea>
          </Stack>
          {selected !== null && (
            <Stack style={{ flex: 1 }} gap="sm">
              <Group gap="xs">
                <Text fw={600}>{selected.name}</Text>
                <Badge variant="light" size="sm">
                  {selected.language}
                </Badge>
              </Group>
              {names.length > 0 && (
                <Stack gap="xs" role="group" aria-label={t('templates.parameters')}>
                  <Text size="sm" fw={500}>
                    {t('templates.parameters')}
                  </Text>
                  {names.map((name) => (
                    <TextInput
                      key={name}
                      label={t('templates.parameter', { name: `{{${name}}}` })}
                      value={params[name] ?? ''}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setParams((p) => ({ ...p, [name]: value }));
                      }}
                    />
                  ))}
                </Stack>
              )}
              <Text size="sm" fw={500}>
                {t('templates.preview')}
              </Text>
              <Paper
                withBorder
                p="sm"
                radius="md"
                bg="var(--mantine-primary-color-light)"
                data-testid="template-preview"
              >
                {rendered?.ok ? (
                  <Stack gap={4}>
                    {rendered.header !== null && (
                      <Text fw={600} size="sm">
                        {rendered.header}
                      </Text>
                    )}
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {rendered.body}
                    </Text>
                    {rendered.footer !== null && (
                      <Text size="xs" c="dimmed">
                        {rendered.footer}
                      </Text>
                    )}
                  </Stack>
                ) : (
                  <Stack gap={4}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {selected.body}
                    </Text>
                    <Text size="xs" c="orange">
                      {t('templates.missing', {
                        names: names
                          .filter((n) => (params[n] ?? '').trim() === '')
                          .map((n) => `{{${n}}}`)
                          .join(', '),
                      })}
                    </Text>
                  </Stack>
                )}
              </Paper>
              <Group justify="flex-end">
                <Button onClick={() => void send()} loading={sending} disabled={!rendered?.ok}>
                  {t('templates.send')}
                </Button>
              </Group>
            </Stack>
          )}
        </Group>
      )}
    </Modal>
  );
}
