import type { Template } from '../schemas/catalog';
import { allTemplateParameters } from './templates';

/** A piece of previewed text: literal text, or a parameter with the value shown for it. */
export type PreviewSegment =
  { kind: 'text'; text: string } | { kind: 'param'; name: string; value: string | null };

export type TemplatePreview = {
  header: PreviewSegment[] | null;
  body: PreviewSegment[];
  footer: PreviewSegment[] | null;
  /** Every parameter, in reading order, each once. */
  parameters: string[];
  /** Parameters without a (non-blank) value yet. */
  missing: string[];
};

const PARAMETER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Splits `text` into literal pieces and parameters, each with its value (null when blank). */
export function previewSegments(text: string, params: Record<string, string>): PreviewSegment[] {
  const segments: PreviewSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(PARAMETER)) {
    const at = match.index;
    if (at > last) segments.push({ kind: 'text', text: text.slice(last, at) });
    const name = match[1] ?? '';
    const value = params[name]?.trim() ?? '';
    segments.push({ kind: 'param', name, value: value === '' ? null : value });
    last = at + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/**
 * How a template reads with the given values, for the admin's preview and the agent's picker:
 * the UI highlights parameters and shows `{{name}}` where no value was given yet.
 */
export function previewTemplate(
  template: Pick<Template, 'header' | 'body' | 'footer'>,
  params: Record<string, string> = {},
): TemplatePreview {
  const parameters = allTemplateParameters(template);
  return {
    header: template.header === null ? null : previewSegments(template.header, params),
    body: previewSegments(template.body, params),
    footer: template.footer === null ? null : previewSegments(template.footer, params),
    parameters,
    missing: parameters.filter((name) => (params[name] ?? '').trim() === ''),
  };
}

/** The preview as plain text, with unfilled parameters left as `{{name}}`. */
export const previewText = (segments: readonly PreviewSegment[]): string =>
  segments.map((s) => (s.kind === 'text' ? s.text : (s.value ?? `{{${s.name}}}`))).join('');
