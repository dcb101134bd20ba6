// Wraps Pages Router pages in the shared site chrome and styles.
import type { AppProps } from "next/app";
import "@/app/globals.css";
import { SiteShell } from "@/components/site-shell";

export default function App({ Component, pageProps }: AppProps) {
  return (
    <SiteShell>
      <Component {...pageProps} />
    </SiteShell>
  );
}
