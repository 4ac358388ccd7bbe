/** The product's small logo: a cyan candle inside a rounded square. */
export function BrandMark(): React.JSX.Element {
  return (
    <svg className="brand-mark" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="18" height="18" rx="5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M7 5v10M13 4v12" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <rect x="5.5" y="7.5" width="3" height="5" rx="0.5" fill="currentColor" />
      <rect x="11.5" y="6" width="3" height="6" rx="0.5" fill="currentColor" />
    </svg>
  )
}
