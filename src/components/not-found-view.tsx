// The 404 page's body, shared by the App Router's not-found page and the Pages Router's 404.

export function NotFoundView() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">We have no page here. The paper may not be in the feed yet.</p>
      <p className="mt-2 text-slate-600 dark:text-slate-400">Paste its arXiv id or link into the search box: a paper we do not hold yet is linked on arXiv.</p>
      <a href="/" className="mt-4 inline-block text-indigo-700 hover:underline dark:text-indigo-300">
        Back to the feed
      </a>
    </div>
  );
}
