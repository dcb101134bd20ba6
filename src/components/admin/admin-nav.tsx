// The admin console's section links and sign-out button.
import Link from "next/link";
import { buttonQuiet, focusRing } from "./ui";

const SECTIONS = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/ingestion", label: "Ingestion" },
  { href: "/admin/papers", label: "Papers" },
  { href: "/admin/subscribers", label: "Subscribers" },
  { href: "/admin/digests", label: "Digests" },
  { href: "/admin/mail", label: "Mail" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

export function AdminNav({ actor, signOut }: { actor: string; signOut: () => Promise<void> }) {
  return (
    <nav aria-label="Admin" className="mb-6 flex flex-wrap items-center gap-x-1 gap-y-2 border-b border-slate-200 pb-3 dark:border-slate-800">
      {SECTIONS.map((s) => (
        <Link key={s.href} href={s.href} className={`rounded-md px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${focusRing}`}>
          {s.label}
        </Link>
      ))}
      <form action={signOut} className="ml-auto flex items-center gap-2">
        <span className="text-xs text-slate-600 dark:text-slate-400">{actor}</span>
        <button type="submit" className={buttonQuiet}>
          Sign out
        </button>
      </form>
    </nav>
  );
}
