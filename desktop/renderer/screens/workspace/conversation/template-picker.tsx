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
import { contactNameParameter, languageTag } from '@atendo/shared/rules/template-picking';

export type TemplatePickerProps = {
  opened: boolean;
  templates: readonly DeepReadonly<Template>[];
  onClose: () => void;
  onSend: (templateId: string, params: Record<string, string>) => Promise<void>;
  /** Filled into the parameter that is the contact's name (shared/rules/template-picking). */
  contactName?: string | null;
};

/** "Português (Brasil)" for pt_BR, in the agent's language; the code itself if Intl has none. */
function languageName(language: string, uiLocale: string): string {
  const tag = languageTag(language);
  try {
    const name = new Intl.DisplayNames([uiLocale], { type: 'language' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(uiLocale) + name.slice(1);
  } catch {
    return tag;
  }
}

/** Pick a template, fill its parameters and see exactly what the contact will read. */
export function TemplatePicker(props: TemplatePickerProps) {
  const { opened, templates, onClose, onSend, contactName = null } = props;
  const { t, i18n } = useTranslation();
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
  const nameParameter = selected === null ? null : contactNameParameter(selected);
  // Until the agent types in it, the name parameter holds the contact's name.
  const values =
    nameParameter !== null && contactName !== null && params[nameParameter] === undefined
      ? { ...params, [nameParameter]: contactName }
      : params;
  const rendered = selected === null ? null : renderTemplate(selected, values);

  const close = () => {
    setParams({});
    setSelectedId(null);
    onClose();
  };
  const send = async () => {
    if (selected === null || rendered === null || !rendered.ok) return;
    setSending(true);
    try {
      await onSend(selected.id, Object.fromEntries(names.map((n) => [n, values[n] ?? ''])));
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
                <Badge
                  variant="light"
                  size="sm"
                  tt="none"
                  aria-label={t('seat.templateLanguage', {
                    language: languageName(selected.language, i18n.language),
                  })}
                  data-testid="template-language"
                >
                  {languageName(selected.language, i18n.language)}
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
                      value={values[name] ?? ''}
                      description={
                        name === nameParameter && params[name] === undefined && contactName !== null
                          ? t('seat.prefilledName')
                          : undefined
                      }
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
                          .filter((n) => (values[n] ?? '').trim() === '')
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
