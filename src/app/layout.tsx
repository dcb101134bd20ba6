// The shell every page shares: header, theme, and skip link.
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { BODY_CLASS, SiteShell } from "@/components/site-shell";
import { SITE_SCRIPT } from "@/components/site-script";
import { FAVICON, FEED_ALTERNATES, SITE_DESCRIPTION as description, SITE_NAME, SITE_TITLE, THEME_COLORS } from "@/components/site-metadata";
import { getConfig } from "@/server/config";
import "./globals.css";

// Every App Router page renders per request, so Next can put the proxy's CSP nonce on its inline scripts; this makes the one page
// that would otherwise be prerendered, the 404 for unknown paths, do the same.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  metadataBase: new URL(getConfig().APP_URL),
  title: { default: SITE_TITLE, template: `%s · ${SITE_NAME}` },
  description,
  openGraph: { type: "website", siteName: SITE_NAME, title: SITE_TITLE, description },
  twitter: { card: "summary", title: SITE_TITLE, description },
  alternates: { types: FEED_ALTERNATES },
  icons: { icon: FAVICON },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: THEME_COLORS.light },
    { media: "(prefers-color-scheme: dark)", color: THEME_COLORS.dark },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: SITE_SCRIPT }} />
      </head>
      <body className={BODY_CLASS}>
        <SiteShell>{children}</SiteShell>
      </body>
    </html>
  );
}
