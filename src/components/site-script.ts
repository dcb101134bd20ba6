// The only script the front page runs, inlined in every document's <head>: applies the remembered theme before paint and wires the
// theme toggle and "Show full abstract" links by event delegation, so both work without any framework JS.
// Kept as plain ES2017 text (not a stringified function) so no compiler can inject helpers that would not exist in the page.
// Its hash, from this same string, is what the Content-Security-Policy allows (src/server/http/security-headers.ts).
import { createHash } from "node:crypto";

export const SITE_SCRIPT = `(function () {
  var root = document.documentElement;
  function syncTheme(dark) {
    root.classList.toggle("dark", dark);
    document.querySelectorAll("[data-theme-toggle]").forEach(function (b) { b.setAttribute("aria-pressed", String(dark)); });
  }
  try {
    var saved = localStorage.getItem("theme");
    if (saved === "dark" || (!saved && matchMedia("(prefers-color-scheme: dark)").matches)) root.classList.add("dark");
  } catch (e) {}
  document.addEventListener("DOMContentLoaded", function () { syncTheme(root.classList.contains("dark")); });

  function showAbstract(link, target, text, expanded) {
    target.textContent = text;
    link.setAttribute("aria-expanded", String(expanded));
    link.textContent = expanded ? "Show less" : "Show full abstract";
  }
  function toggleAbstract(link) {
    var target = document.getElementById(link.getAttribute("aria-controls") || "");
    if (!target) return;
    if (link.getAttribute("aria-expanded") === "true") return showAbstract(link, target, target.pdExcerpt, false);
    if (target.pdExcerpt === undefined) target.pdExcerpt = target.textContent;
    if (target.pdFull) return showAbstract(link, target, target.pdFull, true);
    link.setAttribute("aria-busy", "true");
    fetch(link.getAttribute("data-expand"))
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (body) { target.pdFull = body.paper.abstract; showAbstract(link, target, target.pdFull, true); })
      .catch(function () { location.assign(link.href); })
      .then(function () { link.removeAttribute("aria-busy"); });
  }

  document.addEventListener("click", function (event) {
    var el = event.target instanceof Element ? event.target : null;
    if (!el) return;
    if (el.closest("[data-theme-toggle]")) {
      var dark = !root.classList.contains("dark");
      syncTheme(dark);
      try { localStorage.setItem("theme", dark ? "dark" : "light"); } catch (e) {}
      return;
    }
    var link = el.closest("a[data-expand]");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    toggleAbstract(link);
  });
})();`.replace(/\n\s*/g, "\n");

/** The CSP source that allows exactly SITE_SCRIPT as pages render it. */
export const SITE_SCRIPT_HASH = `'sha256-${createHash("sha256").update(SITE_SCRIPT).digest("base64")}'`;
