// Some of arXiv's feeds write accented names in TeX ("Jos\'e", "Knollm\"uller", "\c{C}etin"); a name must read, and match a
// followed author, as it is written elsewhere ("José").

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

/** `text` with its TeX accents and letter commands as Unicode (NFC) and the braces that grouped them dropped; text without a backslash as it is. */
export function decodeTexAccents(text: string): string {
  if (!text.includes("\\")) return text;
  return (
    text
      .replace(SYMBOL_ACCENT, (whole, accent: string, braced?: string, bare?: string) => baseLetter(braced ?? bare ?? "") + (SYMBOL_ACCENTS[accent] ?? ""))
      .replace(LETTER_ACCENT, (whole, accent: string, braced?: string, bare?: string) => baseLetter(braced ?? bare ?? "") + (LETTER_ACCENTS[accent] ?? ""))
      .replace(LETTER_COMMAND, (whole, command: string) => LETTERS[command] ?? whole)
      // Braces that grouped an accent ("{\'E}mile"), not a command's argument ("\emph{…}" stays as written).
      .replace(/(?<!\\[A-Za-z]+)\{([^{}\\]*)\}/g, "$1")
      .normalize("NFC")
  );
}
