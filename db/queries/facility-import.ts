import { createHash } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { ImportedFacility } from "../../app/domain/facility-import";
import type { DeliveryMode, FacilityKind, FacilityService } from "../../app/domain/types";
import { required } from "../../app/required";
import type { Database } from "../schema";
import { enqueueSearchChanges } from "./outbox";

const DEFAULTS: Partial<
  Record<FacilityKind, { services: FacilityService[]; deliveryModes: DeliveryMode[]; en: string }>
> = {
  industrial_complex: {
    services: ["networking", "training", "information"],
    deliveryModes: ["group", "intermediary"],
    en: "industrial complex",
  },
  business_incubator: {
    services: ["startup_incubation", "networking", "consulting"],
    deliveryModes: ["individual", "small_group"],
    en: "business incubator",
  },
};

/** A stable id from the external id, so re-importing a file updates the same listings. */
export function importedFacilityId(externalId: string): string {
  const prefix = externalId.startsWith("kicox:") ? "ic" : "bi";
  return `${prefix}-${createHash("sha256").update(externalId).digest("hex").slice(0, 12)}`;
}

/**
 * Writes a whole file's facilities in one transaction: new ones inserted,
 * earlier imports of the same external id updated, every change queued for
 * search. Listings that a council has taken over are left as they are.
 */
export async function upsertImportedFacilities(
  db: Kysely<Database>,
  facilities: ImportedFacility[],
  source: string,
): Promise<{ inserted: number; updated: number; kept: number }> {
  return db.transaction().execute(async (trx) => {
    const ids = facilities.map((f) => importedFacilityId(f.externalId));
    const existing =
      ids.length === 0
        ? []
        : await trx.selectFrom("facilities").select(["id", "managed_by"]).where("id", "in", ids).forUpdate().execute();
    const managedBy = new Map(existing.map((row) => [row.id, row.managed_by]));
    let inserted = 0;
    let updated = 0;
    let kept = 0;
    const touched: string[] = [];
    for (const [i, f] of facilities.entries()) {
      const id = required(ids[i], "the id of an imported facility");
      const defaults = required(DEFAULTS[f.kind], `the import defaults of kind ${f.kind}`);
      const values = {
        kind: f.kind,
        subtype: f.subtype,
        name_ko: f.nameKo,
        name_en: `${f.nameKo} (${defaults.en})`,
        region_code: f.regionCode,
        lat: f.lat,
        lng: f.lng,
        coord_precision: f.precision,
        area_code: f.areaCode,
        contacts: JSON.stringify({
          ...(f.address ? { addressKo: f.address } : {}),
          ...(f.phone ? { phone: f.phone } : {}),
          ...(f.website ? { url: f.website } : {}),
        }),
        fact_sources: JSON.stringify({
          ...(f.address ? { address: source } : {}),
          ...(f.phone ? { phone: source } : {}),
          ...(f.website ? { website: source } : {}),
          location: source,
        }),
        figures: JSON.stringify(f.figures),
        services: defaults.services,
        delivery_modes: defaults.deliveryModes,
        source,
        verification: "imported from the file named in source; placed at the centroid of the area it names",
      };
      const owner = managedBy.get(id);
      if (owner === undefined) {
        await trx
          .insertInto("facilities")
          .values({
            id,
            ...values,
            aliases: [],
            industries: [],
            co_anchor_group_ids: [],
            managed_by: "import",
            external_id: f.externalId,
          })
          .execute();
        inserted += 1;
      } else if (owner === "import") {
        await trx
          .updateTable("facilities")
          .set({ ...values, status: "published", version: sql`version + 1`, updated_at: sql`now()` })
          .where("id", "=", id)
          .execute();
        updated += 1;
      } else {
        kept += 1;
        continue;
      }
      touched.push(id);
    }
    await enqueueSearchChanges(
      trx,
      touched.map((entityId) => ({ entityType: "facility" as const, entityId })),
    );
    return { inserted, updated, kept };
  });
}
