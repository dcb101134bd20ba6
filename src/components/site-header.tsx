// The header every page shares: brand, navigation, search, the digest invitation and the theme toggle.
import { ThemeToggle } from "./theme-toggle";

// 28 px tall for a mouse, 44 px for a finger, as the brand, Subscribe and the theme toggle are.
const navLink = "rounded px-2 py-1 hover:bg-slate-100 pointer-coarse:py-3 dark:hover:bg-slate-800";
const currentLink = "rounded bg-slate-100 px-2 py-1 font-semibold pointer-coarse:py-3 dark:bg-slate-800";

/** The feed's sections, each a link of the header; a page of one is marked as the current place. */
export type TSection = "trending" | "day" | "week" | "month";

const SECTIONS: { section: TSection; href: string; label: string }[] = [
  { section: "trending", href: "/", label: "Trending" },
  { section: "day", href: "/papers/go?view=day", label: "Daily" },
  { section: "week", href: "/papers/go?view=week", label: "Weekly" },
  { section: "month", href: "/papers/go?view=month", label: "Monthly" },
];

/** The section a Pages Router page belongs to, from its route ("/papers/week/[period]/[[...view]]"), if any. */
export function sectionOf(route: string): TSection | undefined {
  if (route === "/" || route.startsWith("/trending/")) return "trending";
  const period = /^\/papers\/(date|week|month)\//.exec(route)?.[1];
  return period === "date" ? "day" : (period as TSection | undefined);
}

export function SiteHeader({ section }: { section?: TSection }) {
  return (
    <header className="border-b border-slate-200 dark:border-slate-800">
      {/* One order at every width, the DOM's, so Tab meets the controls as the eye reads them: brand with Subscribe and the theme on
          the first row, then the links and search (a row each on a phone, one shared row from 640 px). Subscribe and the theme came
          after search in the DOM while a phone showed them first. Three rows on a phone, not four, keep a paper above the fold; search
          beside the links alone keeps a usable width (beside the buttons too it was 84 px at 700). */}
      <div className="mx-auto grid max-w-5xl grid-cols-[auto_minmax(0,1fr)] items-center gap-x-4 gap-y-2 px-4 py-3">
        <a href="/" className="justify-self-start text-lg font-semibold tracking-tight pointer-coarse:py-2">
          paper<span className="text-indigo-700 dark:text-indigo-400">digest</span>
        </a>
        <div className="flex items-center gap-3 justify-self-end">
          <a href="/subscribe" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 pointer-coarse:py-3">
            Subscribe
          </a>
          <ThemeToggle />
        </div>
        <nav aria-label="Main" className="col-span-2 flex flex-wrap gap-1 text-sm sm:col-span-1">
          {SECTIONS.map((link) => (
            <a
              key={link.section}
              href={link.href}
              aria-current={link.section === section ? "page" : undefined}
              className={link.section === section ? currentLink : navLink}
            >
              {link.label}
            </a>
          ))}
        </nav>
        <form action="/search" method="get" role="search" aria-label="Site" className="col-span-2 sm:col-span-1">
          <label htmlFor="site-search" className="sr-only">
            Search papers
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder='Search: "diffusion model" -video author:Lee'
            className="w-full rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm dark:border-slate-500 dark:bg-slate-900"
          />
        </form>
      </div>
      <p className="mx-auto -mt-1 max-w-5xl px-4 pb-2 text-center text-sm text-slate-700 sm:text-right dark:text-slate-300">
        Get trending papers in your email inbox!
      </p>
    </header>
  );
}
