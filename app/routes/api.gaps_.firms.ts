import type { LoaderFunctionArgs } from "@remix-run/node";
import { canSeeFirms } from "~/domain/gaps/access";
import { parseFirmListQuery } from "~/gaps/params.server";
import { regionFirms } from "~/gaps/report.server";
import { gapViewer } from "~/gaps/viewer.server";
import { answeringInputErrors, errorResponse } from "~/http.server";
import { issue } from "~/validation";

const MAX_FIRMS = 5000;

/**
 * Firm-level rows of one region with the distance to their nearest eligible facility; with
 * `uncovered=true` only those beyond the radius. Private: officials and administrators for
 * any region, a council for its own (401 signed out, 403 otherwise).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const db = context.services.database.db;
    const { query, uncovered, limit } = await parseFirmListQuery(db, new URL(request.url).searchParams, MAX_FIRMS);
    const viewer = await gapViewer(request, context.services);
    if (viewer === null) return errorResponse(request, 401, [issue("", "sign_in_required")]);
    if (!canSeeFirms(viewer, query.regionCode)) return errorResponse(request, 403, [issue("region", "forbidden")]);
    const firms = await regionFirms(
      db,
      { regionCode: query.regionCode, pavittClass: query.pavittClass, sector: query.sector },
      { uncoveredWithinKm: uncovered ? query.radiusKm : undefined, limit },
    );
    return Response.json(
      { radiusKm: query.radiusKm, regionCode: query.regionCode, firms },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  });
}
