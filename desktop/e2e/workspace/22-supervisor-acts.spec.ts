import { expect, test, type Page } from '@playwright/test';
import { MonitoringPage } from './pages/monitoring-page';
import { CHANNELS, contactWrites, signIn } from './support/atendo';

/**
 * Success notices stack in the corner over the monitoring table's action column (they leave
 * after 6 s); a supervisor working fast closes them, and so does this test.
 */
async function closeNotices(page: Page): Promise<void> {
  for (const close of await page.getByTestId('notice').getByRole('button').all()) {
    await close.click();
  }
}

/** The screens of this flow go with the docs (docs/agent-seat.md, "Supervisors"). */
const docsScreenshot = (page: Page, name: string) =>
  page.screenshot({ path: `docs/screenshots/${name}.png` });

test('a supervisor opens a monitored conversation, reads, joins, reassigns and transfers it; the agent who lost it is told who', async ({
  browser,
}) => {
  const bruno = await signIn(browser, 'bruno');
  const carla = await signIn(browser, 'carla');
  const contact = await contactWrites(CHANNELS.receptivo, 'Meu boleto veio com o valor errado.', {
    name: 'Otávio Supervisão',
  });
  await bruno.workspace.take(contact.name);
  await expect(bruno.workspace.conversation.title).toHaveText(contact.name);
  await bruno.workspace.conversation.send('Olá Otávio, vou verificar o boleto.');

  // Carla opens the row: the timeline is there, the composer is not, until she joins.
  // The table is virtualised and the suite leaves many rows: filter, as a supervisor would.
  await carla.workspace.openMonitoring();
  const monitoring = new MonitoringPage(carla.page);
  await monitoring.filter('Agente', 'Bruno Lima');
  await monitoring.open(contact.name);
  const seen = carla.workspace.conversation;
  await expect(seen.title).toHaveText(contact.name);
  await expect(seen.messages('Meu boleto veio com o valor errado.')).toBeVisible();
  await expect(seen.messages('vou verificar o boleto')).toBeVisible();
  await expect(seen.composer).toHaveCount(0);
  const bar = carla.page.getByTestId('monitor-bar');
  await expect(bar).toContainText(
    'Você está acompanhando este atendimento de Bruno Lima, somente leitura.',
  );
  await docsScreenshot(carla.page, 'supervisor-reading');

  await bar.getByRole('button', { name: 'Entrar no atendimento' }).click();
  await expect(seen.composer).toBeVisible();
  await expect(seen.systemEvents('Carla Mendes (supervisão) entrou no atendimento')).toBeVisible();
  await seen.send('Oi Otávio, aqui é a Carla, da supervisão. Estou acompanhando.');
  await expect(
    bruno.workspace.conversation.systemEvents('Carla Mendes (supervisão) entrou no atendimento'),
  ).toBeVisible();
  await expect(bruno.workspace.conversation.messages('aqui é a Carla')).toBeVisible();

  // Reassigned to Ana: Bruno's pane says who did it instead of going blank.
  await carla.workspace.openMonitoring();
  await closeNotices(carla.page);
  await monitoring.filter('Agente', 'Bruno Lima');
  await monitoring.reassign(contact.name, 'Ana Souza');
  await monitoring.filter('Agente', 'Ana Souza');
  await expect(await monitoring.reveal(contact.name)).toContainText('Ana Souza');
  const lost = bruno.page.getByTestId('loss-notice');
  await expect(lost).toContainText(
    'Carla Mendes (supervisão) reatribuiu este atendimento para Ana Souza.',
  );
  await expect(bruno.workspace.conversation.composer).toHaveCount(0);
  await docsScreenshot(bruno.page, 'agent-told-who-reassigned');

  // Transferred to another team's queue from the row.
  await monitoring.menu(contact.name, 'Transferir');
  const transfer = carla.page.getByRole('dialog', { name: 'Transferir atendimento' });
  await transfer.getByRole('combobox', { name: 'Equipe' }).click();
  await carla.page.getByRole('option', { name: 'Vendas', exact: true }).click();
  await transfer.getByRole('button', { name: 'Transferir' }).click();
  await expect(transfer).toBeHidden();
  await closeNotices(carla.page);
  await monitoring.clearFilter('Agente');
  await monitoring.filter('Equipe', 'Vendas');
  await monitoring.filter('Estado', 'Em espera');
  await expect(await monitoring.reveal(contact.name)).toContainText('Vendas');
  await expect(monitoring.row(contact.name)).toContainText('Em espera');
  await monitoring.open(contact.name);
  await expect(
    seen.systemEvents('Carla Mendes (supervisão) transferiu de Ana Souza para Vendas'),
  ).toBeVisible();
  await expect(
    seen.systemEvents('Carla Mendes (supervisão) reatribuiu de Bruno Lima para Ana Souza'),
  ).toBeVisible();

  // A contact still in the bot menu is reassigned too (agents are told to ask for exactly that).
  const inBot = await contactWrites(CHANNELS.whatsapp, 'Oi, preciso falar com alguém', {
    name: 'Rita No Bot',
  });
  await carla.workspace.openMonitoring();
  await monitoring.filter('Estado', 'Navegação do bot');
  await expect(await monitoring.reveal(inBot.name)).toContainText('Navegação do bot');
  await docsScreenshot(carla.page, 'monitoring-open-actions');
  await monitoring.reassign(inBot.name, 'Bruno Lima');
  await monitoring.filter('Estado', 'Em atendimento');
  await monitoring.filter('Agente', 'Bruno Lima');
  await expect(await monitoring.reveal(inBot.name)).toContainText('Em atendimento');
  await expect(monitoring.row(inBot.name)).toContainText('Bruno Lima');
  await bruno.workspace.open(inBot.name);

  // Sending back asks first; then Bruno reads who sent it back.
  await (
    await monitoring.reveal(inBot.name)
  )
    .getByRole('button', { name: `Ações para ${inBot.name}` })
    .click();
  await carla.page.getByRole('menuitem', { name: 'Devolver à fila' }).click();
  const confirm = carla.page.getByRole('dialog', {
    name: `Devolver à fila o atendimento de ${inBot.name}?`,
  });
  await expect(confirm).toContainText(
    'Bruno Lima deixará de atender este contato, e ele volta à fila da equipe Suporte.',
  );
  await docsScreenshot(carla.page, 'monitoring-send-back-confirm');
  await confirm.getByRole('button', { name: 'Cancelar' }).click();
  await expect(confirm).toBeHidden();
  await expect(monitoring.row(inBot.name)).toContainText('Em atendimento');
  await monitoring.sendBackToQueue(inBot.name);
  await monitoring.clearFilter('Agente');
  await monitoring.filter('Equipe', 'Suporte');
  await monitoring.filter('Estado', 'Em espera');
  await expect(await monitoring.reveal(inBot.name)).toContainText('Em espera');
  await expect(bruno.page.getByTestId('loss-notice')).toContainText(
    'Carla Mendes (supervisão) devolveu este atendimento à fila da equipe Suporte.',
  );

  // Tidy up for later specs: both leave monitoring.
  await monitoring.forceClose(inBot.name);
  await monitoring.filter('Equipe', 'Vendas');
  await monitoring.forceClose(contact.name);
  await expect(monitoring.row(contact.name)).toHaveCount(0);

  await bruno.context.close();
  await carla.context.close();
});
