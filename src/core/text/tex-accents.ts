// Some of arXiv's feeds write accented names in TeX ("Jos\'e", "Knollm\"uller", "\c{C}etin"); a name must read, and match a
// followed author, as it is written elsewhere ("José"). Titles and abstracts carry the same accents and TeX's escapes ("92.1\%",
// "a \$15 run", "\textbf{adaptability}"), which a reader must not see either; their math ($…$) stays as written.

/** Accents written with a symbol (`\'e`, `\"{u}`), as combining marks. */
const SYMBOL_ACCENTS: Record<string, string> = {
  "'": "\u0301",
  "`": "\u0300",
  "^": "\u0302",
  "~": "\u0303",
  '"': "\u0308",
  "=": "\u0304",
  ".": "\u0307",
};

/** Accents written with a letter (`\c{c}`, `\v s`), as combining marks. */
const LETTER_ACCENTS: Record<string, string> = {
  u: "\u0306",
  v: "\u030C",
  H: "\u030B",
  c: "\u0327",
  k: "\u0328",
  r: "\u030A",
  d: "\u0323",
  b: "\u0331",
};

/** Letters of their own (`\ss`, `\o`); a dotless `\i` under an accent is the accented i. */
const LETTERS: Record<string, string> = {
  ss: "ß",
  o: "ø",
  O: "Ø",
  l: "ł",
  L: "Ł",
  aa: "å",
  AA: "Å",
  ae: "æ",
  AE: "Æ",
  oe: "œ",
  OE: "Œ",
  i: "i",
  j: "j",
};

/** A base letter: a plain one, or a TeX letter command (`\i`, `\o`). */
const BASE = String.raw`(?:\{\s*(\\[A-Za-z]+|[A-Za-z])\s*\}|(\\[A-Za-z]+|[A-Za-z]))`;
const SYMBOL_ACCENT = new RegExp(String.raw`\\(['\`^~"=.])\s*${BASE}`, "g");
const LETTER_ACCENT = new RegExp(String.raw`\\([uvHckrdb])(?:\s*\{\s*(\\[A-Za-z]+|[A-Za-z])\s*\}|\s+(\\[A-Za-z]+|[A-Za-z]))`, "g");
const LETTER_COMMAND = /\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i|j)(?![A-Za-z])(?:\{\}|\s(?=[a-z]))?/g;

const baseLetter = (command: string): string => (command.startsWith("\\") ? (LETTERS[command.slice(1)] ?? command) : command);

/** The accents and letter commands in `text` as Unicode letters and combining marks. */
function decodeAccentCommands(text: string): string {
  return text
    .replace(SYMBOL_ACCENT, (whole, accent: string, braced?: string, bare?: string) => baseLetter(braced ?? bare ?? "") + (SYMBOL_ACCENTS[accent] ?? ""))
    .replace(LETTER_ACCENT, (whole, accent: string, braced?: string, bare?: string) => baseLetter(braced ?? bare ?? "") + (LETTER_ACCENTS[accent] ?? ""))
    .replace(LETTER_COMMAND, (whole, command: string) => LETTERS[command] ?? whole);
}

/** `text` with its TeX accents and letter commands as Unicode (NFC) and the braces that grouped them dropped; text without a backslash as it is. */
export function decodeTexAccents(text: string): string {
  if (!text.includes("\\")) return text;
  return (
    decodeAccentCommands(text)
      // Braces that grouped an accent ("{\'E}mile"), not a command's argument ("\emph{…}" stays as written).
      .replace(/(?<!\\[A-Za-z]+)\{([^{}\\]*)\}/g, "$1")
      .normalize("NFC")
  );
}

/** Text styles whose argument reads as plain text. */
const TEXT_STYLE = /\\(?:textbf|textit|textsl|textsc|texttt|textrm|textsf|textup|textmd|emph|underline)\s*\{([^{}]*)\}/g;
/** `\url{address}`: the address. */
const URL_COMMAND = /\\url\s*\{\s*([^{}\s]*)\s*\}/g;
/** `\href{address}{words}`: the words, with the address beside them unless they are the address. */
const HREF_COMMAND = /\\href\s*\{\s*([^{}\s]*)\s*\}\s*\{([^{}]*)\}/g;
/** An escaped `$` (a dollar sign in prose), or one math span, `$$…$$` or `$…$`: prose is everything between them. */
const DOLLAR_OR_MATH = /\\\$|\$\$[^$]*\$\$|\$(?:\\\$|[^$])*\$/g;

/** Prose outside math: accents decoded, a brace pair around one accented letter dropped ("{\'E}mile"), escapes as their characters. */
function decodeProse(text: string): string {
  // Styles first, so a link's words may be styled ("\href{…}{\textbf{our repo}}").
  const linked = text
    .replace(TEXT_STYLE, "$1")
    .replace(HREF_COMMAND, (whole, address: string, words: string) =>
      words.trim() === "" || words.trim() === address ? address : `${words.trim()} (${address})`,
    )
    .replace(URL_COMMAND, "$1");
  return decodeAccentCommands(linked)
    .replace(/(?<!\\[A-Za-z]+)\{(\p{L}\p{M}+|[ßøØłŁåÅæÆœŒ])\}/gu, "$1")
    .replace(/\\([%&_#{}])/g, "$1");
}

/**
 * A title or an abstract as a reader should see it: TeX accents, escapes (`\%`, `\$`, `\&`, `\_`, `\#`), text styles (`\textbf{…}`)
 * and links (`\url{…}`, `\href{…}{…}`) decoded in its prose, its math (`$…$`) and any other command (an author's own `\method`) left
 * as written. Other braces stay too: an abstract may quote code or sets, and only a brace around an accented letter is surely TeX's.
 */
export function decodeTexProse(text: string): string {
  if (!text.includes("\\")) return text;
  let out = "";
  let at = 0;
  for (const match of text.matchAll(DOLLAR_OR_MATH)) {
    out += decodeProse(text.slice(at, match.index)) + (match[0] === "\\$" ? "$" : match[0]);
    at = match.index + match[0].length;
  }
  return (out + decodeProse(text.slice(at))).normalize("NFC");
}
