// The one-line result of the last admin action (read by readActionMessage, src/server/admin/action-message.ts), announced to screen readers.
export function Notice({ notice, error }: { notice?: string; error?: string }) {
  if (error) {
    return (
      <p
        role="alert"
        data-testid="notice-error"
        className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        {error}
      </p>
    );
  }
  if (notice) {
    return (
      <p
        role="status"
        data-testid="notice"
        className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
      >
        {notice}
      </p>
    );
  }
  return null;
}
