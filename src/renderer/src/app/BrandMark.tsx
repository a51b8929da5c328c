/** Tillpoint's mark: a rounded tile with a "T" and the point beside it. Decorative. */
export function BrandMark({ size = 36 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 40 40"
      aria-hidden="true"
      focusable="false"
      className="brand-mark"
    >
      <rect width="40" height="40" rx="11" className="brand-mark__tile" />
      <path d="M11 13h15M18.5 13v16" stroke="#fff" strokeWidth="4.2" strokeLinecap="round" fill="none" />
      <circle cx="28.5" cy="27" r="3.2" fill="#fff" />
    </svg>
  );
}
