// What a page says when the database could not answer in time to render it (a feed page's src/pages/_error.tsx, a subscriber's link
// page, each with 503 and Retry-After): the outage passes, so the reader is told to wait a moment and given the same address to try again.

/** `title` names what is busy; `detail` is said before "Try again" (a link page's "Nothing was changed."). */
export function BusyView({ title = "The feed is busy", detail }: { title?: string; detail?: string }) {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">We could not load this page just now.{detail ? ` ${detail}` : ""} Try again in a moment.</p>
      {/* An empty href is the address the reader asked for, whatever path the page was rendered under (a list's filters, a search). */}
      <a href="" className="mt-4 inline-block text-indigo-700 hover:underline dark:text-indigo-300">
        Try again
      </a>
    </div>
  );
}
