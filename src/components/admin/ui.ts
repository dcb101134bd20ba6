// Shared Tailwind class strings for the admin console, so every form and table looks and focuses the same.
export const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400";
export const button = `inline-flex items-center rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 ${focusRing}`;
export const buttonQuiet = `inline-flex items-center rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800 ${focusRing}`;
export const input = `rounded-md border border-slate-500 bg-white px-2 py-1.5 text-sm dark:border-slate-500 dark:bg-slate-900 ${focusRing}`;
export const label = "flex flex-col gap-1 text-sm font-medium";
export const table = "w-full border-collapse text-left text-sm";
export const th = "border-b border-slate-200 px-2 py-1.5 font-semibold dark:border-slate-800";
export const td = "border-b border-slate-100 px-2 py-1.5 align-top dark:border-slate-800/60";
export const card = "rounded-xl border border-slate-200 p-4 dark:border-slate-800";
export const muted = "text-slate-600 dark:text-slate-400";
export const link = `text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300 ${focusRing}`;
