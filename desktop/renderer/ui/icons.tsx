import type { SVGProps } from 'react';

/**
 * A handful of line icons drawn inline (24×24, stroke-based), so the workspace needs no icon
 * font or network fetch. They are decorative: the control around each carries the label.
 */
type IconProps = SVGProps<SVGSVGElement> & { size?: number };

const paths = {
  whatsapp:
    'M3 21l1.65-3.8A9 9 0 1 1 8.4 20.4L3 21 M9 10a.5.5 0 0 0 1 0V9a.5.5 0 0 0-1 0v1a5 5 0 0 0 5 5h1a.5.5 0 0 0 0-1h-1a.5.5 0 0 0 0 1',
  webchat:
    'M8 9h8 M8 13h6 M18 4a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-5l-5 3v-3H6a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3z',
  email: 'M3 7a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z M3 7l9 6 9-6',
  telegram: 'M15 10l-4 4 6 6 4-16-18 7 4 2 2 6 3-4',
  phone:
    'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
  paperclip:
    'M15 7l-6.5 6.5a1.5 1.5 0 0 0 3 3L18 10a3 3 0 0 0-6-6l-6.5 6.5a4.5 4.5 0 0 0 9 9L21 13',
  history: 'M12 8v4l2 2 M3.05 11a9 9 0 1 1 .5 4m-.5 5v-5h5',
  users:
    'M9 7m-4 0a4 4 0 1 0 8 0a4 4 0 1 0-8 0 M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2 M16 3.13a4 4 0 0 1 0 7.75 M21 21v-2a4 4 0 0 0-3-3.85',
  transfer: 'M7 10h14l-4-4 M17 14H3l4 4',
  channels: 'M4 6h16 M4 12h16 M4 18h16',
  edit: 'M4 20h4L18.5 9.5a2.83 2.83 0 0 0-4-4L4 16v4 M13.5 6.5l4 4',
  check: 'M5 12l5 5L20 7',
  checks: 'M7 12l5 5L22 7 M2 12l5 5m5-5l5-5',
  clock: 'M12 12m-9 0a9 9 0 1 0 18 0a9 9 0 1 0-18 0 M12 7v5l3 3',
  alert:
    'M12 9v4 M12 17h.01 M10.24 3.96L2.1 18a2 2 0 0 0 1.72 3h16.36a2 2 0 0 0 1.72-3L13.76 3.96a2 2 0 0 0-3.52 0',
  send: 'M10 14L21 3 M21 3l-6.5 18a.55.55 0 0 1-1 0L10 14l-7-3.5a.55.55 0 0 1 0-1z',
  template: 'M4 4h16v16H4z M4 9h16 M9 9v11',
  tag: 'M7.5 7.5m-1 0a1 1 0 1 0 2 0a1 1 0 1 0-2 0 M3 6v5.17a2 2 0 0 0 .59 1.42l7.82 7.82a2.41 2.41 0 0 0 3.41 0l5.77-5.77a2.41 2.41 0 0 0 0-3.41L12.76 3.59A2 2 0 0 0 11.34 3H6a3 3 0 0 0-3 3',
  close: 'M18 6L6 18 M6 6l12 12',
  search: 'M10 10m-7 0a7 7 0 1 0 14 0a7 7 0 1 0-14 0 M21 21l-6-6',
  plus: 'M12 5v14 M5 12h14',
  sun: 'M12 12m-4 0a4 4 0 1 0 8 0a4 4 0 1 0-8 0 M3 12h1m8-9v1m8 8h1m-9 8v1M5.6 5.6l.7.7m12.1-.7l-.7.7m0 11.4l.7.7m-12.1-.7l-.7.7',
  moon: 'M12 3a6 6 0 0 0 9 9 9 9 0 1 1-9-9',
  monitor:
    'M3 5a1 1 0 0 1 1-1h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z M7 20h10 M9 16v4 M15 16v4',
  inbox: 'M4 13h3l3 3h4l3-3h3 M4 4h16v16H4z',
  keyboard: 'M2 6h20v12H2z M6 10h.01 M10 10h.01 M14 10h.01 M18 10h.01 M7 14h10',
  wifiOff:
    'M12 18h.01 M9.17 15.17a4 4 0 0 1 5.66 0 M6.34 12.34a8 8 0 0 1 4.2-2.21 M3 3l18 18 M3.5 8.5a12 12 0 0 1 3.4-2.3 M14.6 10.2a8 8 0 0 1 3.06 2.14 M11.5 4.6a12 12 0 0 1 9 3.9',
  dots: 'M5 12h.01 M12 12h.01 M19 12h.01',
  logout:
    'M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2 M9 12h12l-3-3 M18 15l3-3',
  file: 'M14 3v4a1 1 0 0 0 1 1h4 M17 21H7a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h7l5 5v11a2 2 0 0 1-2 2z',
  smile: 'M12 12m-9 0a9 9 0 1 0 18 0a9 9 0 1 0-18 0 M9 10h.01 M15 10h.01 M9.5 15a3.5 3.5 0 0 0 5 0',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 18, ...rest }: IconProps & { name: IconName }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      <path d={paths[name]} />
    </svg>
  );
}
