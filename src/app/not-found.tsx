// The 404 page of App Router paths and of addresses no route matches (the Pages Router's is src/pages/404.tsx).
import type { Metadata } from "next";
import { NotFoundView } from "@/components/not-found-view";

/** Titled like the Pages Router's 404, so a tab or a bookmark says what the page is (Next adds its own noindex). */
export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return <NotFoundView />;
}
