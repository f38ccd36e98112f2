import type { Kysely } from "kysely";
import type { Area } from "../../app/domain/geocode";
import type { Database } from "../schema";

/** Every administrative area, current and defunct, as the geocoder reads them. */
export async function listAreas(db: Kysely<Database>): Promise<Area[]> {
  const rows = await db.selectFrom("areas").selectAll().orderBy("code").execute();
  return rows.map((r) => ({
    code: r.code,
    level: r.level,
    regionCode: r.region_code,
    sigunguCode: r.sigungu_code,
    nameKo: r.name_ko,
    nameEn: r.name_en,
    lat: r.lat,
    lng: r.lng,
    current: r.current,
    successors: r.successors,
  }));
}
