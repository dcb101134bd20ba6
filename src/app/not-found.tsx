// The 404 page.
import Link from "next/link";

export default function NotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">We have no page here. The paper may not be in the feed yet.</p>
      <Link href="/" className="mt-4 inline-block text-indigo-700 hover:underline dark:text-indigo-300">
        Back to the feed
      </Link>
    </div>
  );
}
