import type { Page } from '@playwright/test';

/**
 * Visible interactive elements without an accessible name, described briefly. A rough version
 * of the accessible-name computation: aria-label, aria-labelledby, a <label>, title, or text.
 */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'button, a[href], input:not([type=hidden]), textarea, select, [role=button], [role=tab], [role=combobox], [role=checkbox], [role=radio]';
    const named = (el: Element): boolean => {
      if ((el.getAttribute('aria-label') ?? '').trim() !== '') return true;
      const labelledBy = el.getAttribute('aria-labelledby');
      if (
        labelledBy !== null &&
        labelledBy
          .split(' ')
          .some((id) => (document.getElementById(id)?.textContent ?? '').trim() !== '')
      )
        return true;
      const id = el.getAttribute('id');
      const label =
        (id === null
          ? null
          : document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(id)}"]`)) ??
        el.closest('label');
      if (label !== null && label.innerText.trim() !== '') return true;
      if ((el.getAttribute('title') ?? '').trim() !== '') return true;
      return el.textContent.trim() !== '';
    };
    const visible = (el: Element): boolean => {
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return (
        rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0'
      );
    };
    return [...document.querySelectorAll(selector)]
      .filter((el) => visible(el) && !named(el))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className.slice(0, 60)}`);
  });
}
