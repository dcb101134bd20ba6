// Pages Router API routes answer through the same error mapping as route handlers (errorResponse), so codes map to statuses in one place.
import type { NextApiRequest, NextApiResponse } from "next";
import { errorResponse } from "./respond";

export function handlePagesApi(fn: (req: NextApiRequest, res: NextApiResponse) => Promise<void>) {
  return async (req: NextApiRequest, res: NextApiResponse): Promise<void> => {
    try {
      await fn(req, res);
    } catch (err) {
      const response = errorResponse(err);
      response.headers.forEach((value, key) => res.setHeader(key, value));
      res.status(response.status).send(await response.text());
    }
  };
}
