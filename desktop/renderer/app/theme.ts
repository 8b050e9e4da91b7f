import { createTheme, Drawer, Modal, type MantineColorsTuple } from '@mantine/core';

// A teal-blue brand colour: calm for screens agents look at all day, distinct from the
// green of WhatsApp so channel icons stay readable.
const brand: MantineColorsTuple = [
  '#e6f6fb',
  '#d2e9f2',
  '#a6d1e3',
  '#76b8d4',
  '#4fa3c7',
  '#3696c0',
  '#258fbd',
  '#127ca7',
  '#006e96',
  '#005f84',
];

/**
 * The theme takes the words it puts on controls itself (the close button of every dialog), so
 * it is built in the agent's language and rebuilt when the language changes.
 */
export const createAppTheme = (labels: { closeDialog: string }) =>
  createTheme({
    primaryColor: 'brand',
    colors: { brand },
    defaultRadius: 'md',
    fontFamily:
      'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '600' },
    cursorType: 'pointer',
    components: {
      Modal: Modal.extend({
        defaultProps: { closeButtonProps: { 'aria-label': labels.closeDialog } },
      }),
      Drawer: Drawer.extend({
        defaultProps: { closeButtonProps: { 'aria-label': labels.closeDialog } },
      }),
    },
  });
