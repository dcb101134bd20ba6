// The search page's body: the query box, its syntax, filters, feeds and the highlighted results (one cursor page), or why there are none.
import { arxivAbsUrl } from "@/core/digest/paper-links";
import { noMatchHints, parseSearchQuery, serializeFeedFilters, type TNoMatchHint } from "@/core/search";
import type { TListFilters, TPaperPage } from "@/server/repo/papers";
import { FeedLinks } from "./feed-links";
import { FilterBar } from "./filter-bar";
import { PaperList } from "./paper-list";

export function SearchView({ filters, page, error }: { filters: TListFilters; page: TPaperPage; error?: string }) {
  const query = serializeFeedFilters({ ...filters, cursor: undefined });
  const more = page.nextCursor ? `/search?${serializeFeedFilters({ ...filters, cursor: page.nextCursor })}` : null;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{filters.q ? <>Results for “{filters.q}”</> : "Search papers"}</h1>
      <form action="/search" method="get" role="search" aria-label="Papers" className="flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search query
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder='"diffusion model" -video author:Lee'
          className="min-w-0 flex-1 rounded-md border border-slate-500 bg-white px-3 py-2 dark:border-slate-500 dark:bg-slate-900"
        />
        <KeptFilters filters={filters} />
        <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">
          Search
        </button>
      </form>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Use <code>&quot;exact phrase&quot;</code>, <code>OR</code>, <code>-exclude</code> and <code>author:Name</code>, or paste an arXiv id or link.
      </p>
      {filters.q && <FilterBar action="/search" filters={filters} keepQuery />}
      {filters.q && <FeedLinks base="/search/" query={query} />}
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      {filters.q && (
        <PaperList papers={page.papers} moreHref={more} empty={<NoMatch filters={{ ...filters, q: filters.q }} hints={error ? [] : noMatchHints(filters)} />} />
      )}
    </div>
  );
}

/**
 * A new query keeps the results' sort and filters (it dropped them, so refining a sorted, filtered search lost both), but never their
 * cursor, which belongs to the old query's order. Defaults are left out, as serializeFeedFilters leaves them out of the URL.
 */
function KeptFilters({ filters }: { filters: TListFilters }) {
  const kept = new URLSearchParams(serializeFeedFilters({ ...filters, q: undefined, cursor: undefined }));
  return [...kept].map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/**
 * An arXiv id the feed does not hold yet is still a paper: the reader is pointed to it on arXiv. Otherwise the empty page suggests what
 * to change (it said only "No papers match"), from the query and filters alone: no query more for a page that found nothing. A refused
 * search has its reason shown instead.
 */
function NoMatch({ filters, hints }: { filters: TListFilters & { q: string }; hints: TNoMatchHint[] }) {
  const abs = arxivAbsUrl(parseSearchQuery(filters.q).arxivId);
  return (
    <>
      <p>
        No papers match “{filters.q}”.
        {abs && (
          <>
            {" "}
            It is not in the feed yet:{" "}
            <a className="link" href={abs} rel="noopener noreferrer">
              read it on arXiv
            </a>
            .
          </>
        )}
      </p>
      {hints.length > 0 && (
        <p id="no-match-hints" className="mx-auto mt-3 max-w-prose text-left text-sm font-medium">
          Try this:
        </p>
      )}
      {hints.length > 0 && (
        <ul aria-labelledby="no-match-hints" className="mx-auto mt-1 max-w-prose list-disc space-y-1 pl-5 text-left text-sm">
          {hints.map((hint) => (
            <li key={hint}>
              <Hint hint={hint} filters={filters} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Hint({ hint, filters }: { hint: TNoMatchHint; filters: TListFilters & { q: string } }) {
  switch (hint) {
    case "without-filters":
      return (
        <>
          The filters may hide the matches:{" "}
          <a className="link" href={`/search?${serializeFeedFilters({ q: filters.q, sort: filters.sort })}`}>
            search “{filters.q}” without filters
          </a>
          .
        </>
      );
    case "fewer-words":
      return <>Use fewer or more general words: a paper must hold every word.</>;
    case "drop-quotes":
      return <>Drop the quotes: a quoted phrase matches only those words in that order.</>;
    case "check-author":
      return (
        <>
          Check the author&apos;s name: <code>author:Lee</code> finds names with a word beginning “Lee”, <code>author:&quot;Wei Lee&quot;</code> the whole name.
        </>
      );
    case "author-syntax":
      return (
        <>
          To find an author&apos;s papers, use <code>author:Name</code>, as in <code>author:Hinton</code> or <code>author:&quot;Geoffrey Hinton&quot;</code>.
        </>
      );
  }
}
