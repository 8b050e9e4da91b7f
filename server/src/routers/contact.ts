import { z } from 'zod';
import { Id } from '@atendo/shared/schemas/common';
import {
  ContactInput,
  createContact,
  getContact,
  searchContacts,
  updateContact,
} from '../services/contacts';
import { authedProcedure, router } from '../trpc/trpc';

export const contactRouter = router({
  create: authedProcedure
    .input(ContactInput)
    .mutation(({ ctx, input }) => createContact(ctx.deps, input)),

  update: authedProcedure
    .input(z.object({ id: Id, version: z.number().int().nonnegative(), fields: ContactInput }))
    .mutation(({ ctx, input }) => updateContact(ctx.deps, ctx.agent, input)),

  search: authedProcedure
    .input(
      z.object({
        query: z.string().trim().min(1).max(200),
        limit: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(({ ctx, input }) => searchContacts(ctx.deps, input)),

  get: authedProcedure
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) => getContact(ctx.deps, input.id)),
});
