import { listRegions } from "../db/queries/regions";
import type { Services } from "./services.server";

/** /api/regions: each region's names, whether it is in the capital area, and where its map label goes. */
export async function publicRegions(services: Services) {
  const regions = await listRegions(services.database.db);
  return regions.map((r) => ({
    code: r.code,
    nameKo: r.nameKo,
    nameEn: r.nameEn,
    capitalArea: r.capitalArea,
    labelPoint: r.labelPoint,
  }));
}
