// The digest preview for the admin page: the email, or the reason there is none.
import { isAppError } from "../errors/app-error";
import type { TDigestPreview } from "./digest-admin";
import { adminContext } from "./admin-context";

export type TDigestPreviewResult = { ok: true; preview: TDigestPreview } | { ok: false; email: string; message: string };

export async function loadDigestPreview(email: string): Promise<TDigestPreviewResult> {
  try {
    return { ok: true, preview: await adminContext().ports.previewNextDigest({ email }) };
  } catch (err) {
    if (isAppError(err)) return { ok: false, email, message: err.userMessage };
    throw err;
  }
}
