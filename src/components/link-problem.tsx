// What a reader sees for a link that does not work (an emailed link cut off, tampered with, expired, used, or its subscription gone; an
// admin's link to a captured message that is not there): the reason, that nothing changed, and where to go next. The page renders it
// itself (with a 404 or 410), so it reads without JavaScript.

export function LinkProblem({ title, reason, next }: { title: string; reason: string; next: { href: string; label: string } }) {
  return (
    <div className="mx-auto max-w-lg space-y-3 py-12 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-600 dark:text-slate-400">{reason} Nothing was changed.</p>
      <a href={next.href} className="inline-block text-indigo-700 hover:underline dark:text-indigo-300">
        {next.label}
      </a>
    </div>
  );
}
