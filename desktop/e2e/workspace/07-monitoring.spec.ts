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

  await bruno.context.close();
  await carla.context.close();
});
