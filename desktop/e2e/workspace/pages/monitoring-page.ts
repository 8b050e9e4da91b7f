import { expect, type Locator, type Page } from '@playwright/test';

/** The supervisor's monitoring table with its filters and row actions. */
export class MonitoringPage {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Monitoramento' });
  }

  row(contactName: string): Locator {
    return this.page.getByTestId('monitoring-row').filter({ hasText: contactName });
  }

  /**
   * The table is virtualised: a row far down is not in the page until scrolled to. Scrolls the
   * table (wrapping to the top at the end) until the contact's row is rendered.
   */
  async reveal(contactName: string): Promise<Locator> {
    const row = this.row(contactName);
    const scroller = this.region.locator('table').locator('xpath=..');
    await expect(async () => {
      if ((await row.count()) === 0) {
        await scroller.evaluate((el) => {
          const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
          el.scrollTop = atEnd ? 0 : el.scrollTop + el.clientHeight / 2;
        });
      }
      expect(await row.count()).toBeGreaterThan(0);
    }).toPass({ timeout: 15_000, intervals: [50, 100, 200] });
    return row;
  }

  async filter(label: 'Equipe' | 'Agente' | 'Estado' | 'Canal', option: string): Promise<void> {
    await this.region.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async forceClose(contactName: string): Promise<void> {
    await (
      await this.reveal(contactName)
    )
      .getByRole('button', { name: `Finalizar: ${contactName}` })
      .click();
    const dialog = this.page.getByRole('dialog', {
      name: `Finalizar atendimento de ${contactName}?`,
    });
    await dialog.getByRole('button', { name: 'Finalizar' }).click();
    await expect(dialog).toBeHidden();
  }

  async sendBackToQueue(contactName: string): Promise<void> {
    await (
      await this.reveal(contactName)
    )
      .getByRole('button', { name: `Ações para ${contactName}` })
      .click();
    await this.page.getByRole('menuitem', { name: 'Devolver à fila' }).click();
    const dialog = this.page.getByRole('dialog', {
      name: `Devolver à fila o atendimento de ${contactName}?`,
    });
    await dialog.getByRole('button', { name: 'Devolver à fila' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the conversation in the workspace pane, read-only until the supervisor joins. */
  async open(contactName: string): Promise<void> {
    await (
      await this.reveal(contactName)
    )
      .getByRole('button', { name: `Abrir atendimento de ${contactName}` })
      .click();
  }

  async menu(contactName: string, item: 'Transferir' | 'Reatribuir'): Promise<void> {
    await (
      await this.reveal(contactName)
    )
      .getByRole('button', { name: `Ações para ${contactName}` })
      .click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  async reassign(contactName: string, agentName: string): Promise<void> {
    await this.menu(contactName, 'Reatribuir');
    const dialog = this.page.getByRole('dialog', { name: 'Reatribuir' });
    await dialog.getByRole('combobox', { name: 'Reatribuir para' }).click();
    await this.page.getByRole('option', { name: agentName }).click();
    await dialog.getByRole('button', { name: 'Reatribuir' }).click();
    await expect(dialog).toBeHidden();
  }

  async clearFilter(label: 'Equipe' | 'Agente' | 'Estado' | 'Canal'): Promise<void> {
    await this.region.getByRole('button', { name: `Limpar filtro ${label}` }).click();
  }
}
