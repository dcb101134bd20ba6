// A paper's thumbnail from our own origin over a placeholder drawn in CSS (its category or initials), so no card ever shows a broken
// image: without a stored thumbnail the placeholder is all there is, and an image that fails to load draws the same placeholder in its
// ::after (globals.css), which browsers render only for a broken image. No JavaScript involved.
import type { TPaper } from "@/core/paper";
import { placeholderLabel } from "@/core/thumbnails/placeholder-label";

/** A few tints, picked by the label, so neighbouring placeholders differ while one category always looks the same. */
const TONES = 4;

function tone(label: string): number {
  let h = 0;
  for (const c of label) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % TONES;
}

export function PaperThumbnail({
  paper,
  size = "card",
}: {
  paper: Pick<TPaper, "title" | "primaryCategory" | "categories" | "thumbnail">;
  size?: "card" | "large";
}) {
  const label = placeholderLabel(paper);
  const image = paper.thumbnail;
  // The large box takes the image's own proportions; a card's box is fixed, so 50 cards never shift while images load.
  const box = size === "large" && image ? { aspectRatio: `${image.width} / ${image.height}` } : undefined;
  return (
    <div className={`thumb thumb-${size} thumb-tone-${tone(label)}`} style={box} data-testid="paper-thumbnail">
      <span className="thumb-label" aria-hidden="true">
        {label}
      </span>
      {image && (
        <img src={image.src} alt="" data-label={label} width={image.width} height={image.height} loading="lazy" decoding="async" className="thumb-img" />
      )}
    </div>
  );
}
