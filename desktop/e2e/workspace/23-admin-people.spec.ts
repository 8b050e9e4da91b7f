import { expect, test } from '@playwright/test';
import { AdminPage } from './pages/admin-page';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { serverUrl, signIn } from './support/atendo';
import { unnamedControls } from './support/unnamed-controls';

test('an admin creates a team, invites an agent and opens a web chat with a bot menu', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = String(Date.now() % 1_000_000);
  const teamName = `Pós-venda ${stamp}`;
  const agentName = `Paula Nova ${stamp}`;
  const email = `paula.${stamp}@atendo.demo`;
  const { page } = await signIn(browser, 'admin');
  const admin = new AdminPage(page);
  await admin.open();
  await expect(admin.row('Agentes', 'ana@atendo.demo')).toContainText('Ana Souza');
  await expect(admin.row('Agentes', 'carla@atendo.demo')).toContainText('Supervisor');
  await admin.screenshot('admin-agents');
  expect(await unnamedControls(page)).toEqual([]);

  // A team: the empty name is refused with a sentence before anything is sent.
  await admin.section('Equipes');
  await admin.region.getByRole('button', { name: 'Nova equipe' }).click();
  const teamDialog = admin.dialog('Nova equipe');
  await teamDialog.getByRole('button', { name: 'Criar equipe' }).click();
  await expect(teamDialog.getByText('Preencha este campo.')).toBeVisible();
  await teamDialog.getByLabel('Nome').fill(teamName);
  await admin.pick(teamDialog, 'Membros', 'Bruno Lima · bruno@atendo.demo');
  await teamDialog.getByRole('switch', { name: /^Tabulação obrigatória/ }).click();
  await teamDialog.getByRole('switch', { name: /^Pesquisa de satisfação \(CSAT\)/ }).click();
  await teamDialog.getByLabel('Tempo para responder a pesquisa').fill('30');
  await admin.screenshot('admin-team-form');
  expect(await unnamedControls(page)).toEqual([]);
  await teamDialog.getByRole('button', { name: 'Criar equipe' }).click();
  await expect(admin.notice(`Equipe ${teamName} salva`)).toBeVisible();
  await expect(teamDialog).toBeHidden();
  const teamRow = admin.row('Equipes', teamName);
  await expect(teamRow).toContainText('Bruno Lima');
  await expect(teamRow).toContainText('CSAT · 30 min');
  await admin.screenshot('admin-teams');

  // An invited agent gets a temporary password, shown once with a copy button.
  await admin.section('Agentes');
  await admin.region.getByRole('button', { name: 'Convidar agente' }).click();
  const invite = admin.dialog('Convidar agente');
  await invite.getByLabel('Nome').fill(agentName);
  await invite.getByLabel('E-mail').fill('paula@');
  await invite.getByRole('button', { name: 'Convidar', exact: true }).click();
  await expect(invite.getByText('Informe um e-mail válido')).toBeVisible();
  await invite.getByLabel('E-mail').fill(email);
  await admin.pick(invite, 'Equipes', teamName);
  await invite.getByLabel('Capacidade').fill('4');
  await invite.getByRole('button', { name: 'Convidar', exact: true }).click();
  const shown = admin.dialog(`${agentName} foi convidado(a)`);
  await expect(shown.getByText('precisa ser trocada no primeiro acesso')).toBeVisible();
  await expect(shown.getByRole('button', { name: 'Copiar Senha provisória' })).toBeVisible();
  const temporaryPassword = (await shown.getByTestId('temporary-password').innerText()).trim();
  expect(temporaryPassword.length).toBeGreaterThanOrEqual(8);
  await admin.screenshot('admin-agent-password');
  await shown.getByRole('button', { name: 'Pronto, anotei' }).click();
  const agentRow = admin.row('Agentes', email);
  await expect(agentRow).toContainText('Senha provisória');
  await expect(agentRow).toContainText(teamName);

  // The same e-mail again: the server's refusal appears under the field it names.
  await admin.region.getByRole('button', { name: 'Convidar agente' }).click();
  await invite.getByLabel('Nome').fill('Outra Paula');
  await invite.getByLabel('E-mail').fill(email);
  await invite.getByRole('button', { name: 'Convidar', exact: true }).click();
  await expect(invite.getByText('Já existe um cadastro com este valor')).toBeVisible();
  await admin.screenshot('admin-agent-invite-error');
  expect(await unnamedControls(page)).toEqual([]);
  await invite.getByRole('button', { name: 'Cancelar' }).click();

  // Deactivating explains what happens before doing it.
  await admin.rowAction(agentName, 'Desativar');
  const deactivate = admin.dialog(`Desativar ${agentName}?`);
  await expect(deactivate).toContainText('voltam para a fila da equipe');
  await admin.screenshot('admin-agent-deactivate');
  await deactivate.getByRole('button', { name: 'Cancelar' }).click();

  // A reset replaces the temporary password with a new one, shown once too.
  await admin.rowAction(agentName, 'Redefinir senha');
  const reset = admin.dialog(`Redefinir a senha de ${agentName}?`);
  await reset.getByRole('button', { name: 'Redefinir senha' }).click();
  const again = admin.dialog(`Nova senha provisória de ${agentName}`);
  const resetPassword = (await again.getByTestId('temporary-password').innerText()).trim();
  expect(resetPassword).not.toBe(temporaryPassword);
  await again.getByRole('button', { name: 'Pronto, anotei' }).click();

  // A web chat with a bot menu of two options.
  await admin.section('Canais');
  await admin.region.getByRole('button', { name: 'Novo canal' }).click();
  await page.getByRole('menuitem', { name: 'Chat do site' }).click();
  const channel = admin.dialog('Novo canal: Chat do site');
  await channel.getByLabel('Nome').fill(`Chat da loja ${stamp}`);
  await admin.pick(channel, 'Equipe padrão', teamName);
  await channel.getByRole('tab', { name: 'Widget do site' }).click();
  await channel.getByLabel('Chave do widget').fill(`loja-${stamp}`);
  await channel.getByLabel('Sites permitidos').fill('https://loja.example/');
  await channel.getByLabel('Saudação', { exact: true }).fill('Olá! Fale com a nossa equipe.');
  await channel.getByRole('tab', { name: 'Menu do robô' }).click();
  await channel.getByRole('switch', { name: /^Usar menu do robô/ }).click();
  await channel
    .getByLabel('Saudação do robô')
    .fill('Olá! Digite 1 para Vendas ou 2 para Pós-venda.');
  await channel.getByLabel('Texto da opção 1').fill('Vendas');
  await admin.pick(channel, 'Equipe da opção 1', 'Vendas');
  await channel.getByLabel('Texto da opção 2').fill('Pós-venda');
  await channel.getByRole('button', { name: 'Criar canal' }).click();
  // Option 2 has no team yet, and no invalid-option text: both fields say so.
  await expect(channel.getByText('Escolha a equipe que recebe esta opção.')).toBeVisible();
  await admin.pick(channel, 'Equipe da opção 2', teamName);
  await channel
    .getByLabel('Resposta a uma opção inválida')
    .fill('Não entendi. Digite só o número da opção.');
  await admin.screenshot('admin-bot-menu');
  expect(await unnamedControls(page)).toEqual([]);
  await channel.getByRole('button', { name: 'Criar canal' }).click();
  await expect(admin.notice(`Canal Chat da loja ${stamp} salvo`)).toBeVisible();
  const created = admin.dialog(`Canal Chat da loja ${stamp}`);
  await expect(created.getByTestId('embed-snippet')).toContainText(`loja-${stamp}`);
  await expect(created.getByRole('button', { name: 'Copiar Código para o site' })).toBeVisible();
  await admin.screenshot('admin-webchat');
  expect(await unnamedControls(page)).toEqual([]);
  await created.getByRole('button', { name: 'Cancelar' }).click();
  await expect(admin.row('Canais', `Chat da loja ${stamp}`)).toContainText(
    'Menu do robô · 2 opções',
  );
  await admin.screenshot('admin-channels');

  // A WhatsApp number of its own: the phone number id is checked, secrets are write-only.
  await admin.region.getByRole('button', { name: 'Novo canal' }).click();
  await page.getByRole('menuitem', { name: 'Número de WhatsApp' }).click();
  const newNumber = admin.dialog('Novo canal: WhatsApp');
  await newNumber.getByLabel('Nome').fill(`WhatsApp Pós-venda ${stamp}`);
  await admin.pick(newNumber, 'Equipe padrão', teamName);
  await newNumber.getByRole('tab', { name: 'Conexão com a Meta' }).click();
  await newNumber.getByLabel('ID do número de telefone').fill('+55 11 4000-0000');
  await newNumber.getByLabel('Substituir Token de verificação').fill('verifica-e2e');
  await newNumber.getByRole('button', { name: 'Criar canal' }).click();
  await expect(newNumber.getByText('Use o ID do número (só dígitos')).toBeVisible();
  await newNumber.getByLabel('ID do número de telefone').fill(`7700${stamp}`);
  await newNumber.getByRole('button', { name: 'Criar canal' }).click();
  await expect(admin.notice(`Canal WhatsApp Pós-venda ${stamp} salvo`)).toBeVisible();
  const whatsapp = admin.dialog(`Canal WhatsApp Pós-venda ${stamp}`);
  await expect(whatsapp.getByTestId('webhook-url')).toContainText('/webhooks/whatsapp/');
  // The e2e server has the WHATSAPP_* fallback (support/fake-whatsapp.ts): the two secrets not
  // typed here come from it; the verify token typed here is the channel's own.
  await expect(whatsapp.getByTestId('secret-state')).toHaveText([
    'definido no servidor',
    'definido no servidor',
    'definido',
  ]);
  // The stored token never comes back: its field is empty, ready for a replacement.
  await expect(whatsapp.getByLabel('Substituir Token de verificação')).toHaveValue('');
  await expect(
    whatsapp.getByRole('button', { name: /^Remover Token de verificação/ }),
  ).toBeVisible();
  await admin.screenshot('admin-whatsapp');
  expect(await unnamedControls(page)).toEqual([]);
  await whatsapp.getByRole('button', { name: 'Cancelar' }).click();

  // The invited agent signs in with the latest temporary password and must choose a new one.
  const context = await browser.newContext();
  const newcomer = await context.newPage();
  const login = new LoginPage(newcomer);
  await login.goto(serverUrl());
  await login.signIn(email, resetPassword);
  await newcomer.getByLabel('Nova senha', { exact: true }).fill('Onda-azul-2026!');
  await newcomer.getByLabel('Confirme a nova senha').fill('Onda-azul-2026!');
  await newcomer.getByRole('button', { name: 'Definir senha e entrar' }).click();
  await new WorkspacePage(newcomer).waitUntilReady();
  // The admin's list follows without a reload: the agent no longer awaits a new password.
  await admin.section('Agentes');
  await expect(agentRow).toContainText('Ativo');
  await context.close();
});

test('a supervisor reads the console but cannot change anything', async ({ browser }) => {
  const { page } = await signIn(browser, 'carla');
  const admin = new AdminPage(page);
  await admin.open();
  await expect(admin.region.getByTestId('admin-read-only')).toContainText(
    'Somente administradores podem alterar',
  );
  await expect(admin.region.getByRole('button', { name: 'Convidar agente' })).toBeDisabled();
  await admin.section('Equipes');
  await expect(admin.region.getByRole('button', { name: 'Nova equipe' })).toBeDisabled();
  await admin.rowAction('Suporte', 'Ver detalhes');
  const team = admin.dialog('Equipe Suporte');
  await expect(team.getByLabel('Nome')).toBeDisabled();
  await expect(team.getByRole('button', { name: 'Salvar' })).toHaveCount(0);
  await admin.screenshot('admin-read-only');
});
