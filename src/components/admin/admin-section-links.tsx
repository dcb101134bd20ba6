"use client";
// The admin console's section links, the current one marked: a layout never learns its page's path, the browser's router does.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { focusRing } from "./ui";

const SECTIONS = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/ingestion", label: "Ingestion" },
  { href: "/admin/papers", label: "Papers" },
  { href: "/admin/subscribers", label: "Subscribers" },
  { href: "/admin/digests", label: "Digests" },
  { href: "/admin/mail", label: "Mail" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

/** A section's own page or any page under it ("/admin/mail/12"); the dashboard only for itself. */
const isCurrent = (href: string, path: string) => path === href || (href !== "/admin" && path.startsWith(`${href}/`));

export function AdminSectionLinks() {
  const path = usePathname() ?? "";
  return SECTIONS.map((s) => {
    const current = isCurrent(s.href, path);
    return (
      <Link
        key={s.href}
        href={s.href}
        aria-current={current ? "page" : undefined}
        className={`rounded-md px-2 py-1 text-sm ${current ? "bg-slate-100 font-semibold dark:bg-slate-800" : "hover:bg-slate-100 dark:hover:bg-slate-800"} ${focusRing}`}
      >
        {s.label}
      </Link>
    );
  });
}
