// The chrome every page shares (skip link, header, main landmark), used by the App Router layout and the zero-JS front page alike.
import type { ReactNode } from "react";
import { SiteHeader, type TSection } from "./site-header";

export const BODY_CLASS = "min-h-screen bg-white text-slate-900 antialiased dark:bg-[#0b0f19] dark:text-slate-100";

/** `section`: the feed section the page belongs to, marked in the header. */
export function SiteShell({ section, children }: { section?: TSection; children: ReactNode }) {
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-indigo-600 focus:px-3 focus:py-2 focus:text-white"
      >
        Skip to content
      </a>
      <SiteHeader section={section} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

const FOOTER_LINKS = [
  { href: "/subscribe", label: "Email digest" },
  { href: "/feed.xml", label: "RSS" },
  { href: "/atom.xml", label: "Atom" },
  { href: "/feed.json", label: "JSON Feed" },
  { href: "/api", label: "API" },
];

/** Where the ways to follow the feed and its API are always found: the /api page was linked from nowhere. */
function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 dark:border-slate-800">
      <nav aria-label="Footer" className="mx-auto flex max-w-5xl flex-wrap gap-x-4 gap-y-1 px-4 py-4 text-sm text-slate-700 dark:text-slate-300">
        {FOOTER_LINKS.map((link) => (
          <a key={link.href} href={link.href} className="inline-block rounded px-1 py-1 hover:underline pointer-coarse:py-3">
            {link.label}
          </a>
        ))}
      </nav>
    </footer>
  );
}
