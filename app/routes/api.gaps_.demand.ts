import type { LoaderFunctionArgs } from "@remix-run/node";
import { demandReport, parseDemandQuery } from "~/gaps/demand.server";
import { answeringInputErrors } from "~/http.server";

/** GET /api/gaps/demand: requests for help by region (× class × industry), public, from anonymous facts only, small cells suppressed. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const db = context.services.database.db;
    const report = await demandReport(db, await parseDemandQuery(db, new URL(request.url).searchParams));
    return Response.json(report, { headers: { "Cache-Control": "no-store" } });
  });
}
