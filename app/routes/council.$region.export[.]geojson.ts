import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/user.server";
import { exportGeoJson } from "~/council/export.server";
import { loadRegion, requireRegionAccess } from "~/council/routes.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services);
  const region = await loadRegion(context.services, params.region);
  requireRegionAccess(user, region, "view");
  return new Response(JSON.stringify(await exportGeoJson(context.services, region.code)), {
    headers: {
      "Content-Type": "application/geo+json; charset=utf-8",
      "Content-Disposition": `attachment; filename="clusterlink-${region.code}-facilities.geojson"`,
      "Cache-Control": "no-store",
    },
  });
}
