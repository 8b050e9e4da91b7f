import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { MonitoringPage } from './pages/monitoring-page';
import { CHANNELS, contactWrites, serverUrl, signIn } from './support/atendo';
import { unnamedControls } from './support/unnamed-controls';

test('every visible control on the main screens has an accessible name', async ({
  browser,
  page,
}) => {
  await new LoginPage(page).goto(serverUrl());
  expect(await unnamedControls(page)).toEqual([]);

  const carla = await signIn(browser, 'carla');
  const contact = await contactWrites(CHANNELS.receptivo, 'Oi, tudo bem?', {
    name: 'Nina Acessível',
  });
  await carla.workspace.take(contact.name);
  await expect(carla.workspace.conversation.state).toHaveText('Em atendimento');
  expect(await unnamedControls(carla.page)).toEqual([]);

  await carla.workspace.openStartDialog();
  expect(await unnamedControls(carla.page)).toEqual([]);
  await carla.page.keyboard.press('Escape');

  await carla.workspace.openMonitoring();
  await expect(new MonitoringPage(carla.page).row(contact.name)).toBeVisible();
  expect(await unnamedControls(carla.page)).toEqual([]);
  await carla.context.close();
});
