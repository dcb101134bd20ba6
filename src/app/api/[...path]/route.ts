// Any other address under /api/: a JSON 404 for every method, as an API caller reads errors, instead of the site's HTML 404 page.
import { AppError } from "@/server/errors/app-error";
import { errorResponse } from "@/server/http/respond";

const notFound = async (request: Request): Promise<Response> =>
  errorResponse(new AppError("NOT_FOUND", `There is no API route at ${new URL(request.url).pathname}: /api/openapi.json lists them.`));

export const dynamic = "force-dynamic";

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
