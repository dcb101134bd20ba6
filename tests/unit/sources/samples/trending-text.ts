// Plain-text copies of a trending-papers page, written to look like what a browser copy produces.

/** The shape from the brief: header chrome, a date line, three papers with abstracts. */
export const TRENDING_TEXT = `Trending Papers
by AK and the research community

Get trending papers in your email inbox!
Subscribe

Mar 12

Sparse Mixture of Adapters for Efficient Multilingual Speech Recognition
We present a sparse mixture of adapters that routes each utterance to a small set of
language-specific adapters, cutting inference cost by 40% while matching dense baselines
on 102 languages. Code: github.com/foo/bar.

Long-Context Retrieval Heads Explain In-Context Learning Failures
Why do long-context language models fail to use information buried in the middle of the
prompt? We identify a small set of retrieval heads whose attention collapses beyond 32k
tokens and show that restoring them recovers most of the lost accuracy.

World Models as Planners: Scaling Latent Imagination for Robot Manipulation
We train a latent world model on 2 million robot trajectories and use it as a planner, showing
that imagination-based planning scales smoothly with data and compute and transfers to unseen
objects without fine-tuning (arXiv:2403.12345).
`;

/** A copy of a card-style page: submitter, upvote counts, GitHub stars, links, per-card dates. */
export const TRENDING_CARDS_TEXT = `Trending Papers

by AK and the research community

Subscribe

Submitted by
akhaliq

Visual Instruction Tuning at Scale with Synthetic Dialogues
Instruction tuning large multimodal models typically requires costly human-written dialogues. We show that synthetic dialogues generated from dense captions are enough to reach state-of-the-art results on eleven benchmarks, and release the data at https://github.com/example-org/synth-dialogues.

· 5 authors
Upvote
94
GitHub
21.3k
arXiv Page

Submitted by
taesiri

Proof Search with Learned Value Functions for Olympiad Geometry
We combine a symbolic deduction engine with a learned value function to guide proof search, solving 27 of 30 olympiad geometry problems, more than the average gold medallist, while keeping every proof machine checkable. See arxiv.org/abs/2401.08312v2 for details.

· 3 authors
Upvote
41
arXiv Page
`;
