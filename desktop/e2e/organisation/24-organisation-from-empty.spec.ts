import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { LoginPage } from '../workspace/pages/login-page';
import { WorkspacePage } from '../workspace/pages/workspace-page';
import { AdminConsole } from './admin-console';

/*
 * Issue 12's "done when": a company that is not the demo sets Atendo up from an empty database,
 * as its admin would — the first admin from the command line, everything else in the admin
 * console — and a visitor's chat then flows through what was built.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ADMIN = {
  email: 'marina@lojaboa.com.br',
  name: 'Marina Rocha',
  password: 'Farol-da-Barra-77',
};
const JOANA = { email: 'joana@lojaboa.com.br', name: 'Joana Prado', password: 'Ipê-amarelo-2026' };
const PEDRO = { email: 'pedro@lojaboa.com.br', name: 'Pedro Nunes' };
const WIDGET_KEY = 'loja-boa';
const VISITOR = 'Paula Cliente';

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined)
    throw new Error(`${name} is not set: run with -c desktop/e2e/organisation`);
  return value;
}

test('uma empresa monta o Atendo do zero e atende o primeiro visitante', async ({
  browser,
  page,
}) => {
  const url = env('ATENDO_E2E_URL');

  // An empty database without the demo: nobody can sign in, and the server says what to do.
  expect(env('ATENDO_E2E_START_LOG')).toContain('npm run admin -- create-admin');
  const login = new LoginPage(page);
  await login.goto(url);
  await login.signIn(ADMIN.email, ADMIN.password);
  await expect(login.error).toContainText('E-mail ou senha incorretos');

  // The first admin, from the command line; the password on stdin, never in argv.
  const cliEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ATENDO_DATA_DIR: env('ATENDO_E2E_DATA_DIR'),
    ATENDO_SEED_DEMO: 'false',
  };
  delete cliEnv.ATENDO_DATABASE_URL;
  const cli = spawnSync(
    'npm',
    [
      'run',
      '--silent',
      'admin',
      '--',
      'create-admin',
      '--email',
      ADMIN.email,
      '--name',
      ADMIN.name,
    ],
    { cwd: repoRoot, env: cliEnv, input: `${ADMIN.password}\n`, encoding: 'utf8' },
  );
  expect(cli.status, cli.stderr).toBe(0);
  expect(cli.stdout).toContain(`Created admin ${ADMIN.name} <${ADMIN.email}>`);

  await login.signIn(ADMIN.email, ADMIN.password);
  await new WorkspacePage(page).waitUntilReady();
  const admin = new AdminConsole(page);
  await admin.open();

  // Teams: the bot's option 1 goes to Vendas, option 2 to Suporte.
  await admin.section('Equipes');
  for (const team of ['Vendas', 'Suporte']) {
    await page.getByRole('button', { name: 'Nova equipe' }).click();
    const dialog = admin.dialog('Nova equipe');
    await dialog.getByRole('textbox', { name: 'Nome', exact: true }).fill(team);
    await dialog.getByRole('button', { name: 'Criar equipe' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('cell', { name: team, exact: true })).toBeVisible();
  }
  await admin.screenshot('admin-org-teams');

  // Two agents, each invited with a temporary password shown once.
  await admin.section('Agentes');
  const joanaPassword = await invite(admin, JOANA, 'Suporte');
  await invite(admin, PEDRO, 'Vendas');
  await admin.screenshot('admin-org-agents');

  // The web chat channel and its bot menu.
  await admin.section('Canais');
  await page.getByRole('button', { name: 'Novo canal' }).click();
  await page.getByRole('menuitem', { name: 'Chat do site' }).click();
  const channel = admin.dialog('Novo canal: Chat do site');
  await channel.getByRole('textbox', { name: 'Nome', exact: true }).fill('Chat da Loja Boa');
  await admin.pick(channel, 'Equipe padrão', 'Vendas');
  await channel.getByRole('tab', { name: 'Widget do site' }).click();
  await channel.getByLabel('Chave do widget').fill(WIDGET_KEY);
  await channel.getByRole('tab', { name: 'Menu do robô' }).click();
  await channel.getByLabel('Usar menu do robô').check();
  await channel.getByLabel('Saudação do robô').fill('Olá! Digite o número da opção:');
  await channel.getByLabel('Texto da opção 1').fill('Comprar');
  await admin.pick(channel, 'Equipe da opção 1', 'Vendas');
  await channel.getByLabel('Texto da opção 2').fill('Suporte técnico');
  await admin.pick(channel, 'Equipe da opção 2', 'Suporte');
  await channel.getByLabel('Resposta a uma opção inválida').fill('Digite 1 ou 2.');
  await admin.screenshot('admin-org-channel-bot-menu');
  await channel.getByRole('button', { name: 'Criar canal' }).click();
  // Once created, the channel opens for editing with the code to paste into the site.
  const created = admin.dialog('Canal Chat da Loja Boa');
  await created.getByRole('tab', { name: 'Widget do site' }).click();
  await expect(created.getByText(`data-channel="${WIDGET_KEY}"`)).toBeVisible();
  await admin.screenshot('admin-org-channel-webchat');
  await created.getByRole('button', { name: 'Fechar' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Menu do robô · 2 opções' })).toBeVisible();
  await admin.screenshot('admin-org-channels');

  // Suporte's catalogue: a nested disposition tree, a tag and a quick reply.
  await admin.section('Tabulações');
  await admin.chooseTeam('Suporte');
  await page.getByRole('button', { name: 'Nova tabulação' }).click();
  await fillAndSave(admin.dialog('Nova tabulação'), 'Problema técnico');
  await page.getByRole('button', { name: 'Novo subitem de Problema técnico' }).click();
  await fillAndSave(admin.dialog('Novo subitem de Problema técnico'), 'Sem conexão');
  await page.getByRole('button', { name: 'Novo subitem de Problema técnico' }).click();
  await fillAndSave(admin.dialog('Novo subitem de Problema técnico'), 'Lentidão');
  const tree = page.getByRole('tree', { name: 'Tabulações' });
  await expect(tree.getByRole('treeitem', { name: 'Sem conexão' })).toHaveAttribute(
    'aria-level',
    '2',
  );
  await admin.screenshot('admin-dispositions');
  // Moving a node takes it (and anything under it) elsewhere in the tree, here to the top.
  await page.getByRole('button', { name: 'Mover Lentidão', exact: true }).click();
  const move = admin.dialog('Mover Lentidão');
  await admin.pick(move, 'Colocar dentro de', 'Nível principal');
  await move.getByRole('button', { name: 'Salvar' }).click();
  await expect(move).toBeHidden();
  await expect(tree.getByRole('treeitem', { name: 'Lentidão' })).toHaveAttribute('aria-level', '1');

  await admin.section('Tags');
  await admin.chooseTeam('Suporte');
  await page.getByRole('button', { name: 'Nova tag' }).click();
  await fillAndSave(admin.dialog('Nova tag'), 'Cliente VIP');
  await expect(page.getByRole('table', { name: 'Tags' }).getByText('Cliente VIP')).toBeVisible();
  await admin.screenshot('admin-tags');

  await admin.section('Respostas rápidas');
  await admin.chooseTeam('Suporte');
  await page.getByRole('button', { name: 'Nova resposta' }).click();
  const reply = admin.dialog('Nova resposta rápida de Suporte');
  await reply.getByLabel('Atalho').fill('Boas Vindas');
  await reply.getByRole('textbox', { name: 'Texto', exact: true }).fill('Olá ');
  await reply.getByRole('button', { name: '{{contact.firstName}}' }).click();
  await reply.getByRole('textbox', { name: 'Texto', exact: true }).press('End');
  await reply
    .getByRole('textbox', { name: 'Texto', exact: true })
    .pressSequentially(', sou do suporte da Loja Boa.');
  await expect(reply.getByTestId('quick-reply-preview')).toHaveText(
    'Olá Maria, sou do suporte da Loja Boa.',
  );
  await reply.getByRole('button', { name: 'Salvar' }).click();
  // The shared schema's rule, said in pt-BR under the field before any call.
  await expect(reply.getByText('Use de 1 a 30 letras minúsculas')).toBeVisible();
  await admin.screenshot('admin-quick-reply-form');
  await reply.getByLabel('Atalho').fill('boas-vindas');
  await reply.getByRole('button', { name: 'Salvar' }).click();
  await expect(reply).toBeHidden();
  await expect(page.getByText('/boas-vindas')).toBeVisible();
  await admin.screenshot('admin-quick-replies');

  // A local template for the web chat, its parameters previewed.
  await admin.section('Modelos de mensagem');
  await page.getByRole('button', { name: 'Novo modelo' }).click();
  const template = admin.dialog('Novo modelo para Chat da Loja Boa');
  await template.getByRole('textbox', { name: 'Nome', exact: true }).fill('retorno_pedido');
  await template
    .getByRole('textbox', { name: 'Texto', exact: true })
    .fill('Olá {{1}}, seu pedido {{2}} saiu para entrega.');
  await template.getByLabel('Exemplo para 1').fill('Paula');
  await expect(template.getByTestId('template-preview')).toContainText(
    'Olá Paula, seu pedido {{2}} saiu para entrega.',
  );
  await admin.screenshot('admin-template-form');
  await template.getByRole('button', { name: 'Salvar' }).click();
  await expect(template).toBeHidden();
  await expect(page.getByRole('cell', { name: 'retorno_pedido', exact: true })).toBeVisible();
  await admin.screenshot('admin-templates');

  // The audit log has every change, the CLI's admin first.
  await admin.section('Auditoria');
  const audit = page.getByRole('table', { name: 'Auditoria' });
  await expect(audit.getByText('tag.create')).toBeVisible();
  await audit
    .getByRole('row')
    .filter({ hasText: 'channel.create' })
    .getByRole('button', { name: 'Ver alterações' })
    .click();
  await expect(page.getByRole('table', { name: 'Alterações' })).toContainText(WIDGET_KEY);
  await admin.screenshot('admin-audit');

  // A visitor writes on the new widget and picks option 2.
  const visitor = await browser.newContext({ locale: 'pt-BR' });
  const site = await visitor.newPage();
  await site.goto(`${url}/webchat/demo?channel=${WIDGET_KEY}`);
  await site.locator('[data-atendo-webchat] .launcher').click();
  await site.getByLabel('Nome').fill(VISITOR);
  await site.getByLabel('E-mail').fill('paula@example.com');
  await site.getByRole('button', { name: 'Iniciar conversa' }).click();
  const input = site.getByPlaceholder('Digite sua mensagem…');
  await input.fill('Oi, estou sem internet');
  await input.press('Enter');
  await expect(site.getByText('2 - Suporte técnico')).toBeVisible();
  await input.fill('2');
  await input.press('Enter');
  await expect(site.getByText('Aguardando um atendente…')).toBeVisible();

  // Joana (Suporte only) signs in with the temporary password, sets hers, finds it queued.
  const joana = await signInFirstTime(browser, url, JOANA.email, joanaPassword, JOANA.password);
  await joana.take(VISITOR);
  const view = joana.conversation;
  await expect(view.title).toHaveText(VISITOR);
  await view.toggleTag('Cliente VIP');
  await expect(joana.page.getByTestId('header-tags')).toContainText('Cliente VIP');
  // The team's new quick reply, picked with / and filled in with the visitor's first name.
  await view.composer.fill('/boas');
  await expect(
    joana.page.getByRole('listbox', { name: 'Respostas rápidas' }).getByRole('option'),
  ).toHaveText([/\/boas-vindas/]);
  await view.composer.press('Enter');
  await expect(view.composer).toHaveValue('Olá Paula, sou do suporte da Loja Boa.');
  await view.composer.press('Enter');
  await expect(
    site.locator('.msg.outbound', { hasText: 'sou do suporte da Loja Boa' }),
  ).toBeVisible();
  const close = await view.close({ search: 'conex', leaf: 'Sem conexão' });
  await close.getByRole('button', { name: 'Finalizar atendimento' }).click();
  await expect(close).toBeHidden();
  await expect(site.getByText('Atendimento finalizado.', { exact: false })).toBeVisible();
  await visitor.close();
  await joana.page.context().close();

  // The used disposition can only be archived now: its name stays in reports.
  await admin.section('Tabulações');
  await admin.chooseTeam('Suporte');
  await expect(
    page.getByRole('treeitem', { name: 'Sem conexão' }).getByText('usada em 1 atendimento(s)'),
  ).toBeVisible();
});

async function invite(
  admin: AdminConsole,
  who: { email: string; name: string },
  team: string,
): Promise<string> {
  const { page } = admin;
  await page.getByRole('button', { name: 'Convidar agente' }).click();
  const dialog = admin.dialog('Convidar agente');
  await dialog.getByRole('textbox', { name: 'Nome', exact: true }).fill(who.name);
  await dialog.getByLabel('E-mail').fill(who.email);
  await admin.pick(dialog, 'Equipes', team);
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Convidar', exact: true }).click();
  const shown = admin.dialog(`${who.name} foi convidado(a)`);
  const password = (await shown.getByTestId('temporary-password').textContent()) ?? '';
  expect(password.length).toBeGreaterThanOrEqual(10);
  await shown.getByRole('button', { name: 'Pronto, anotei' }).click();
  await expect(page.getByRole('cell', { name: who.name, exact: true })).toBeVisible();
  return password;
}

async function fillAndSave(dialog: ReturnType<AdminConsole['dialog']>, name: string) {
  await dialog.getByRole('textbox', { name: 'Nome', exact: true }).fill(name);
  await dialog.getByRole('button', { name: 'Salvar' }).click();
  await expect(dialog).toBeHidden();
}

async function signInFirstTime(
  browser: Browser,
  url: string,
  email: string,
  temporary: string,
  chosen: string,
): Promise<WorkspacePage & { page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto(url);
  await login.signIn(email, temporary);
  await page.getByRole('textbox', { name: 'Nova senha', exact: true }).fill(chosen);
  await page.getByLabel('Confirme a nova senha').fill(chosen);
  await page.getByRole('button', { name: 'Definir senha e entrar' }).click();
  const workspace = new WorkspacePage(page);
  await workspace.waitUntilReady();
  return workspace;
}
