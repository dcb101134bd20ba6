// Wraps Pages Router pages in the shared site chrome and styles.
import type { AppProps } from "next/app";
import "@/app/globals.css";
import { SiteShell } from "@/components/site-shell";
import { sectionOf } from "@/components/site-header";

export default function App({ Component, pageProps, router }: AppProps) {
  return (
    <SiteShell section={sectionOf(router.route)}>
      <Component {...pageProps} />
    </SiteShell>
  );
}
