import type { Kysely } from "kysely";
import type { Database } from "../schema";

export interface Region {
  code: string;
  kostatCode: string;
  iso3166_2: string;
  nameKo: string;
  nameKoShort: string;
  nameEn: string;
  nameEnFull: string;
  capitalArea: boolean;
  labelPoint: [number, number];
  strategicIndustries: string[];
  source: string;
}

export async function listRegions(db: Kysely<Database>): Promise<Region[]> {
  const rows = await db.selectFrom("regions").selectAll().orderBy("code").execute();
  return rows.map((r) => ({
    code: r.code,
    kostatCode: r.kostat_code,
    iso3166_2: r.iso_3166_2,
    nameKo: r.name_ko,
    nameKoShort: r.name_ko_short,
    nameEn: r.name_en,
    nameEnFull: r.name_en_full,
    capitalArea: r.capital_area,
    labelPoint: [r.label_lng, r.label_lat],
    strategicIndustries: r.strategic_industries,
    source: r.source,
  }));
}

export async function countRegions(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("regions")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
