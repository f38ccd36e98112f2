import type { LoaderFunctionArgs } from "@remix-run/node";
import { demandCsv, demandReport, parseDemandQuery } from "~/gaps/demand.server";
import { answeringInputErrors } from "~/http.server";

/** The demand figures of /api/gaps/demand as a CSV download, with the same suppression. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const db = context.services.database.db;
    const report = await demandReport(db, await parseDemandQuery(db, new URL(request.url).searchParams));
    return new Response(demandCsv(report), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="demand.csv"',
      },
    });
  });
}
