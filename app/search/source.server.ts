import {
  loadChangedSearchSource,
  loadSearchSource,
  type EntityRef,
  type SearchSource,
} from "../../db/queries/search-source";
import type { Executor } from "../../db/schema";
import { facilityDocument, programDocument } from "./documents";
import type { SearchDocument } from "./types";

/** Every published listing as a search document. */
export async function searchDocuments(db: Executor): Promise<SearchDocument[]> {
  return documentsOf(await loadSearchSource(db));
}

/**
 * The current state of some listings: documents for the published ones and
 * references for those that are archived or gone (to delete from the index).
 */
export async function searchChanges(
  db: Executor,
  refs: EntityRef[],
): Promise<{ upserts: SearchDocument[]; deletes: EntityRef[] }> {
  const upserts = documentsOf(await loadChangedSearchSource(db, refs));
  const found = new Set(upserts.map((d) => `${d.type}:${d.id}`));
  const deletes = new Map<string, EntityRef>();
  for (const ref of refs) if (!found.has(`${ref.type}:${ref.id}`)) deletes.set(`${ref.type}:${ref.id}`, ref);
  return { upserts, deletes: [...deletes.values()] };
}

function documentsOf({ lookups, facilities, programs, providers }: SearchSource): SearchDocument[] {
  return [
    ...facilities.map((f) => facilityDocument(f, lookups)),
    ...programs.map((p) =>
      programDocument(p, p.providerFacilityId ? providers.get(p.providerFacilityId) : undefined, lookups),
    ),
  ];
}
