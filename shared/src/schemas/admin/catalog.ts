import { z } from 'zod';
import { Attachment } from '../message';
import { Disposition, Tag, Template, TemplateCategory } from '../catalog';
import { Id } from '../common';
import { QuickReply, QuickReplyShortcut } from '../quick-reply';

/** Meta's review status of a WhatsApp template; local templates are always approved. */
export const TemplateStatus = z.enum(['approved', 'pending', 'rejected', 'paused', 'disabled']);
export type TemplateStatus = z.infer<typeof TemplateStatus>;

/** A template as the admin console shows it; only approved ones reach agents. */
export const AdminTemplate = Template.extend({
  status: TemplateStatus,
  /** 'meta': imported from the Graph API (edit it in Meta); 'local': written here. */
  source: z.enum(['meta', 'local']),
  archived: z.boolean(),
});
export type AdminTemplate = z.infer<typeof AdminTemplate>;

const TemplateText = {
  header: z.string().max(60).nullable().default(null),
  body: z.string().trim().min(1).max(1024),
  footer: z.string().max(60).nullable().default(null),
};

/** A template for a channel without Meta's review (web chat, …). */
export const LocalTemplateCreate = z.object({
  channelId: Id,
  teamIds: z.array(Id).max(100).default([]),
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,512}$/, 'a name is lower-case letters, digits and _'),
  language: z.string().min(2).max(15),
  category: TemplateCategory.default('UTILITY'),
  ...TemplateText,
});
export type LocalTemplateCreate = z.input<typeof LocalTemplateCreate>;

/** Local templates change whole; Meta's only in which teams may use them. */
export const TemplateUpdate = z.object({
  templateId: Id,
  teamIds: z.array(Id).max(100).optional(),
  header: z.string().max(60).nullable().optional(),
  body: z.string().trim().min(1).max(1024).optional(),
  footer: z.string().max(60).nullable().optional(),
});
export type TemplateUpdate = z.infer<typeof TemplateUpdate>;

export const TemplateIdInput = z.object({ templateId: Id });

/** What a sync with Meta changed, counted. */
export const TemplateSyncResult = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  /** Gone from Meta's list: archived here, taken from agents. */
  archived: z.number().int().nonnegative(),
  approved: z.number().int().nonnegative(),
  notApproved: z.number().int().nonnegative(),
  /** Meta's templates Atendo cannot store (a body over 1,024 characters, …), by name. */
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
});
export type TemplateSyncResult = z.infer<typeof TemplateSyncResult>;

export const AdminTag = Tag.extend({ active: z.boolean() });
export type AdminTag = z.infer<typeof AdminTag>;

export const TagCreate = z.object({
  teamId: Id,
  name: z.string().trim().min(1).max(60),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb'),
});
export type TagCreate = z.infer<typeof TagCreate>;

export const TagUpdate = z.object({
  tagId: Id,
  name: TagCreate.shape.name.optional(),
  color: TagCreate.shape.color.optional(),
});
export type TagUpdate = z.infer<typeof TagUpdate>;

export const TagIdInput = z.object({ tagId: Id });

export const AdminDisposition = Disposition.extend({
  /** Closed conversations that carry it: an archived one keeps its name in reports. */
  usedCount: z.number().int().nonnegative(),
});
export type AdminDisposition = z.infer<typeof AdminDisposition>;

export const DispositionCreate = z.object({
  teamId: Id,
  parentId: Id.nullable().default(null),
  name: z.string().trim().min(1).max(120),
});
export type DispositionCreate = z.input<typeof DispositionCreate>;

export const DispositionUpdate = z.object({
  dispositionId: Id,
  name: DispositionCreate.shape.name.optional(),
  /** Moves it (with its children) under another node of the same team, or to the top. */
  parentId: Id.nullable().optional(),
});
export type DispositionUpdate = z.infer<typeof DispositionUpdate>;

export const DispositionIdInput = z.object({ dispositionId: Id });

/**
 * Removing a node acts on its subtree: every node used by a conversation (or above one that
 * is) is archived, so reports keep its name; the others are deleted.
 */
export const DispositionRemoveResult = z.object({
  archivedIds: z.array(Id),
  deletedIds: z.array(Id),
});
export type DispositionRemoveResult = z.infer<typeof DispositionRemoveResult>;

export const QuickReplyCreate = z.object({
  teamId: Id,
  shortcut: QuickReplyShortcut,
  text: z.string().trim().min(1).max(4096),
  attachment: Attachment.nullable().default(null),
});
export type QuickReplyCreate = z.input<typeof QuickReplyCreate>;

export const QuickReplyUpdate = z.object({
  quickReplyId: Id,
  shortcut: QuickReplyShortcut.optional(),
  text: z.string().trim().min(1).max(4096).optional(),
  attachment: Attachment.nullable().optional(),
});
export type QuickReplyUpdate = z.infer<typeof QuickReplyUpdate>;

export const QuickReplyIdInput = z.object({ quickReplyId: Id });

export const AdminQuickReply = QuickReply;
export type AdminQuickReply = QuickReply;

/** Lists of the catalogue admin screens, optionally for one team. */
export const TeamFilter = z
  .object({
    teamId: Id.nullable().default(null),
    includeArchived: z.boolean().default(false),
  })
  .default({ teamId: null, includeArchived: false });
