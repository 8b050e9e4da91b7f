import { expect, test } from '@playwright/test';
import { saveScreenshot, signIn } from './support/atendo';
import { StartDialog } from './pages/start-dialog';

test('outside the window only a template goes out; history is read-only', async ({ browser }) => {
  const ana = await signIn(browser, 'ana');
  const view = ana.workspace.conversation;

  await ana.workspace.openStartDialog();
  const start = new StartDialog(ana.page);
  await start.choose('Maria Oliveira', 'WhatsApp Atendo');
  await expect(
    start.dialog.getByText('Para iniciar no WhatsApp é preciso enviar um modelo de mensagem.'),
  ).toBeVisible();
  await start.openTemplatePicker();
  await view.sendTemplate('retomada_atendimento', ['Maria', 'Ana']);

  await expect(view.title).toHaveText('Maria Oliveira');
  await expect(view.messages('Olá Maria, aqui é Ana da Atendo')).toBeVisible();
  // The contact has not answered: the window stays closed and says how to go on.
  await expect(view.windowBanner).toHaveAttribute('data-window', 'closed');
  await expect(view.composer).toBeDisabled();
  await expect(
    view.windowBanner.getByRole('button', { name: 'Enviar modelo de mensagem' }),
  ).toBeVisible();
  await saveScreenshot(ana.page, 'conversation-window-closed');

  const drawer = await view.openHistory();
  await drawer.getByTestId('history-item').first().click();
  const timeline = drawer.getByTestId('history-timeline');
  await expect(timeline.getByText('Funcionou, obrigada!')).toBeVisible();
  await expect(timeline.getByText('Histórico somente leitura')).toBeVisible();
  await expect(timeline.getByRole('textbox')).toHaveCount(0);
  await saveScreenshot(ana.page, 'history');

  await ana.context.close();
});
