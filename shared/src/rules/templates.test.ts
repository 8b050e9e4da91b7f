import { describe, expect, it } from 'vitest';
import {
  allTemplateParameters,
  renderTemplate,
  templateAvailableTo,
  templateParameters,
} from './templates';

describe('templateParameters', () => {
  it.each([
    ['Olá {{1}}, seu pedido {{2}} saiu.', ['1', '2']],
    ['Pedido {{order_id}} para {{name}}', ['order_id', 'name']],
    ['{{2}} antes de {{1}}, e {{2}} de novo', ['2', '1']],
    ['Espaços {{ nome }} tolerados', ['nome']],
    ['Sem parâmetros', []],
    ['Chaves {{}} vazias e {{não-válido}} ficam', []],
  ])('%s → %o', (text, names) => {
    expect(templateParameters(text)).toEqual(names);
  });
});

const shipping = {
  header: 'Pedido {{order_id}}',
  body: 'Olá {{1}}, o pedido {{order_id}} chega {{2}}.',
  footer: 'Loja {{store}}',
};

describe('allTemplateParameters', () => {
  it('reads header, body and footer in order', () => {
    expect(allTemplateParameters(shipping)).toEqual(['order_id', '1', '2', 'store']);
  });
});

describe('renderTemplate', () => {
  const full = { order_id: 'A-42', '1': 'Ana', '2': 'amanhã', store: 'Centro' };

  it('fills every part', () => {
    expect(renderTemplate(shipping, full)).toEqual({
      ok: true,
      header: 'Pedido A-42',
      body: 'Olá Ana, o pedido A-42 chega amanhã.',
      footer: 'Loja Centro',
    });
  });

  it('keeps null header and footer, and literal dollar signs', () => {
    expect(
      renderTemplate({ header: null, body: 'Total {{1}}', footer: null }, { '1': '$1,00' }),
    ).toEqual({ ok: true, header: null, body: 'Total $1,00', footer: null });
  });

  it.each([
    ['nothing given', {}, 'order_id,1,2,store'],
    ['one missing', { ...full, store: undefined }, 'store'],
    ['blank values', { ...full, '1': '   ', '2': '' }, '1,2'],
  ])('denies with %s', (_name, params, missing) => {
    const given = Object.fromEntries(
      Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
    );
    expect(renderTemplate(shipping, given)).toEqual({
      ok: false,
      reason: 'template-params-missing',
      details: { missing },
    });
  });
});

describe('templateAvailableTo', () => {
  it.each([
    ['shared with every team', { channelId: 'wa', teamIds: [] }, true],
    ['listed team', { channelId: 'wa', teamIds: ['sales', 'support'] }, true],
    ['other teams only', { channelId: 'wa', teamIds: ['billing'] }, false],
    ['another channel', { channelId: 'wa2', teamIds: [] }, false],
  ])('%s → %s', (_name, template, available) => {
    expect(templateAvailableTo(template, { channelId: 'wa', teamId: 'support' })).toBe(available);
  });
});
