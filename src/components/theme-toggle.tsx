// The light/dark switch: a plain button that SITE_SCRIPT wires up, so it works on pages that ship no framework JS; hidden with scripting
// off, where it could do nothing (the page then follows the system's preference).
export function ThemeToggle() {
  return (
    <button
      type="button"
      data-theme-toggle=""
      aria-pressed="false"
      suppressHydrationWarning
      className="inline-flex h-9 w-9 noscript:hidden pointer-coarse:h-11 pointer-coarse:w-11 items-center justify-center rounded-md border border-slate-300 text-base hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      title="Toggle dark mode"
    >
      <span aria-hidden="true" className="dark:hidden">
        ☾
      </span>
      <span aria-hidden="true" className="hidden dark:inline">
        ☀
      </span>
      <span className="sr-only">Dark mode</span>
    </button>
  );
}
