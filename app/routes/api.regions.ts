import type { LoaderFunctionArgs } from "@remix-run/node";
import { listRegions } from "../../db/queries/regions";

export async function loader({ context }: LoaderFunctionArgs) {
  const regions = await listRegions(context.services.database.db);
  return Response.json(
    regions.map((r) => ({
      code: r.code,
      nameKo: r.nameKo,
      nameEn: r.nameEn,
      capitalArea: r.capitalArea,
      labelPoint: r.labelPoint,
    })),
  );
}
