import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import yauzl from 'yauzl';
import { PrivacyPage } from './pages/privacy-page';
import { CHANNELS, contactWrites, saveScreenshot, signIn } from './support/atendo';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Entry names and the text of contact.json from a downloaded zip. */
function readExport(file: string): Promise<{ names: string[]; json: string }> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      const names: string[] = [];
      let json = '';
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (entry.fileName !== 'contact.json') {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) {
            reject(streamError);
            return;
          }
          stream.on('data', (chunk: Buffer) => (json += chunk.toString('utf8')));
          stream.on('end', () => {
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => {
        resolve({ names, json });
      });
      zip.readEntry();
    });
  });
}

test('an admin exports a contact, erases it, and the erasure reaches an agent live', async ({
  browser,
}) => {
  const ana = await signIn(browser, 'ana');
  const admin = await signIn(browser, 'admin');
  const contact = await contactWrites(
    CHANNELS.receptivo,
    'Meu CPF é 123.456.789-00, pode anotar?',
    {
      name: 'Helena Titular',
    },
  );
  await ana.workspace.take(contact.name);
  const view = ana.workspace.conversation;
  await expect(view.title).toHaveText(contact.name);
  await view.send('Anotado, Helena. Obrigada!');
  await view.attach({ name: 'rg-helena.png', mimeType: 'image/png', buffer: PNG });
  await expect(
    view.messages().getByTestId('attachment').filter({ hasText: 'rg-helena.png' }),
  ).toBeVisible();

  const privacy = new PrivacyPage(admin.page);
  await privacy.open();
  await privacy.search('Helena Titular');
  await expect(privacy.subject(contact.name)).toContainText('1 em aberto');
  await saveScreenshot(admin.page, 'privacy-subjects');

  const download = await privacy.exportData(contact.name);
  expect(download.suggestedFilename()).toMatch(/^atendo-contato-.+\.zip$/);
  fs.mkdirSync('test-results/downloads', { recursive: true });
  const saved = `test-results/downloads/${download.suggestedFilename()}`;
  await download.saveAs(saved);
  const exported = await readExport(saved);
  expect(exported.names).toContain('contact.json');
  expect(exported.names.some((n) => n.endsWith('-rg-helena.png'))).toBe(true);
  expect(exported.json).toContain('Meu CPF é 123.456.789-00');
  expect(exported.json).toContain('Anotado, Helena. Obrigada!');

  const dialog = await privacy.startErasing(contact.name);
  const submit = dialog.getByRole('button', { name: 'Eliminar definitivamente' });
  await dialog.getByLabel('Para confirmar, digite o nome do contato').fill(contact.name);
  // The open conversation must be ended explicitly.
  await expect(submit).toBeDisabled();
  await dialog.getByLabel('Encerrar os atendimentos em aberto e eliminar mesmo assim').check();
  await saveScreenshot(admin.page, 'privacy-erase-dialog');
  await submit.click();
  await expect(dialog).toBeHidden();
  await expect(admin.workspace.notice('Dados eliminados')).toBeVisible();
  await expect(privacy.subject(contact.name)).toHaveCount(0);

  // Ana had the conversation open: it leaves her workspace without a reload.
  await expect(view.title).toHaveCount(0);
  await ana.workspace.showTab('Em atendimento');
  await expect(ana.workspace.row(contact.name)).toHaveCount(0);
  await expect(ana.page.getByText('Meu CPF é 123.456.789-00')).toHaveCount(0);
  await saveScreenshot(ana.page, 'privacy-erased-agent');

  await privacy.tab('Registro de acessos');
  await expect(privacy.logRows('Eliminou dados')).toHaveCount(1);
  await expect(privacy.logRows('Exportou dados')).toHaveCount(1);
  await expect(privacy.logRows('Baixou arquivo').first()).toContainText('Ana Souza');
  await privacy.region.getByRole('combobox', { name: 'Agente' }).click();
  await admin.page.getByRole('option', { name: 'Administrador Atendo', exact: true }).click();
  await privacy.region.getByRole('button', { name: 'Filtrar' }).click();
  await expect(privacy.logRows('Ana Souza')).toHaveCount(0);
  await saveScreenshot(admin.page, 'privacy-access-log');
  const csv = admin.page.waitForEvent('download');
  await privacy.region.getByRole('button', { name: 'Exportar CSV' }).click();
  const csvPath = `test-results/downloads/${(await csv).suggestedFilename()}`;
  await (await csv).saveAs(csvPath);
  const lines = fs.readFileSync(csvPath, 'utf8').trim().split('\r\n');
  expect(lines[0]).toContain('id,at,agent_id,agent_name,action');
  expect(lines.slice(1).every((line) => line.includes(',agent-admin,'))).toBe(true);
  expect(lines.some((line) => line.includes('privacy.erase'))).toBe(true);

  await privacy.tab('Retenção');
  await privacy.region
    .getByLabel('Apagar atendimentos finalizados há mais de', { exact: true })
    .check();
  await privacy.region.getByRole('button', { name: 'Salvar prazos' }).click();
  await expect(admin.workspace.notice('Prazos de retenção salvos')).toBeVisible();
  await saveScreenshot(admin.page, 'privacy-retention');

  await ana.context.close();
  await admin.context.close();
});

test('agents and supervisors do not see the privacy screen', async ({ browser }) => {
  const carla = await signIn(browser, 'carla');
  await expect(carla.page.getByText('Monitoramento', { exact: true })).toBeVisible();
  await expect(carla.page.getByText('Privacidade', { exact: true })).toHaveCount(0);
  await carla.context.close();
});
