import type { Template } from '../schemas/catalog';
import { allow, deny, type Decision } from './decision';

/** `{{1}}` (positional) or `{{order_id}}` (named), as WhatsApp templates write parameters. */
const PARAMETER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The parameter names in `text`, each once, in order of first appearance. */
export function templateParameters(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PARAMETER), (m) => m[1] ?? ''))];
}

type TemplateText = Pick<Template, 'header' | 'body' | 'footer'>;

/** Every parameter of header, body and footer, each once, in reading order. */
export function allTemplateParameters(template: TemplateText): string[] {
  const parts = [template.header ?? '', template.body, template.footer ?? ''];
  return [...new Set(parts.flatMap(templateParameters))];
}

const fill = (text: string, params: Record<string, string>): string =>
  // A function replacement, so a "$1" typed by the agent is kept literally.
  text.replace(PARAMETER, (whole, name: string) => params[name] ?? whole);

/**
 * The template's text with the values filled in, as the contact will read it. Every parameter
 * needs a non-blank value: WhatsApp rejects a send with an empty one.
 */
export function renderTemplate(
  template: TemplateText,
  params: Record<string, string>,
): Decision<
  'template-params-missing',
  { header: string | null; body: string; footer: string | null }
> {
  const missing = allTemplateParameters(template).filter(
    (name) => (params[name] ?? '').trim() === '',
  );
  if (missing.length > 0) return deny('template-params-missing', { missing: missing.join(',') });
  return allow({
    header: template.header === null ? null : fill(template.header, params),
    body: fill(template.body, params),
    footer: template.footer === null ? null : fill(template.footer, params),
  });
}

/** A template belongs to one channel; an empty team list shares it with every team there. */
export function templateAvailableTo(
  template: Pick<Template, 'teamIds' | 'channelId'>,
  input: { channelId: string; teamId: string },
): boolean {
  if (template.channelId !== input.channelId) return false;
  return template.teamIds.length === 0 || template.teamIds.includes(input.teamId);
}
