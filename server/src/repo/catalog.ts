import { z } from 'zod';
import {
  TemplateCategory,
  type Disposition,
  type Tag,
  type Template,
} from '@atendo/shared/schemas/catalog';
import type { DispositionRow, TagRow, TemplateRow } from '../db/schema';
import { bool, fromJson } from '../db/json';

export const templateFromRow = (row: TemplateRow): Template => ({
  id: row.id,
  channelId: row.channel_id,
  teamIds: fromJson(z.array(z.string()), row.team_ids),
  name: row.name,
  language: row.language,
  category: TemplateCategory.parse(row.category),
  header: row.header,
  body: row.body,
  footer: row.footer,
  updatedAt: row.updated_at,
});

export const tagFromRow = (row: TagRow): Tag => ({
  id: row.id,
  teamId: row.team_id,
  name: row.name,
  color: row.color,
  updatedAt: row.updated_at,
});

export const dispositionFromRow = (row: DispositionRow): Disposition => ({
  id: row.id,
  teamId: row.team_id,
  parentId: row.parent_id,
  name: row.name,
  active: bool(row.active),
  updatedAt: row.updated_at,
});
