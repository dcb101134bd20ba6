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
    </>
  );
}
