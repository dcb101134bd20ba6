// The "your digest would have looked like this last week" list beside the subscribe form; titles are rendered as text. The site
// script swaps the list for the one of the cached preview page when the interests change.
import { countOf } from "@/core/text/count-of";
import type { TPreviewPanel } from "@/server/digest/preview-digest";

/** Said in place of the list, and announced, when no preview could be read: the interests were not looked at, so nothing is said of them. */
const UNAVAILABLE = "The preview could not load just now.";

export function SubscribePreview({ preview }: { preview: TPreviewPanel }) {
  const unavailable = "unavailable" in preview;
  return (
    <section aria-labelledby="preview-heading" aria-busy="false" data-preview-panel className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="preview-heading" className="text-lg font-semibold">
        Your digest last week
      </h2>
      {/* The count is what is announced when the site script swaps the list, not the list: that read eight titles aloud per keystroke. */}
      <p role="status" className="sr-only" data-preview-status>
        {unavailable
          ? UNAVAILABLE
          : preview.items.length === 0
            ? "No papers matched last week."
            : `${countOf(preview.items.length, "paper")} matched last week.`}
      </p>
      {/* The days are the listed papers' own, as the digest's subject names them, so they are swapped with the list. */}
      <div data-preview-items>
        {unavailable ? (
          <p className="mt-3 text-sm" data-testid="preview-unavailable">
            {UNAVAILABLE}
          </p>
        ) : preview.items.length === 0 ? (
          <p className="mt-3 text-sm" data-testid="preview-empty">
            Nothing listed {preview.label} matched. Try broader keywords or a lower minimum.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="preview-days">
              Papers listed {preview.label} that match your interests, best first.
            </p>
            <ol className="mt-3 space-y-3" data-testid="preview-list">
              {preview.items.map((item) => (
                <li key={item.href}>
                  <a href={item.href} className="font-medium hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
                    {item.title}
                  </a>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    {item.why} ·{" "}
                    <span role="img" aria-label={countOf(item.upvotes, "upvote")}>
                      ▲ {item.upvotes}
                    </span>{" "}
                    · {item.listedOn}
                  </p>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}
