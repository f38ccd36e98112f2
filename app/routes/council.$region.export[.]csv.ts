import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/user.server";
import { exportCsv } from "~/council/export.server";
import { loadRegion, requireRegionAccess } from "~/council/routes.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services);
  const region = await loadRegion(context.services, params.region);
  requireRegionAccess(user, region, "view");
  const type = new URL(request.url).searchParams.get("type") === "program" ? "program" : "facility";
  return new Response(await exportCsv(context.services, region.code, type), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="clusterlink-${region.code}-${type}s.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
