import { expect, test } from '@playwright/test';
import { MonitoringPage } from './pages/monitoring-page';
import { CHANNELS, contactWrites, saveScreenshot, signIn } from './support/atendo';

test('a supervisor sees every live conversation, filters, and force-closes one', async ({
  browser,
}) => {
  const bruno = await signIn(browser, 'bruno');
  const carla = await signIn(browser, 'carla');
  const contact = await contactWrites(CHANNELS.receptivo, 'Alguém pode me atender?', {
    name: 'Helena Monitor',
  });
  await bruno.workspace.take(contact.name);
  await expect(bruno.workspace.conversation.title).toHaveText(contact.name);

  await carla.workspace.openMonitoring();
  const monitoring = new MonitoringPage(carla.page);
  await expect(monitoring.row(contact.name)).toBeVisible();
  await expect(monitoring.row(contact.name)).toContainText('Bruno Lima');
  await monitoring.filter('Agente', 'Bruno Lima');
  await expect(monitoring.row(contact.name)).toBeVisible();
  await saveScreenshot(carla.page, 'monitoring');

  await monitoring.forceClose(contact.name);
  await expect(monitoring.row(contact.name)).toHaveCount(0);
  // Bruno's screen follows live: the conversation is over and can no longer be written to.
  await expect(bruno.workspace.conversation.state).toHaveText('Finalizado');
  await expect(bruno.workspace.conversation.composer).toHaveCount(0);

  // Sending back to the queue: the row stays, waiting again, and leaves Bruno's own list.
  const other = await contactWrites(CHANNELS.receptivo, 'Ainda preciso de ajuda.', {
    name: 'Caio Fila',
  });
  await bruno.workspace.take(other.name);
  await expect(bruno.workspace.conversation.state).toHaveText('Em atendimento');
  await expect(monitoring.row(other.name)).toBeVisible();
  await monitoring.sendBackToQueue(other.name);
  // Bruno no longer owns it, so the agent filter hides it; without the filter it waits again.
  await expect(monitoring.row(other.name)).toHaveCount(0);
  await monitoring.clearFilter('Agente');
  await expect(monitoring.row(other.name)).toContainText('Em espera');
  await bruno.workspace.showTab('Em atendimento');
  await expect(bruno.workspace.row(other.name)).toHaveCount(0);

  await bruno.context.close();
  await carla.context.close();
});
