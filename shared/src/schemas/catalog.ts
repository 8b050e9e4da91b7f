import { z } from 'zod';
import { EpochMs, Id } from './common';

export const TemplateCategory = z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']);
export type TemplateCategory = z.infer<typeof TemplateCategory>;

/** A pre-approved message (WhatsApp HSM) with `{{1}}` or `{{name}}` parameters. */
export const Template = z.object({
  id: Id,
  channelId: Id,
  /** Teams allowed to use it; empty means every team of the channel. */
  teamIds: z.array(Id),
  name: z.string().min(1).max(512),
  language: z.string().min(2).max(15),
  category: TemplateCategory,
  header: z.string().max(60).nullable(),
  body: z.string().min(1).max(1024),
  footer: z.string().max(60).nullable(),
  updatedAt: EpochMs,
});
export type Template = z.infer<typeof Template>;

/** An internal, per-team label; never visible to the contact. */
export const Tag = z.object({
  id: Id,
  teamId: Id,
  name: z.string().min(1).max(60),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  updatedAt: EpochMs,
});
export type Tag = z.infer<typeof Tag>;

/** A closing subject code (tabulação); parentId nests them. Only leaves can be picked. */
export const Disposition = z.object({
  id: Id,
  teamId: Id,
  parentId: Id.nullable(),
  name: z.string().min(1).max(120),
  active: z.boolean(),
  updatedAt: EpochMs,
});
export type Disposition = z.infer<typeof Disposition>;

export const CsatScore = z.number().int().min(1).max(5);

export const CsatAnswer = z.object({
  conversationId: Id,
  score: CsatScore,
  comment: z.string().max(1000).nullable(),
  answeredAt: EpochMs,
});
export type CsatAnswer = z.infer<typeof CsatAnswer>;
