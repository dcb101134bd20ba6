// The shell every page shares: header, theme, and skip link.
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { getConfig } from "@/server/config";
import "./globals.css";

const description = "Trending and daily machine-learning papers, with code, upvotes and a personal email digest.";

export const metadata: Metadata = {
  metadataBase: new URL(getConfig().APP_URL),
  title: { default: "paper-digest: trending ML papers", template: "%s · paper-digest" },
  description,
  openGraph: { type: "website", siteName: "paper-digest", title: "paper-digest: trending ML papers", description },
  twitter: { card: "summary", title: "paper-digest: trending ML papers", description },
  alternates: {
    types: { "application/rss+xml": "/feed.xml", "application/atom+xml": "/atom.xml", "application/feed+json": "/feed.json" },
  },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0f19" },
  ],
};

// Runs before paint so the chosen theme never flashes.
const themeScript = `try{var t=localStorage.getItem("theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-[#0b0f19] dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-indigo-600 focus:px-3 focus:py-2 focus:text-white">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
