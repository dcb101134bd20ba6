// The security headers of every response, built in one place and sent by the app's server (serve-app.ts) before Next answers, so
// Next's own redirects carry them too: the fixed ones, and the CSP with a per-request nonce for App Router pages, whose inline scripts
// (Next's bootstrap and RSC payload) change with every render and so cannot be hashed; the feed's cached zero-JS pages hold only the
// site script, allowed by its hash.

/** The CSP: scripts from our origin, the site script by its hash, and, on App Router pages, Next's inline scripts by their nonce. */
export function contentSecurityPolicy(opts: { scriptHash: string; nonce: string }): string {
  const scripts = ["'self'", opts.scriptHash, `'nonce-${opts.nonce}'`];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Inline styles: React's style attributes, the unsubscribe page's <style>, and the inline styles of mail previewed in a sandboxed frame.
    "style-src 'self' 'unsafe-inline'",
    // Paper thumbnails are stored and served from our origin (/thumbnails/), so no page loads an image from elsewhere.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The fixed headers of every response. HSTS only when the app is served over https (browsers ignore it over http anyway). */
export function securityHeaders(opts: { https: boolean }): { key: string; value: string }[] {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    ...(opts.https ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }] : []),
  ];
}
