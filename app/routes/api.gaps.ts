import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseGapQuery } from "~/gaps/params.server";
import { gapReport } from "~/gaps/report.server";
import { answeringInputErrors } from "~/http.server";

/** Coverage figures by region × class (× industry), capital area against the rest, and hotspots. Public: aggregates only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const db = context.services.database.db;
    const query = await parseGapQuery(db, new URL(request.url).searchParams);
    return Response.json(await gapReport(db, query));
  });
}
