// Text clean-up shared by every source parser: whitespace, entities, markup, ids, links, title keys.
export { normalizeWhitespace } from "./normalize-whitespace";
export { stripMarkup } from "./strip-markup";
export { titleKey } from "./title-key";
export { findArxivIds, parseArxivId, type TArxivIdParts } from "./arxiv-id";
export { findGithubUrl, normalizeGithubUrl } from "./github-url";
