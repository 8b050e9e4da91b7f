/** The Atendo mark: a speech bubble in the brand colour. Decorative, so hidden from readers. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-brand-7)" />
      <path
        d="M9 11.5A3.5 3.5 0 0 1 12.5 8h7A3.5 3.5 0 0 1 23 11.5v5a3.5 3.5 0 0 1-3.5 3.5H15l-4 3.5V20a3.5 3.5 0 0 1-2-3.2z"
        fill="#fff"
      />
      <circle cx="13" cy="14" r="1.3" fill="var(--mantine-color-brand-7)" />
      <circle cx="16" cy="14" r="1.3" fill="var(--mantine-color-brand-7)" />
      <circle cx="19" cy="14" r="1.3" fill="var(--mantine-color-brand-7)" />
    </svg>
  );
}
