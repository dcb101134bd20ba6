// The sign-in page shows only these messages, named by code in its URL: it is open to anyone, so text taken from the URL would let a
// crafted link put any words ("mail your token to …") on this site's sign-in form.
const SIGN_IN_MESSAGES = {
  "signed-out": { notice: "Signed out." },
  "no-credential": { error: "Enter the admin token or password." },
  "wrong-credential": { error: "That token or password is not right." },
  "rate-limited": { error: "Too many sign-in attempts. Wait 15 minutes and try again." },
  busy: { error: "The server is busy. Try again in a few seconds." },
} as const satisfies Record<string, { notice: string } | { error: string }>;

export type TSignInMessage = keyof typeof SIGN_IN_MESSAGES;

/** The message a `?m=` code names; nothing for a code it does not know. */
export function signInMessage(code: string | string[] | undefined): { notice?: string; error?: string } {
  const key = Array.isArray(code) ? code[0] : code;
  return key !== undefined && Object.hasOwn(SIGN_IN_MESSAGES, key) ? SIGN_IN_MESSAGES[key as TSignInMessage] : {};
}
