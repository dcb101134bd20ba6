// Small statistics and argument helpers shared by the benchmark scripts.

/** The nearest-rank percentile of an ascending list (p in 0..100); NaN for an empty list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * A numeric bench option: `--name 100000` or `--name=100000` on the command line, else the environment variable, else the default.
 * Underscores and commas are allowed as digit separators ("1_000_000"). Throws on anything that is not a positive number.
 */
export function numberOption(opts: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  name: string;
  envName: string;
  fallback: number;
}): number {
  const flag = `--${opts.name}`;
  let raw: string | undefined = opts.env[opts.envName];
  opts.argv.forEach((arg, i) => {
    if (arg === flag) raw = opts.argv[i + 1];
    else if (arg.startsWith(`${flag}=`)) raw = arg.slice(flag.length + 1);
  });
  if (raw === undefined || raw === "") return opts.fallback;
  const value = Number(raw.replace(/[_,]/g, ""));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${flag} (or ${opts.envName}) must be a positive number, got "${raw}"`);
  return value;
}
