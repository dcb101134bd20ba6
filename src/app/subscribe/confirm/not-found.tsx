// The friendly 404 for a confirmation link that is unknown, tampered with, expired or already used.
import Link from "next/link";

export default function ConfirmLinkNotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-3 py-12 text-center">
      <h1 className="text-2xl font-bold">This confirmation link does not work</h1>
      <p className="text-slate-600 dark:text-slate-400">
        It may have expired (links last 48 hours), been used already, or been cut off when copied. Nothing was changed.
      </p>
      <Link href="/subscribe" className="inline-block text-indigo-700 hover:underline dark:text-indigo-300">
        Subscribe again for a fresh link
      </Link>
    </div>
  );
}
