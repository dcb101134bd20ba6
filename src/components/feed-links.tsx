// Links to the RSS, Atom and JSON feeds of the current view.
export function FeedLinks({ base, query }: { base: string; query: string }) {
  const qs = query ? `?${query}` : "";
  return (
    <p className="flex gap-3 text-sm text-slate-700 dark:text-slate-300">
      <span>Feeds:</span>
      <a className="link" href={`${base}feed.xml${qs}`}>
        RSS
      </a>
      <a className="link" href={`${base}atom.xml${qs}`}>
        Atom
      </a>
      <a className="link" href={`${base}feed.json${qs}`}>
        JSON
      </a>
    </p>
  );
}
