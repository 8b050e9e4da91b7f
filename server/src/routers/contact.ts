import { z } from 'zod';
import { ClientId, Id } from '@atendo/shared/schemas/common';
import {
  ContactInput,
  createContact,
  getContact,
  searchContacts,
  updateContact,
} from '../services/contacts';
import { audited, recordSearchResults } from '../privacy/audited';
import { authedProcedure, router } from '../trpc/trpc';

export const contactRouter = router({
  // The clientId is optional so a desktop from before it keeps working; without one a retried
  // request is a new one.
  create: authedProcedure
    .input(ContactInput.extend({ clientId: ClientId.optional() }))
    .mutation(({ ctx, input }) => {
      const { clientId, ...fields } = input;
      return createContact(ctx.deps, ctx.agent, fields, clientId ?? null);
    }),

  update: authedProcedure
    .input(
      z.object({
        id: Id,
        version: z.number().int().nonnegative(),
        fields: ContactInput,
        clientId: ClientId.optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateContact(ctx.deps, ctx.agent, input)),

  search: authedProcedure
    .input(
      z.object({
        query: z.string().trim().min(1).max(200),
        limit: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(async ({ ctx, input }) => {
      const contacts = await searchContacts(ctx.deps, input);
      recordSearchResults(
        ctx,
        'contact.search',
        contacts.map((c) => c.id),
      );
      return contacts;
    }),

  get: authedProcedure
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) =>
      audited(
        ctx,
        { action: 'contact.get', entityType: 'contact', entityId: input.id, contactId: input.id },
        () => getContact(ctx.deps, input.id),
      ),
    ),
});
