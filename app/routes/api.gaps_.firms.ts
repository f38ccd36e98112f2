import type { LoaderFunctionArgs } from "@remix-run/node";
import { firmsWithReach } from "../../db/queries/gaps";
import { canSeeFirms } from "~/domain/gaps/access";
import { parseGapQuery } from "~/gaps/params.server";
import { freshGapState } from "~/gaps/report.server";
import { gapViewer } from "~/gaps/viewer.server";
import { numberParam, ParameterError, withParameters } from "~/http.server";

const MAX_FIRMS = 5000;

/**
 * Firm-level rows of one region with the distance to their nearest eligible facility; with
 * `uncovered=true` only those beyond the radius. Private: officials and administrators for
 * any region, a council for its own (401 signed out, 403 otherwise).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return withParameters(async () => {
    const db = context.services.database.db;
    const params = new URL(request.url).searchParams;
    const query = await parseGapQuery(db, params);
    if (query.regionCode === undefined) throw new ParameterError("region", "give the region whose firms to list");
    const uncovered = params.get("uncovered");
    if (uncovered !== null && uncovered !== "true" && uncovered !== "false") throw new ParameterError("uncovered", "must be true or false");
    const limit = numberParam(params, "limit", { min: 1, max: MAX_FIRMS, integer: true }) ?? 1000;
    const viewer = await gapViewer(request, context.services);
    if (viewer === null) return Response.json({ error: { message: "sign in to see firm-level data" } }, { status: 401 });
    if (!canSeeFirms(viewer, query.regionCode)) return Response.json({ error: { message: "firm-level data of this region is not open to this account" } }, { status: 403 });
    await freshGapState(db);
    const firms = await firmsWithReach(
      db,
      { regionCode: query.regionCode, pavittClass: query.pavittClass, sector: query.sector },
      { uncoveredWithinKm: uncovered === "true" ? query.radiusKm : undefined, limit },
    );
    return Response.json({ radiusKm: query.radiusKm, regionCode: query.regionCode, firms }, { headers: { "Cache-Control": "private, no-store" } });
  });
}
