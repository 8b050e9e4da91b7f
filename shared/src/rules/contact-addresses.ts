import type { Actor } from '../schemas/agent';
import type { ChannelAddress } from '../schemas/contact';
import { allow, deny, type Decision } from './decision';
import { supervises } from './permissions';

/*
 * Channel addresses (a WhatsApp wa_id, a web chat visitor id) are identities the channel
 * proves: a message arrived from them. Delivery and a web chat visitor's access to a transcript
 * follow them, so an agent who could set one could read or redirect a conversation they may not
 * read (issue 10). Agents therefore never set, move or remove them; only the channel adds one,
 * and only erasure removes them. What an agent may add is a phone number, for an outbound start
 * on WhatsApp, and never one that already belongs to another contact.
 *
 * One exception, for integrations and merges: a supervisor (who reads every conversation
 * anyway) may create a new contact with addresses no contact holds yet. A held address is a
 * conflict, so this never moves one, and a conversation keeps its own address whatever happens.
 */

const key = (a: ChannelAddress): string => `${a.channelId}\u0000${a.address}`;

/**
 * Whether an agent's contact edit leaves the channel addresses as they are. `requested` is what
 * the edit carries: left out means "unchanged"; the same addresses in any order are accepted,
 * since clients send back what they replicated.
 */
export function canEditAddresses(
  current: readonly ChannelAddress[],
  requested: readonly ChannelAddress[] | undefined,
): Decision<'address-proven'> {
  if (requested === undefined) return allow();
  const have = new Set(current.map(key));
  const want = new Set(requested.map(key));
  const changed =
    requested.find((a) => !have.has(key(a))) ?? current.find((a) => !want.has(key(a)));
  if (changed === undefined) return allow();
  return deny('address-proven', { field: 'addresses', channelId: changed.channelId });
}

/** Whether the actor may create a contact with these channel addresses (see the file comment). */
export function canCreateWithAddresses(
  actor: Actor,
  requested: readonly ChannelAddress[] | undefined,
): Decision<'address-proven'> {
  const first = requested?.[0];
  if (first === undefined || supervises(actor)) return allow();
  return deny('address-proven', { field: 'addresses', channelId: first.channelId });
}

/** The phones of an edit the contact did not have before: the ones to check are free. */
export const addedPhones = (
  before: readonly string[],
  after: readonly string[],
): { phone: string; index: number }[] =>
  after.flatMap((phone, index) => (before.includes(phone) ? [] : [{ phone, index }]));
