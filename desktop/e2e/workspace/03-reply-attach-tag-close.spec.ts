import { expect, test } from '@playwright/test';
import { CHANNELS, contactWrites, signIn } from './support/atendo';

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test('reply, attach a file, tag, and close with the required disposition', async ({ browser }) => {
  const ana = await signIn(browser, 'ana');
  const contact = await contactWrites(CHANNELS.receptivo, 'Preciso da segunda via do boleto.');
  const view = ana.workspace.conversation;

  await ana.workspace.take(contact.name);
  await expect(view.title).toHaveText(contact.name);
  await expect(view.windowBanner).toHaveAttribute('data-window', 'open');

  await view.send('Claro! Vou gerar a segunda via para você.');
  const reply = view.messages('Vou gerar a segunda via');
  await expect(reply).toHaveAttribute('data-direction', 'outbound');
  await expect(reply.getByTestId('message-author')).toHaveText('Você');

  await view.attach({ name: 'boleto.png', mimeType: 'image/png', buffer: PNG });
  const attachment = view.messages().getByTestId('attachment').filter({ hasText: 'boleto.png' });
  await expect(attachment).toBeVisible();
  // The preview is fetched with the agent's token and shown from a blob URL, and it decodes.
  const preview = attachment.getByRole('img', { name: 'boleto.png' });
  await expect(preview).toHaveAttribute('src', /^blob:/);
  await expect
    .poll(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);
  await expect(attachment.getByRole('link', { name: /boleto\.png/ })).toHaveAttribute(
    'download',
    'boleto.png',
  );

  await view.toggleTag('Urgente');
  await expect(view.systemEvents(/adicionou a tag Urgente/)).toBeVisible();

  // Suporte requires a disposition: the button stays disabled until a leaf is picked.
  const dialog = await view.close();
  await expect(dialog.getByText('Esta equipe exige uma tabulação para finalizar.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Finalizar atendimento' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Buscar tabulação' }).fill('cobr');
  await dialog.getByRole('radio', { name: 'Cobrança' }).click();
  await expect(dialog.getByTestId('chosen-disposition')).toHaveText(
    'Selecionada: Dúvida › Cobrança',
  );
  await dialog.getByRole('button', { name: 'Finalizar atendimento' }).click();
  await expect(dialog).toBeHidden();
  await expect(view.state).toHaveText(/Pendente de avaliação|Finalizado/);

  await ana.context.close();
});
