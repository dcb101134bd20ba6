// The only script the front page runs, inlined in every document's <head>: applies a reader's remembered choice of theme before paint
// (.dark or .light; without either the stylesheet's dark variant follows the system) and wires the
// theme toggle and "Show full abstract" links by event delegation, so both work without any framework JS. For a browser holding a
// reader cookie (its readable hint cookie says so; anonymous visitors make no request) it asks /api/reader about the papers on the
// page and, only for a recognised reader, fills the empty [data-reader-paper] slots with "More/Less like this" buttons and reveals
// the [data-reader-only] follow buttons: cached pages stay the same for everybody. On the subscribe form it refreshes the preview
// beside it from the cached preview page of the interests typed so far (/subscribe?keywords=…, src/proxy.ts).
// Kept as plain ES2017 text (not a stringified function) so no compiler can inject helpers that would not exist in the page.
// Its hash, from this same string, is what the Content-Security-Policy allows (src/server/http/security-headers.ts).
import { createHash } from "node:crypto";

export const SITE_SCRIPT = `(function () {
  var root = document.documentElement;
  // The stylesheet follows the system unless the root says the reader chose (.dark or .light), so the script only sets a choice, and
  // reads the page's theme as the stylesheet does.
  function isDark() {
    return root.classList.contains("dark") || (!root.classList.contains("light") && matchMedia("(prefers-color-scheme: dark)").matches);
  }
  function showTheme() {
    var dark = isDark();
    document.querySelectorAll("[data-theme-toggle]").forEach(function (b) { b.setAttribute("aria-pressed", String(dark)); });
  }
  function chooseTheme(dark) {
    root.classList.toggle("dark", dark);
    root.classList.toggle("light", !dark);
    showTheme();
  }
  try {
    var saved = localStorage.getItem("theme");
    if (saved === "light" || saved === "dark") root.classList.add(saved);
  } catch (e) {}
  document.addEventListener("DOMContentLoaded", showTheme);
  // The page of a reader who never chose follows the system as it changes (its dark schedule at dusk); the toggle's state follows it.
  try {
    matchMedia("(prefers-color-scheme: dark)").addEventListener("change", showTheme);
  } catch (e) {}

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

  // A refusal that trying again cannot change (409: a bound reached; 429: too many presses) carries the server's reason to saveFailed.
  function postJson(url, body) {
    return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (r) {
        if (r.ok) return r.json();
        return r.json().catch(function () { return null; }).then(function (answer) {
          var err = new Error(String(r.status));
          if ((r.status === 409 || r.status === 429) && answer && answer.error) err.reason = String(answer.error.message);
          throw err;
        });
      });
  }
  function showFeedback(id, kind) {
    document.querySelectorAll('[data-reader-paper="' + id + '"] button').forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-feedback") === kind));
    });
  }
  function showFollow(button, on) {
    button.setAttribute("aria-pressed", String(on));
    button.textContent = (on ? "Following " : "Follow ") + button.getAttribute("data-follow-label");
  }
  // A press the server did not take says so on the button for a few seconds, and once to screen readers, instead of looking pressed:
  // with the server's reason when it gave one (the 201st follow said "try again", which could never work), else to try again.
  function saveFailed(button, err) {
    var reason = err && err.reason;
    var shown = reason ? "Not saved" : "Not saved, try again";
    var label = button.pdLabel || button.textContent;
    button.pdLabel = label;
    var live = document.getElementById("reader-status");
    if (!live) {
      live = document.createElement("p");
      live.id = "reader-status";
      live.className = "sr-only";
      live.setAttribute("role", "status");
      document.body.appendChild(live);
    }
    live.textContent = "Not saved: " + label + ". " + (reason || "Try again.");
    button.textContent = shown;
    setTimeout(function () {
      if (button.textContent === shown) button.textContent = label;
      button.pdLabel = undefined;
      live.textContent = "";
    }, reason ? 8000 : 4000);
  }
  function startReader() {
    if (!/(?:^|; )pd_reader_seen=1/.test(document.cookie)) return;
    var slots = document.querySelectorAll("[data-reader-paper]");
    var follows = document.querySelectorAll("[data-follow-key]");
    if (!slots.length && !follows.length) return;
    var ids = [];
    slots.forEach(function (s) { ids.push(s.getAttribute("data-reader-paper")); });
    fetch("/api/reader?papers=" + ids.join(","))
      .then(function (r) { return r.ok ? r.json() : { reader: null }; })
      .then(function (body) {
        var reader = body.reader;
        if (!reader) return;
        slots.forEach(function (slot) {
          [["more", "More like this"], ["less", "Less like this"]].forEach(function (k) {
            var b = document.createElement("button");
            b.type = "button";
            b.className = "reader-button";
            b.setAttribute("data-feedback", k[0]);
            b.textContent = k[1];
            slot.appendChild(b);
          });
          slot.hidden = false;
        });
        ids.forEach(function (id) { showFeedback(id, reader.feedback[id] || "none"); });
        follows.forEach(function (b) {
          showFollow(b, reader.follows.some(function (f) { return f.kind === b.getAttribute("data-follow-kind") && f.key === b.getAttribute("data-follow-key"); }));
        });
        document.querySelectorAll("[data-reader-only]").forEach(function (el) { el.hidden = false; });
      })
      .catch(function () {});
  }
  document.addEventListener("DOMContentLoaded", startReader);

  var previewTimer, previewQuery = "";
  function refreshPreview(form) {
    var data = new FormData(form);
    var params = new URLSearchParams();
    [["keywords", "keywords"], ["never", "negativeKeywords"], ["cat", "categories"], ["min", "minUpvotes"]].forEach(function (k) {
      var value = String(data.get(k[1]) || "").trim();
      if (value && value !== "0") params.set(k[0], value);
    });
    if (data.get("onlyWithCode")) params.set("code", "1");
    var query = params.toString();
    if (query === previewQuery) return;
    previewQuery = query;
    var panel = document.querySelector("[data-preview-panel]");
    if (panel) panel.setAttribute("aria-busy", "true");
    fetch(form.getAttribute("data-subscribe-preview") + (query ? "?" + query : ""))
      // Interests that do not parse (a 400) keep the last preview: the 400 page's list is not filtered by them, and replacing the
      // preview with it showed the unfiltered trending list as if the typed keywords had been read. The form's field says what is wrong.
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) {
        var page = html && new DOMParser().parseFromString(html, "text/html");
        var next = page && page.querySelector("[data-preview-items]");
        var current = document.querySelector("[data-preview-items]");
        if (!next || !current || query !== previewQuery) return;
        current.replaceChildren.apply(current, Array.from(next.childNodes).map(function (n) { return document.importNode(n, true); }));
        var status = document.querySelector("[data-preview-status]");
        var nextStatus = page.querySelector("[data-preview-status]");
        if (status && nextStatus) status.textContent = nextStatus.textContent;
      })
      .catch(function () {})
      .then(function () { if (panel) panel.setAttribute("aria-busy", "false"); });
  }
  document.addEventListener("input", function (event) {
    var form = event.target && event.target.form;
    if (!form || !form.hasAttribute("data-subscribe-preview")) return;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(function () { refreshPreview(form); }, 350);
  });

  document.addEventListener("click", function (event) {
    var el = event.target instanceof Element ? event.target : null;
    if (!el) return;
    if (el.closest("[data-theme-toggle]")) {
      var dark = !isDark();
      chooseTheme(dark);
      try { localStorage.setItem("theme", dark ? "dark" : "light"); } catch (e) {}
      return;
    }
    var press = el.closest("button[data-feedback]");
    if (press) {
      var id = press.parentElement.getAttribute("data-reader-paper");
      var kind = press.getAttribute("aria-pressed") === "true" ? "none" : press.getAttribute("data-feedback");
      press.disabled = true;
      postJson("/api/reader/feedback", { paperId: Number(id), kind: kind })
        .then(function () { showFeedback(id, kind); })
        .catch(function (err) { saveFailed(press, err); })
        .then(function () { press.disabled = false; });
      return;
    }
    var follow = el.closest("button[data-follow-key]");
    if (follow) {
      var on = follow.getAttribute("aria-pressed") !== "true";
      follow.disabled = true;
      postJson("/api/reader/follows", { kind: follow.getAttribute("data-follow-kind"), label: follow.getAttribute("data-follow-label"), follow: on })
        .then(function () { showFollow(follow, on); })
        .catch(function (err) { saveFailed(follow, err); })
        .then(function () { follow.disabled = false; });
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
