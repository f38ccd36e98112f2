import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, ProgramRow } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

export interface Program {
  id: string;
  nameKo: string;
  nameEn: string;
  summaryKo: string | null;
  summaryEn: string | null;
  providerFacilityId: string | null;
  providerAgencyKo: string | null;
  providerAgencyEn: string | null;
  category: string;
  targetPavittClasses: string[];
  targetCapabilities: string[];
  diffusionLevel: number | null;
  diffusionType: string | null;
  deliveryMode: string | null;
  regionScope: "national" | "regional";
  regionCodes: string[];
  smeOnly: boolean;
  maxEmployees: number | null;
  requiredCertifications: string[];
  sectors: string[];
  costShareNoteEn: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  periodNoteEn: string | null;
  url: string | null;
  source: string;
  version: number;
  updatedAt: Date;
}

export interface ProgramFilter {
  /** Programs open to firms in this region: nationwide ones and this region's own. */
  regionCode?: string;
  /** Programs meant for this class, including those open to every class. */
  pavittClass?: string;
  providerFacilityId?: string;
  /** Programs with these ids, or (when given too) provided by these facilities. */
  ids?: string[];
  providerFacilityIds?: string[];
}

export async function listPrograms(db: Executor, filter: ProgramFilter = {}): Promise<Program[]> {
  let query = db.selectFrom("programs").selectAll().where("status", "=", "published").orderBy("id");
  if (filter.regionCode) {
    const code = filter.regionCode;
    query = query.where((eb) =>
      eb.or([eb("region_scope", "=", "national"), sql<boolean>`${code} = any(region_codes)`]),
    );
  }
  if (filter.pavittClass) {
    const cls = filter.pavittClass;
    query = query.where((eb) =>
      eb.or([sql<boolean>`cardinality(target_pavitt_classes) = 0`, sql<boolean>`${cls} = any(target_pavitt_classes)`]),
    );
  }
  if (filter.providerFacilityId) query = query.where("provider_facility_id", "=", filter.providerFacilityId);
  if (filter.ids || filter.providerFacilityIds) {
    const ids = filter.ids ?? [];
    const providers = filter.providerFacilityIds ?? [];
    if (ids.length === 0 && providers.length === 0) return [];
    query = query.where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb("id", "in", ids)] : []),
        ...(providers.length > 0 ? [eb("provider_facility_id", "in", providers)] : []),
      ]),
    );
  }
  return (await query.execute()).map(toProgram);
}

function toProgram(row: ProgramRow): Program {
  return {
    id: row.id,
    nameKo: row.name_ko,
    nameEn: row.name_en,
    summaryKo: row.summary_ko,
    summaryEn: row.summary_en,
    providerFacilityId: row.provider_facility_id,
    providerAgencyKo: row.provider_agency_ko,
    providerAgencyEn: row.provider_agency_en,
    category: row.category,
    targetPavittClasses: row.target_pavitt_classes,
    targetCapabilities: row.target_capabilities,
    diffusionLevel: row.diffusion_level,
    diffusionType: row.diffusion_type,
    deliveryMode: row.delivery_mode,
    regionScope: row.region_scope as "national" | "regional",
    regionCodes: row.region_codes,
    smeOnly: row.sme_only,
    maxEmployees: row.max_employees,
    requiredCertifications: row.required_certifications,
    sectors: row.sectors,
    costShareNoteEn: row.cost_share_note_en,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    periodNoteEn: row.period_note_en,
    url: row.url,
    source: row.source,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
