import { describe, expect, it } from 'vitest';
import { contactNameParameter, isPickableByAgents, languageTag } from './template-picking';

const tpl = (body: string, header: string | null = null) => ({ header, body, footer: null });

describe('template picking', () => {
  it('keeps the system CSAT template out of the agent picker', () => {
    expect(isPickableByAgents({ name: 'avaliacao_atendimento' })).toBe(false);
    expect(isPickableByAgents({ name: 'retomada_atendimento' })).toBe(true);
  });

  it.each([
    ['Olá {{1}}, aqui é {{2}} da Atendo.', '1'],
    ['Oi {{1}}! Tudo bem?', '1'],
    ['Boa tarde, {{2}}. Seu pedido {{1}} saiu.', '2'],
    ['Hello {{1}}, your order shipped.', '1'],
    ['Seu pedido {{1}} foi atualizado.', null],
    ['O chamado {{1}} de {{nome}} foi aberto.', 'nome'],
    ['Pedido {{order_id}} de {{contact_name}}.', 'contact_name'],
  ])('%j → %s', (body, parameter) => {
    expect(contactNameParameter(tpl(body))).toBe(parameter);
  });

  it('reads the greeting in the header too', () => {
    expect(contactNameParameter(tpl('Seu pedido {{2}} saiu.', 'Olá {{1}}'))).toBe('1');
  });

  it.each([
    ['pt_BR', 'pt-BR'],
    ['en_US', 'en-US'],
    ['es', 'es'],
  ])('language %s is %s', (language, tag) => {
    expect(languageTag(language)).toBe(tag);
  });
});
