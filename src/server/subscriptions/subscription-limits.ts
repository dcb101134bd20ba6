// The subscribe form's abuse limits and token lifetimes, in one place so tests and docs agree.
export const SUBSCRIBE_IP_LIMIT = { limit: 20, windowMs: 10 * 60 * 1000 } as const;
/** Confirmation (or "already subscribed") mails per address per hour. */
export const SUBSCRIBE_ADDRESS_LIMIT = { limit: 3, windowMs: 60 * 60 * 1000 } as const;
export const CONFIRM_TOKEN_TTL_MS = 48 * 60 * 60 * 1000;
export const CONFIRM_PURPOSE = "confirm";
