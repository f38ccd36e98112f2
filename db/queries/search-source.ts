import type { Kysely } from "kysely";
import { facilityDocument, programDocument, type DocumentLookups } from "../../app/search/documents";
import type { SearchDocType, SearchDocument } from "../../app/search/types";
import type { Database } from "../schema";
import { listFacilities, type Facility } from "./facilities";
import { listPrograms } from "./programs";

export interface EntityRef {
  type: SearchDocType;
  id: string;
}

async function loadLookups(db: Kysely<Database>): Promise<DocumentLookups> {
  const regions = await db.selectFrom("regions").select(["code", "name_ko", "name_ko_short", "name_en"]).execute();
  const divisions = await db.selectFrom("ksic_divisions").select(["code", "name_ko", "name_en"]).execute();
  return {
    regions: new Map(
      regions.map((r) => [r.code, { nameKo: r.name_ko, nameKoShort: r.name_ko_short, nameEn: r.name_en }]),
    ),
    divisions: new Map(divisions.map((d) => [d.code, { nameKo: d.name_ko, nameEn: d.name_en }])),
  };
}

/** Every published listing as a search document. */
export async function loadAllSearchDocuments(db: Kysely<Database>): Promise<SearchDocument[]> {
  const lookups = await loadLookups(db);
  const facilities = await listFacilities(db);
  const byId = new Map(facilities.map((f) => [f.id, f]));
  const programs = await listPrograms(db);
  return [
    ...facilities.map((f) => facilityDocument(f, lookups)),
    ...programs.map((p) =>
      programDocument(p, p.providerFacilityId ? byId.get(p.providerFacilityId) : undefined, lookups),
    ),
  ];
}

/**
 * The current state of some listings: documents for the published ones and
 * references for those that are archived or gone (to delete from the index).
 */
export async function loadSearchChanges(
  db: Kysely<Database>,
  refs: EntityRef[],
): Promise<{ upserts: SearchDocument[]; deletes: EntityRef[] }> {
  const lookups = await loadLookups(db);
  const facilityIds = unique(refs.filter((r) => r.type === "facility").map((r) => r.id));
  const programIds = unique(refs.filter((r) => r.type === "program").map((r) => r.id));
  const facilities = await listFacilities(db, { ids: facilityIds });
  // A program shows its provider's place and name, so a facility change re-indexes its programs.
  const programs = await listPrograms(db, { ids: programIds, providerFacilityIds: facilityIds });
  const providerIds = unique(programs.flatMap((p) => (p.providerFacilityId ? [p.providerFacilityId] : [])));
  const providers = new Map<string, Facility>((await listFacilities(db, { ids: providerIds })).map((f) => [f.id, f]));

  const upserts = [
    ...facilities.map((f) => facilityDocument(f, lookups)),
    ...programs.map((p) =>
      programDocument(p, p.providerFacilityId ? providers.get(p.providerFacilityId) : undefined, lookups),
    ),
  ];
  const found = new Set(upserts.map((d) => `${d.type}:${d.id}`));
  const deletes = refs.filter((r) => !found.has(`${r.type}:${r.id}`));
  return { upserts, deletes: dedupe(deletes) };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function dedupe(refs: EntityRef[]): EntityRef[] {
  const seen = new Map<string, EntityRef>();
  for (const ref of refs) seen.set(`${ref.type}:${ref.id}`, ref);
  return [...seen.values()];
}
