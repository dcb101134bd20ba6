// The paste-your-ADMIN_TOKEN form shown to anyone without an admin session.
import { signInAction } from "./actions";

const ERRORS: Record<string, string> = {
  missing: "Paste the admin token.",
  wrong: "That is not the admin token.",
  limited: "Too many attempts. Wait a few minutes.",
};

export function MailSignInForm({ error }: { error?: string }) {
  return (
    <form action={signInAction} className="mx-auto max-w-md space-y-4 py-8">
      <h1 className="text-2xl font-bold">Captured mail</h1>
      <p className="text-slate-600 dark:text-slate-400">Admins only. Paste the ADMIN_TOKEN (printed by `npm start` or set in the environment).</p>
      <div>
        <label htmlFor="admin-token" className="text-sm font-medium">
          Admin token
        </label>
        <input id="admin-token" name="token" type="password" autoComplete="current-password" required className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700 dark:bg-slate-900" aria-describedby="admin-token-error" />
        {error && ERRORS[error] && (
          <p id="admin-token-error" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {ERRORS[error]}
          </p>
        )}
      </div>
      <button type="submit" className="rounded-lg bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
        Sign in
      </button>
    </form>
  );
}
