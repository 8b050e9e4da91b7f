import { Select } from '@mantine/core';
import type { DeepReadonly } from 'rxdb';
import { useTranslation } from 'react-i18next';
import type { Channel } from '@atendo/shared/schemas/channel';
import type { Team } from '@atendo/shared/schemas/team';
import type { useStartConversation } from '../../data/use-start-conversation';

type Starter = ReturnType<typeof useStartConversation>;

/**
 * The channels to start on. With a contact picked, those the contact cannot be written to on
 * (archived, no phone for WhatsApp, never used the web chat) stay in the list, disabled, with
 * the reason, so the agent learns why rather than meeting a failed message. A receptivo channel
 * stays choosable, marked as such: choosing it explains the refusal with the next step.
 */
export function ChannelChoice(props: {
  channels: readonly DeepReadonly<Channel>[];
  contactId: string | null;
  starter: Starter;
  value: string | null;
  onChange: (channelId: string | null) => void;
}) {
  const { t } = useTranslation();
  const data = props.channels.map((c) => {
    const channel = { ...c, archived: c.archived ?? false };
    const reach = props.contactId === null ? null : props.starter.reach(props.contactId, channel);
    if (reach === null || reach.ok || reach.reason === 'inbound-only-channel') {
      const label =
        c.direction === 'inbound-only' ? `${c.name} (${t('start.inboundOnly')})` : c.name;
      return { value: c.id, label, disabled: false };
    }
    const key =
      reach.reason === 'contact-unreachable' ? String(reach.details.missing) : reach.reason;
    const reason = t(`seatWa.reason.${key}`);
    return {
      value: c.id,
      label: t('seatWa.unavailable', { channel: c.name, reason }),
      disabled: true,
    };
  });
  const anyDisabled = data.some((d) => d.disabled);
  return (
    <Select
      label={t('start.channel')}
      description={anyDisabled ? t('seatWa.channelHint') : undefined}
      data={data}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

/** An agent in several teams chooses the team of the conversation they start. */
export function TeamChoice(props: {
  teams: readonly DeepReadonly<Team>[];
  value: string | null;
  onChange: (teamId: string) => void;
}) {
  const { t } = useTranslation();
  if (props.teams.length < 2) return null;
  return (
    <Select
      label={t('seatWa.team')}
      description={t('seatWa.teamHint')}
      data={props.teams.map((team) => ({ value: team.id, label: team.name }))}
      value={props.value}
      allowDeselect={false}
      onChange={(v) => {
        if (v !== null) props.onChange(v);
      }}
    />
  );
}
