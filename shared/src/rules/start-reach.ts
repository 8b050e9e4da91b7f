import type { Actor } from '../schemas/agent';
import type { Channel, ChannelKind } from '../schemas/channel';
import type { Contact } from '../schemas/contact';
import { allow, deny, type Decision } from './decision';

/*
 * Which channels an agent can start a conversation with a contact on, and in which team. The
 * start dialog greys out the others with the reason; the server applies the same rules.
 */

/** What the contact lacks on a channel kind: the address the channel would send to. */
export type MissingAddress = 'phone' | 'webchat-visitor' | 'email' | 'channel-address';

export type ReachReason = 'inbound-only-channel' | 'channel-archived' | 'contact-unreachable';

type ReachContact = {
  phones: readonly string[];
  emails: readonly string[];
  addresses: readonly Readonly<Contact['addresses'][number]>[];
};
type ReachChannel = Pick<Channel, 'id' | 'kind' | 'direction' | 'archived'>;

const missingOn = (
  contact: ReachContact,
  channel: ReachChannel,
  kindOf: (channelId: string) => ChannelKind | null,
): MissingAddress | null => {
  const hasAddress = contact.addresses.some((a) => a.channelId === channel.id);
  switch (channel.kind) {
    case 'whatsapp': {
      // The sender uses the address the contact wrote from on this number or another one
      // (the same wa_id), else their first phone.
      const onWhatsApp = contact.addresses.some((a) => kindOf(a.channelId) === 'whatsapp');
      return hasAddress || onWhatsApp || contact.phones.length > 0 ? null : 'phone';
    }
    case 'webchat':
      // Only a visitor who opened the widget can be written to: the widget is their inbox.
      return hasAddress ? null : 'webchat-visitor';
    case 'email':
      return hasAddress || contact.emails.length > 0 ? null : 'email';
    case 'telegram':
      return hasAddress ? null : 'channel-address';
  }
};

/** Whether the contact can be written to first on this channel, and why not. */
export function canReachOnChannel(input: {
  contact: ReachContact;
  channel: ReachChannel;
  /** The kind of the channel of each of the contact's addresses; unknown ones count for none. */
  kindOf?: (channelId: string) => ChannelKind | null;
}): Decision<ReachReason> {
  const { contact, channel, kindOf = () => null } = input;
  if (channel.archived === true) return deny('channel-archived', { channelId: channel.id });
  if (channel.direction === 'inbound-only') {
    return deny('inbound-only-channel', { channelKind: channel.kind });
  }
  const missing = missingOn(contact, channel, kindOf);
  return missing === null
    ? allow()
    : deny('contact-unreachable', { channelKind: channel.kind, missing });
}

/**
 * The team a started conversation belongs to. Asked for: one the agent belongs to, else
 * refused. Not asked for: the channel's default team when the agent is in it, else their first.
 */
export function startTeam(input: {
  actor: Pick<Actor, 'teamIds'>;
  channel: Pick<Channel, 'defaultTeamId'>;
  requestedTeamId: string | null;
}): Decision<'not-team-member', { teamId: string }> {
  const { actor, channel, requestedTeamId } = input;
  if (requestedTeamId !== null) {
    return actor.teamIds.includes(requestedTeamId)
      ? allow({ teamId: requestedTeamId })
      : deny('not-team-member', { teamId: requestedTeamId });
  }
  const teamId = actor.teamIds.includes(channel.defaultTeamId)
    ? channel.defaultTeamId
    : (actor.teamIds[0] ?? channel.defaultTeamId);
  return allow({ teamId });
}
