import type { Template } from '../schemas/catalog';
import { allTemplateParameters } from './templates';

/**
 * Templates Atendo sends by itself and an agent must not pick: the CSAT question that goes out at
 * close when the WhatsApp window has shut (server/src/services/csat-question.ts).
 */
export const CSAT_TEMPLATE_NAME = 'avaliacao_atendimento';
export const SYSTEM_TEMPLATE_NAMES: readonly string[] = [CSAT_TEMPLATE_NAME];

export const isPickableByAgents = (template: Pick<Template, 'name'>): boolean =>
  !SYSTEM_TEMPLATE_NAMES.includes(template.name);

/** Parameter names that mean "the contact's name" ({{nome}}, {{name}}, {{nome_contato}}, …). */
const NAME_PARAMETERS = new Set(['nome', 'name', 'nome_contato', 'contact_name', 'first_name']);

/** A positional parameter right after a greeting opens the message with the contact's name. */
const GREETING =
  /^\s*(ol[áa]|oi|bom dia|boa tarde|boa noite|prezad[oa]|hello|hi|dear)[\s,!]*\{\{\s*(\d+)\s*\}\}/i;

/**
 * Which parameter of a template is the contact's name, so the picker can fill it in (the agent
 * can still change it). Meta's templates carry no such marker, so Atendo decides, in this order:
 * 1. a named parameter called `nome`, `name`, `nome_contato`, `contact_name` or `first_name`;
 * 2. a positional parameter right after the greeting that opens the body or header
 *    ("Olá {{1}}, …", "Boa tarde {{1}}!", "Hello {{1}},") — the way every demo template and most
 *    Brazilian utility templates start.
 * Otherwise null: no parameter is filled in by guess.
 */
export function contactNameParameter(template: Pick<Template, 'header' | 'body' | 'footer'>) {
  const names = allTemplateParameters(template);
  const named = names.find((n) => NAME_PARAMETERS.has(n.toLowerCase()));
  if (named !== undefined) return named;
  for (const text of [template.body, template.header ?? '']) {
    const positional = GREETING.exec(text)?.[2];
    if (positional !== undefined && names.includes(positional)) return positional;
  }
  return null;
}

/** Meta writes languages with an underscore (pt_BR); BCP 47 and Intl use a hyphen (pt-BR). */
export const languageTag = (language: string): string => language.replace(/_/g, '-');
