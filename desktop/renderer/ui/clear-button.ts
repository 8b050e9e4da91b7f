/**
 * Mantine hides a select's clear button from assistive technology and the Tab key; the filters
 * here are cleared often, so the button is exposed with a name instead.
 */
export const clearButtonProps = (label: string) => ({
  'aria-label': label,
  'aria-hidden': false,
  tabIndex: 0,
});
