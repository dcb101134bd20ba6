// One answer for an App Router page whose read fails for a known reason (the reader's link refused, a database too busy to answer):
// the page renders its own explanation with that status, where a throw would be Next's bare 500.
import { type AppError, retryAfterHeader } from "../errors/app-error";
import { knownError } from "../errors/known-error";
import { setPageStatus } from "./page-status";

export type TPageRead<T> = { value: T; problem: null } | { value: null; problem: AppError };

/**
 * Runs a page's read: its value, or the AppError it stands for (knownError: a 4xx for the link, UNAVAILABLE for a busy database) with
 * the page answered with that error's status and Retry-After (setPageStatus). Any other failure propagates: a fault, Next's 500.
 */
export async function readForPage<T>(read: () => Promise<T>): Promise<TPageRead<T>> {
  try {
    return { value: await read(), problem: null };
  } catch (err) {
    const problem = knownError(err);
    if (!problem) throw err;
    setPageStatus(problem.status, retryAfterHeader(problem));
    return { value: null, problem };
  }
}
