import type { LoaderFunctionArgs } from "@remix-run/node";
import { gapReportCsv } from "~/gaps/export";
import { parseGapQuery } from "~/gaps/params.server";
import { gapReport } from "~/gaps/report.server";
import { answeringInputErrors } from "~/http.server";

/** The same figures as /api/gaps, as a CSV download. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const db = context.services.database.db;
    const report = await gapReport(db, await parseGapQuery(db, new URL(request.url).searchParams));
    return new Response(gapReportCsv(report), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="coverage-gaps-${report.radiusKm}km.csv"` },
    });
  });
}
