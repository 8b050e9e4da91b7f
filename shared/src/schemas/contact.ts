import { z } from 'zod';
import { EpochMs, Id } from './common';

/** A phone number in E.164 (+5511987654321); normalise input with `normalisePhone` first. */
export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'phone must be in E.164 form');

/** How the contact is reached on one channel: a wa_id, a web chat visitor id, … */
export const ChannelAddress = z.object({
  channelId: Id,
  address: z.string().min(1).max(200),
});
export type ChannelAddress = z.infer<typeof ChannelAddress>;

/** The limits of a contact's fields, for forms that must refuse what the server would. */
export const CONTACT_LIMITS = { name: 200, phones: 10, emails: 10, email: 254 } as const;

export const ContactFields = z.object({
  name: z.string().trim().min(1).max(CONTACT_LIMITS.name),
  phones: z.array(E164).max(CONTACT_LIMITS.phones),
  emails: z.array(z.email().max(CONTACT_LIMITS.email)).max(CONTACT_LIMITS.emails),
  addresses: z.array(ChannelAddress).max(20),
  customFields: z.record(z.string().min(1).max(60), z.string().max(1000)),
});
export type ContactFields = z.infer<typeof ContactFields>;

export const Contact = ContactFields.extend({
  id: Id,
  createdAt: EpochMs,
  updatedAt: EpochMs,
  /** Optimistic-concurrency counter: an edit names the version it was based on. */
  version: z.number().int().nonnegative(),
});
export type Contact = z.infer<typeof Contact>;
