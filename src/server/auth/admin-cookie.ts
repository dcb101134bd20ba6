// The admin session cookie's name, alone, so the app's server can tell a caller who brings one without loading the session code.
export const ADMIN_COOKIE = "pd_admin";
