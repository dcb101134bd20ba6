// A small server-rendered SVG line of one metric over time, from the paper's metric snapshots.
const WIDTH = 160;
const HEIGHT = 36;

export function Sparkline({ label, values }: { label: string; values: number[] }) {
  const first = values[0];
  const last = values.at(-1);
  if (first === undefined || last === undefined) return null;
  if (values.length < 2) {
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {label}: {last.toLocaleString("en-US")} (one reading so far)
      </p>
    );
  }
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const points = values
    .map((v, i) => `${((i / (values.length - 1)) * WIDTH).toFixed(1)},${(HEIGHT - 2 - ((v - min) / span) * (HEIGHT - 4)).toFixed(1)}`)
    .join(" ");
  return (
    <figure className="flex items-center gap-3 text-sm">
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${label} over ${values.length} readings, from ${first} to ${last}`}
        className="text-indigo-600 dark:text-indigo-400"
      >
        <polyline points={points} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      </svg>
      <figcaption className="text-slate-700 dark:text-slate-300">
        {label}: {first.toLocaleString("en-US")} → {last.toLocaleString("en-US")}
      </figcaption>
    </figure>
  );
}
