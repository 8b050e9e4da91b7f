import { expect, test } from '@playwright/test';
import { CHANNELS, contactWrites, saveScreenshot, signIn } from './support/atendo';

test('two agents click the same queued conversation: one takes it, the other is told who', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  const bruno = await signIn(browser, 'bruno');

  // Both clicks must reach the server. When one agent's take reaches the other's screen first,
  // that row is gone before the second click lands (no race happened): try a new contact.
  let contact = await contactWrites(CHANNELS.receptivo, 'Olá, minha internet caiu.');
  for (let attempt = 1; ; attempt++) {
    for (const agent of [ana, bruno]) {
      await agent.workspace.showTab('Em espera');
      await expect(agent.workspace.row(contact.name)).toBeVisible();
    }
    const clicks = await Promise.allSettled(
      [ana, bruno].map((agent) => agent.workspace.row(contact.name).click({ timeout: 5_000 })),
    );
    if (clicks.every((click) => click.status === 'fulfilled')) break;
    expect(attempt, 'both clicks never landed before the take synced').toBeLessThan(3);
    contact = await contactWrites(CHANNELS.receptivo, 'Olá, minha internet caiu.');
  }

  // Whoever's screen opens the conversation won; the other must be told who.
  const opened = (agent: typeof ana) =>
    agent.workspace.conversation.title.filter({ hasText: contact.name }).waitFor();
  const anaWon = await Promise.any([opened(ana).then(() => true), opened(bruno).then(() => false)]);
  const [winner, loser, winnerName] = anaWon
    ? [ana, bruno, 'Ana Souza']
    : [bruno, ana, 'Bruno Lima'];
  await expect(winner.workspace.conversation.title).toHaveText(contact.name);
  await expect(winner.workspace.conversation.state).toHaveText('Em atendimento');
  await expect(
    loser.workspace.notice(`Este atendimento já foi assumido por ${winnerName}.`),
  ).toBeVisible();
  // The loser's queue no longer shows it, without a reload.
  await expect(loser.workspace.row(contact.name)).toHaveCount(0);

  await winner.workspace.conversation.send('Olá! Vou verificar sua conexão agora mesmo.');
  // The channel accepted it: the tick shows, not the failure.
  await expect(winner.workspace.conversation.messages('Vou verificar sua conexão')).toHaveAttribute(
    'data-status',
    /sent|delivered|read/,
  );
  await saveScreenshot(winner.page, 'workspace-conversation');
  await winner.page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(winner.page, 'workspace-conversation-dark');

  await ana.context.close();
  await bruno.context.close();
});
