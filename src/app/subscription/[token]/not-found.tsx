// The friendly 404 for a manage link that is tampered with, expired, or whose subscription was deleted.
import Link from "next/link";

export default function SubscriptionLinkNotFound() {
  return (
    <div className="mx-auto max-w-lg space-y-3 py-12 text-center">
      <h1 className="text-2xl font-bold">This subscription link does not work</h1>
      <p className="text-slate-600 dark:text-slate-400">
        It may have been cut off when copied, have expired, or belong to a subscription that was deleted. Nothing was changed. Every digest carries a fresh
        link.
      </p>
      <Link href="/subscribe" className="inline-block text-indigo-700 hover:underline dark:text-indigo-300">
        Go to the subscribe page
      </Link>
    </div>
  );
}
