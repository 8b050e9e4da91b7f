import {
  ActionIcon,
  Input,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../ui/icons';
import type { BotMenuDraft, BotOptionDraft } from './channel-draft';

const MAX_OPTIONS = 20;

/**
 * The bot that greets a new contact: the greeting, the numbered options each sending to a
 * team, what it says to an answer it does not know, and what happens when nobody answers.
 */
export function BotMenuEditor(props: {
  menu: BotMenuDraft;
  teams: readonly { value: string; label: string }[];
  error: (path: string) => string | undefined;
  onChange: (menu: BotMenuDraft) => void;
}) {
  const { t } = useTranslation();
  const { menu } = props;
  const set = (patch: Partial<BotMenuDraft>) => {
    props.onChange({ ...menu, ...patch });
  };
  const setOption = (index: number, patch: Partial<BotOptionDraft>) => {
    set({ options: menu.options.map((o, i) => (i === index ? { ...o, ...patch } : o)) });
  };
  return (
    <Stack gap="sm">
      <Switch
        label={t('adminPeople.bot.enabled')}
        description={t('adminPeople.bot.enabledHint')}
        checked={menu.enabled}
        onChange={(e) => {
          set({ enabled: e.currentTarget.checked });
        }}
      />
      {menu.enabled && (
        <>
          <Textarea
            label={t('adminPeople.bot.greeting')}
            placeholder={t('adminPeople.bot.greetingPlaceholder')}
            autosize
            minRows={2}
            value={menu.greeting}
            onChange={(e) => {
              set({ greeting: e.currentTarget.value });
            }}
            error={props.error('botMenu.greeting')}
            required
          />
          <Stack gap="xs">
            <Input.Label>{t('adminPeople.bot.options')}</Input.Label>
            {menu.options.map((option, index) => {
              const at = `botMenu.options.${index}`;
              return (
                <Group
                  key={index}
                  gap="xs"
                  align="flex-start"
                  wrap="nowrap"
                  data-testid="bot-option"
                >
                  <TextInput
                    aria-label={t('adminPeople.bot.key')}
                    value={option.key}
                    onChange={(e) => {
                      setOption(index, { key: e.currentTarget.value });
                    }}
                    error={props.error(`${at}.key`)}
                    w={64}
                  />
                  <TextInput
                    aria-label={t('adminPeople.bot.label', { key: option.key })}
                    placeholder={t('adminPeople.bot.labelPlaceholder')}
                    value={option.label}
                    onChange={(e) => {
                      setOption(index, { label: e.currentTarget.value });
                    }}
                    error={props.error(`${at}.label`)}
                    style={{ flex: 1 }}
                  />
                  <Select
                    aria-label={t('adminPeople.bot.team', { key: option.key })}
                    placeholder={t('adminPeople.bot.teamPlaceholder')}
                    data={props.teams}
                    value={option.teamId}
                    onChange={(teamId) => {
                      setOption(index, { teamId });
                    }}
                    error={props.error(`${at}.teamId`)}
                    w={220}
                  />
                  <ActionIcon
                    mt={4}
                    variant="subtle"
                    color="gray"
                    disabled={menu.options.length <= 1}
                    aria-label={t('adminPeople.bot.remove', { key: option.key })}
                    onClick={() => {
                      set({ options: menu.options.filter((_, i) => i !== index) });
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
                disabled={menu.options.length >= MAX_OPTIONS}
                onClick={() => {
                  set({
                    options: [
                      ...menu.options,
                      { key: String(menu.options.length + 1), label: '', teamId: null },
                    ],
                  });
                }}
              >
                {t('adminPeople.bot.addOption')}
              </Button>
            </Group>
          </Stack>
          <Textarea
            label={t('adminPeople.bot.invalidReply')}
            placeholder={t('adminPeople.bot.invalidReplyPlaceholder')}
            autosize
            minRows={1}
            value={menu.invalidReply}
            onChange={(e) => {
              set({ invalidReply: e.currentTarget.value });
            }}
            error={props.error('botMenu.invalidReply')}
            required
          />
          <Group gap="sm" align="flex-start" grow>
            <NumberInput
              hideControls
              label={t('adminPeople.bot.timeout')}
              value={menu.timeoutMinutes}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              suffix=" min"
              onChange={(value) => {
                set({ timeoutMinutes: typeof value === 'number' ? value : '' });
              }}
              error={props.error('botMenu.timeoutMs')}
            />
            <Select
              label={t('adminPeople.bot.onTimeout')}
              data={[
                { value: 'route-default-team', label: t('adminPeople.bot.routeDefault') },
                { value: 'close', label: t('adminPeople.bot.close') },
              ]}
              value={menu.onTimeout}
              allowDeselect={false}
              onChange={(value) => {
                if (value === 'close' || value === 'route-default-team') set({ onTimeout: value });
              }}
            />
          </Group>
        </>
      )}
    </Stack>
  );
}
