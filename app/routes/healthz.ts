import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkHealth } from "~/health.server";

/**
 * 200 while the app can answer: the database works and some engine can search
 * (the embedded copy stands in while Meilisearch is unreachable). 503 otherwise,
 * at once while the process already knows the database is away.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const { status, body } = await checkHealth(context.services);
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
