// The console's one table shape: an empty state, a scrolling wrapper, a caption for screen readers and the column headers; rows come as children.
import type { ReactNode } from "react";
import { focusRing, muted, table, th } from "./ui";

export function AdminTable(props: { caption: string; columns: string[]; empty: string; isEmpty: boolean; testId?: string; children: ReactNode }) {
  if (props.isEmpty) return <p className={muted}>{props.empty}</p>;
  return (
    // A table wider than a phone scrolls sideways here; the keyboard scrolls it too once it has focus, hence a named, focusable region.
    <div className={`overflow-x-auto ${focusRing}`} role="region" aria-label={props.caption} tabIndex={0}>
      <table className={table} data-testid={props.testId}>
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col" className={th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
