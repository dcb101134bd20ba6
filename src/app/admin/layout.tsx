// The admin console's frame: section navigation for a signed-in admin (each page still checks the session itself).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { currentAdmin } from "@/server/auth/admin-page";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · admin · paper-digest" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await currentAdmin();
  return (
    <div>
      {actor && <AdminNav actor={actor} signOut={signOutAction} />}
      {children}
    </div>
  );
}
