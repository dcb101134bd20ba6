// The admin console's section links and sign-out button.
import { AdminSectionLinks } from "./admin-section-links";
import { buttonQuiet } from "./ui";

export function AdminNav({ actor, signOut }: { actor: string; signOut: (formData: FormData) => Promise<void> }) {
  return (
    <nav aria-label="Admin" className="mb-6 flex flex-wrap items-center gap-x-1 gap-y-2 border-b border-slate-200 pb-3 dark:border-slate-800">
      <AdminSectionLinks />
      <form action={signOut} className="ml-auto flex items-center gap-2">
        <span className="text-xs text-slate-600 dark:text-slate-400">{actor}</span>
        <button type="submit" className={buttonQuiet}>
          Sign out
        </button>
      </form>
    </nav>
  );
}
