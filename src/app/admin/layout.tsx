// The admin console's frame: section navigation for a signed-in admin (each page still checks the session itself).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { currentAdmin } from "@/server/auth/admin-page";
import { readForPage } from "@/server/http/page-read";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · admin · paper-digest" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // A database too busy for the session check leaves out the navigation; the page's own check (readAdminPage) then says it is busy.
  const { value: actor } = await readForPage(currentAdmin);
  return (
    <div>
      {actor && <AdminNav actor={actor} signOut={signOutAction} />}
      {children}
    </div>
  );
}
