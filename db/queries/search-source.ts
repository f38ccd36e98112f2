import type { Executor, SearchEntityType } from "../schema";
import { listFacilities, type Facility } from "./facilities";
import { listPrograms, type Program } from "./programs";

export interface EntityRef {
  type: SearchEntityType;
  id: string;
}

/** The names a listing's region and industry codes are searched and shown by. */
export interface ListingLookups {
  regions: Map<string, { nameKo: string; nameKoShort: string; nameEn: string }>;
  divisions: Map<string, { nameKo: string; nameEn: string }>;
}

/** Published listings with what their search documents show besides their own fields. */
export interface SearchSource {
  lookups: ListingLookups;
  facilities: Facility[];
  programs: Program[];
  /** The provider facility of each program that has one, by id. */
  providers: Map<string, Facility>;
}

async function loadLookups(db: Executor): Promise<ListingLookups> {
  const regions = await db.selectFrom("regions").select(["code", "name_ko", "name_ko_short", "name_en"]).execute();
  const divisions = await db.selectFrom("ksic_divisions").select(["code", "name_ko", "name_en"]).execute();
  return {
    regions: new Map(
      regions.map((r) => [r.code, { nameKo: r.name_ko, nameKoShort: r.name_ko_short, nameEn: r.name_en }]),
    ),
    divisions: new Map(divisions.map((d) => [d.code, { nameKo: d.name_ko, nameEn: d.name_en }])),
  };
}

/** Every published listing. */
export async function loadSearchSource(db: Executor): Promise<SearchSource> {
  const lookups = await loadLookups(db);
  const facilities = await listFacilities(db);
  const programs = await listPrograms(db);
  return { lookups, facilities, programs, providers: new Map(facilities.map((f) => [f.id, f])) };
}

/**
 * The published ones among some listings, and the programs of the facilities among them:
 * a program shows its provider's place and name, so a facility change re-indexes its programs.
 */
export async function loadChangedSearchSource(db: Executor, refs: EntityRef[]): Promise<SearchSource> {
  const lookups = await loadLookups(db);
  const facilityIds = unique(refs.filter((r) => r.type === "facility").map((r) => r.id));
  const programIds = unique(refs.filter((r) => r.type === "program").map((r) => r.id));
  const facilities = await listFacilities(db, { ids: facilityIds });
  const programs = await listPrograms(db, { ids: programIds, providerFacilityIds: facilityIds });
  const providerIds = unique(programs.flatMap((p) => (p.providerFacilityId ? [p.providerFacilityId] : [])));
  const providers = new Map((await listFacilities(db, { ids: providerIds })).map((f) => [f.id, f]));
  return { lookups, facilities, programs, providers };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
