// Shared values for e2e specs: the credentials start-e2e-server.ts gives the app.
export const E2E_ADMIN_TOKEN = "e2e-admin-token-0123456789";
export const E2E_CRON_SECRET = "e2e-cron-secret-0123456789";
export const E2E_APP_SECRET = "e2e-app-secret-0123456789abcdef";
