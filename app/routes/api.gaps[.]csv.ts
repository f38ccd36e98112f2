import type { LoaderFunctionArgs } from "@remix-run/node";
import { gapCsv } from "~/gaps/export.server";
import { answeringInputErrors } from "~/http.server";

/** The figures of /api/gaps as CSV, one table per file (`table=rows|areas|hotspots`), in `lang=ko|en`. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const { csv, filename } = await gapCsv(context.services.database.db, request);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
      },
    });
  });
}
