// Small arXiv listing pages in the markup arXiv serves (current templates and the pre-2024 layout).

const entry = (o: {
  n: number;
  id: string;
  mark?: string;
  title: string;
  authors: string[];
  primary: string;
  others?: string[];
  comments?: string;
  abstract?: string;
}): string => `
    <dt>
      <a name='item${o.n}'>[${o.n}]</a>
      <a href ="/abs/${o.id}" title="Abstract" id="${o.id}">
        arXiv:${o.id}
      </a>
      ${o.mark ?? ""}
        [<a href="/pdf/${o.id}" title="Download PDF" id="pdf-${o.id}" aria-labelledby="pdf-${o.id}">pdf</a>, <a href="/format/${o.id}" title="Other formats" id="oth-${o.id}" aria-labelledby="oth-${o.id}">other</a>]
    </dt>
    <dd>
      <div class='meta'>
        <div class='list-title mathjax'><span class='descriptor'>Title:</span>
          ${o.title}
        </div>
        <div class='list-authors'>${o.authors
          .map((a) => `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=${encodeURIComponent(a)}" rel="nofollow">${a}</a>`)
          .join(", ")}</div>
${o.comments ? `        <div class='list-comments mathjax'><span class='descriptor'>Comments:</span>\n          ${o.comments}\n        </div>` : ""}
        <div class='list-subjects'><span class='descriptor'>Subjects:</span>
          <span class="primary-subject">${o.primary}</span>${(o.others ?? []).map((c) => `; ${c}`).join("")}
        </div>
${o.abstract === undefined ? "" : `        <p class='mathjax'>\n          ${o.abstract}\n        </p>`}
      </div>
    </dd>`;

const ABSTRACT =
  "We study how large language models handle long inputs and propose a simple method that\n          improves retrieval accuracy across twelve benchmarks without any additional training.";

/** A current /list/cs.CL/new page: 2 new, 1 cross-list, 2 replacements (one of them a replaced cross-list). */
export const NEW_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><title>Computation and Language</title></head>
<body>
<div id='dlpage'>
  <h1>Computation and Language</h1>
<ul>
  <li><a href="/list/cs.CL/new#item1" rel="nofollow">New submissions</a></li>
  <li><a href="/list/cs.CL/new#item3" rel="nofollow">Cross-lists</a></li>
  <li><a href="/list/cs.CL/new#item4" rel="nofollow">Replacements</a></li>
</ul>
<p>See <a id="recent-cs.CL" aria-labelledby="recent-cs.CL" href="/list/cs.CL/recent">recent</a> articles</p>
<h3>Showing new listings for Tuesday, 28 July 2026</h3>
<dl id='articles'>
    <h3>New submissions (showing 2 of 2 entries)</h3>
${entry({ n: 1, id: "2607.23001", title: "Retrieval Heads &amp; Long Context: &lt;script&gt;alert(1)&lt;/script&gt; Is Just Text", authors: ["Ada Lovelace", "Alan Turing"], primary: "Computation and Language (cs.CL)", others: ["Machine Learning (cs.LG)"], comments: "12 pages, accepted at &#34;ACL 2026&#34;", abstract: ABSTRACT })}
${entry({ n: 2, id: "2607.23002", title: "A   Second\n          Paper", authors: ["Grace Hopper"], primary: "Computation and Language (cs.CL)", abstract: ABSTRACT })}
</dl>
<dl id='articles'>
    <h3>Cross submissions (showing 1 of 1 entries)</h3>
${entry({ n: 3, id: "2607.22950", mark: "(cross-list from cs.LG)", title: "Cross Listed Paper", authors: ["Edsger Dijkstra"], primary: "Machine Learning (cs.LG)", others: ["Computation and Language (cs.CL)"], abstract: ABSTRACT })}
</dl>
<dl id='articles'>
    <h3>Replacement submissions (showing 2 of 2 entries)</h3>
${entry({ n: 4, id: "2601.01234", mark: "(replaced)", title: "Replaced Primary Paper", authors: ["Barbara Liskov"], primary: "Computation and Language (cs.CL)", abstract: ABSTRACT })}
${entry({ n: 5, id: "2512.04321", mark: "(replaced)", title: "Replaced Cross-listed Paper", authors: ["Donald Knuth"], primary: "Artificial Intelligence (cs.AI)", others: ["Computation and Language (cs.CL)"], abstract: ABSTRACT })}
</dl>
</div>
</body>
</html>
`;

/** A /new page on a day without announcements. */
export const QUIET_NEW_PAGE = `<!DOCTYPE html>
<html lang="en"><head><title>Computation and Language</title></head><body>
<div id='dlpage'>
  <h1>Computation and Language</h1>
  <h3>Showing new listings for Monday, 3 August 2026</h3>
  <p>No updates today.</p>
</div>
</body></html>
`;

/** The pre-2024 /new layout: dated section headings, span.list-identifier, descriptors everywhere. */
export const LEGACY_NEW_PAGE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head><title>Computation and Language authors/titles "new"</title></head>
<body>
<div id="dlpage">
<h1>Computation and Language</h1>
<h2>New submissions</h2>
<div class="list-dateline">Submissions received from  Fri 26 Jan 24  to  Mon 29 Jan 24, announced Tue, 30 Jan 24</div>
<ul>
<li><a href="#item1">New submissions</a></li>
<li><a href="#item2">Cross-lists</a></li>
<li><a href="#item3">Replacements</a></li>
</ul>
<small>[ total of 4 entries:  <b>1-4</b> ]</small><br />
<h3>New submissions for Tue, 30 Jan 24</h3>
<dl>
<dt><a name="item1">[1]</a>&nbsp;  <span class="list-identifier"><a href="/abs/2401.15077" title="Abstract">arXiv:2401.15077</a> [<a href="/pdf/2401.15077" title="Download PDF">pdf</a>, <a href="/format/2401.15077" title="Other formats">other</a>]</span></dt>
<dd>
<div class="meta">
<div class="list-title mathjax">
<span class="descriptor">Title:</span> Speculative Decoding Without   Draft Models
</div>
<div class="list-authors">
<span class="descriptor">Authors:</span> 
<a href="/search/cs?searchtype=author&amp;query=Li%2C+Y">Yuhui Li</a>, 
<a href="/search/cs?searchtype=author&amp;query=Wei%2C+F">Fangyun Wei</a>
</div>
<div class="list-comments mathjax">
<span class="descriptor">Comments:</span> Code: this https URL
</div>
<div class="list-subjects">
<span class="descriptor">Subjects:</span> <span class="primary-subject">Computation and Language (cs.CL)</span>; Machine Learning (cs.LG)
</div>
<p class="mathjax">Auto-regressive decoding makes the inference of large language models slow; we remove the
draft model entirely.
</p>
</div>
</dd>
</dl>
<h3>Cross-lists for Tue, 30 Jan 24</h3>
<dl>
<dt><a name="item2">[2]</a>&nbsp;  <span class="list-identifier"><a href="/abs/2401.15500" title="Abstract">arXiv:2401.15500</a> (cross-list from cs.LG) [<a href="/pdf/2401.15500" title="Download PDF">pdf</a>]</span></dt>
<dd>
<div class="meta">
<div class="list-title mathjax">
<span class="descriptor">Title:</span> Scaling Laws for Tokenizers
</div>
<div class="list-authors">
<span class="descriptor">Authors:</span> 
<a href="/search/cs?searchtype=author&amp;query=Doe%2C+J">Jane Doe</a>
</div>
<div class="list-subjects">
<span class="descriptor">Subjects:</span> <span class="primary-subject">Machine Learning (cs.LG)</span>; Computation and Language (cs.CL)
</div>
<p class="mathjax">We fit scaling laws to tokenizer vocabulary size.
</p>
</div>
</dd>
</dl>
<h3>Replacements for Tue, 30 Jan 24</h3>
<dl>
<dt><a name="item3">[3]</a>&nbsp;  <span class="list-identifier"><a href="/abs/2310.01234" title="Abstract">arXiv:2310.01234</a> (replaced) [<a href="/pdf/2310.01234" title="Download PDF">pdf</a>]</span></dt>
<dd>
<div class="meta">
<div class="list-title mathjax">
<span class="descriptor">Title:</span> An Updated Corpus
</div>
<div class="list-authors">
<span class="descriptor">Authors:</span> 
<a href="/search/cs?searchtype=author&amp;query=Roe%2C+R">Richard Roe</a>
</div>
<div class="list-subjects">
<span class="descriptor">Subjects:</span> <span class="primary-subject">Computation and Language (cs.CL)</span>
</div>
<p class="mathjax">A revised description of the corpus.
</p>
</div>
</dd>
<dt><a name="item4">[4]</a>&nbsp;  <span class="list-identifier"><a href="/abs/math/0309136" title="Abstract">arXiv:math/0309136</a> (*cross-listing*) (replaced) [<a href="/pdf/math/0309136" title="Download PDF">pdf</a>]</span></dt>
<dd>
<div class="meta">
<div class="list-title mathjax">
<span class="descriptor">Title:</span> An Old-Style Identifier
</div>
<div class="list-authors">
<span class="descriptor">Authors:</span> 
<a href="/search/math?searchtype=author&amp;query=Poe%2C+E">Edgar Poe</a>
</div>
<div class="list-subjects">
<span class="descriptor">Subjects:</span> <span class="primary-subject">Geometric Topology (math.GT)</span>; Computation and Language (cs.CL)
</div>
<p class="mathjax">An old paper.
</p>
</div>
</dd>
</dl>
</div>
</body>
</html>
`;
