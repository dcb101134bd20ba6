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

/**
 * huggingface.co/papers/trending after select-all and copy (2025/2026 layout): no blank lines between cards,
 * the one- or two-sentence AI summary under each title, and card chrome around it.
 */
export const HF_TRENDING_COPY = `Hugging Face
Models
Datasets
Spaces
Community
Docs
Enterprise
Pricing
Log In
Sign Up
Trending Papers
by AK and the research community

Get trending papers in your email inbox!
Subscribe

Trending Papers
Submitted by
taesiri
Agent Lightning: Train ANY AI Agents with Reinforcement Learning
Agent Lightning is a flexible RL framework for training LLMs in various agent scenarios using a hierarchical RL algorithm and decoupled execution.
 · 
8 authors
Published on Aug 5, 2025
Upvote
124
GitHub
6.83k
arXiv Page
Submitted by
akhaliq
DINOv3
DINOv3 is a self-supervised vision foundation model that scales data and model size, adds Gram anchoring, and produces dense features that beat specialised models.
· 28 authors
Upvote
201
GitHub
7.2k
arXiv Page
Submitted by
AdinaY
Kimi K2
Kimi K2 is a mixture-of-experts model with 32 billion activated parameters. It leads open models on agentic benchmarks.
· 1 authors
Published on Jul 28, 2025
Upvote
1,204
GitHub
8.1k
arXiv Page
Submitted by
AK
Qwen3 Technical Report
Qwen3 unifies thinking and non-thinking modes in one model family.
· 60 authors
Upvote
317
arXiv Page
Submitted by
taesiri
PaddleOCR 3.0 & PP-StructureV3: Multi-Lingual Document Parsing
· 12 authors
Published on Jul 8, 2025
Upvote
55
GitHub
58.4k
arXiv Page
System theme
Company
TOS
Privacy
About
Jobs
Website
Models
Datasets
Spaces
Pricing
Docs
`;

/** huggingface.co/papers/date/… copied as text: a date heading, then the same cards. */
export const HF_DAILY_COPY = `Daily Papers
by AK and the research community

Get trending papers in your email inbox!
Subscribe

Jul 31, 2024
Previous
Next
Submitted by
akhaliq
SAM 2: Segment Anything in Images and Videos
SAM 2 extends promptable segmentation to video with a streaming memory and a data engine that collected the largest video segmentation dataset to date.
· 18 authors
Upvote
94
Submitted by
akhaliq
MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts
· 9 authors
Upvote
23
`;

/** arxiv.org/list/cs.CL/new copied as text: an id line, labelled fields and the abstract per entry. */
export const ARXIV_NEW_COPY = `Skip to main content
We gratefully acknowledge support from the Simons Foundation, member institutions, and all contributors. Donate
Computation and Language
Showing new listings for Tuesday, 28 July 2026
Total of 3 entries
New submissions (showing 2 of 2 entries)
[1] arXiv:2607.20123 [pdf, html, other]
Title: Short Context Is Enough: Pruning KV Caches with Attention Sinks
Authors: Jane Doe, Ravi Kumar, Li Wei
Comments: 12 pages, 4 figures
Subjects: Computation and Language (cs.CL); Machine Learning (cs.LG)
We show that most of a long-context model's key-value cache can be dropped without loss when the attention sinks and a
recent window are kept, and we give a pruning rule that halves memory on four long-context benchmarks.
[2] arXiv:2607.20177 [pdf, other]
Title: Tokenizers
Authors: Sam Lee
Subjects: Computation and Language (cs.CL)
We survey tokenizers.
Cross submissions (showing 1 of 1 entries)
[3] arXiv:2607.19001 (cross-list from cs.AI) [pdf, html, other]
Title: Agents That Ask Before They Act
Authors: Maria Garcia, Tom Brown
Subjects: Artificial Intelligence (cs.AI); Computation and Language (cs.CL)
Agents that ask clarifying questions before acting complete more tasks and make fewer irreversible mistakes.
`;

/**
 * The first entries of arXiv's /list/cs.CL/recent page (the capture `arxiv/list-cs.CL-recent-2026-07-28.html`, entries 1–3, 7 and 19) as a
 * browser copies its text: today's listings print the names under the title with no "Authors:" label, and carry no abstract.
 */
export const ARXIV_RECENT_BROWSER_COPY = `Computation and Language
Authors and titles for recent submissions
Mon, 27 Jul 2026 (showing 47 of 47 entries )
[1] arXiv:2607.22529 [pdf, other]
Title: Skill Self-Play: Pushing the Frontier of LLM Capability with Co-Evolving Skills
Siyuan Huang, Pengyu Cheng, Haotian Liu, Tao Chen, Yihao Liu, Jingwei Ni, Shijie Zhou, Ziyi Yang, Gangwei Jiang, Mengyu Zhou, Yu Cheng, Xiaoxi Jiang, Guanjun Jiang
Subjects: Computation and Language (cs.CL)
[2] arXiv:2607.22456 [pdf, other]
Title: grapheme-kit: Grapheme-Level Metrics and Text Processing for Multilingual NLP
Izzath Nisfer, Ashini Kavindya, Ovindu Atukorala, Purushoth Velayuthan, Menan Velayuthan
Subjects: Computation and Language (cs.CL)
[3] arXiv:2607.22376 [pdf, html, other]
Title: A Factorial Study of Synthetic Data Generation for Low-Resource Machine Translation using Grammar Books
Varun Ghat Ravikumar, Sina Ahmadi, Lena Jäger, Rico Sennrich
Comments: Accepted at CLiC-it 2026
Subjects: Computation and Language (cs.CL)
[7] arXiv:2607.22136 [pdf, html, other]
Title: Dynamic Commonsense Coordination for Empathetic Response Generation
Zhengyu Qi
Subjects: Computation and Language (cs.CL)
[19] arXiv:2607.21962 [pdf, html, other]
Title: Ground Truth First: A Longitudinal Evaluation Instrument for Agent Memory, and the Tenure Crossover in Memory-Architecture Rankings
Quentin Spencer
Comments: 25 pages, 2 figures. Code: this https URL
Subjects: Computation and Language (cs.CL)
`;
