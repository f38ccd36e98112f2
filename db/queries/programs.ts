import { sql, type Selectable } from "kysely";
import type {
  Capability,
  Certification,
  DeliveryMode,
  DiffusionLevel,
  DiffusionType,
  PavittClass,
  ProgramCategory,
} from "../../app/domain/types";
import type { Executor, ManagedBy, ProgramCallsTable, ProgramRow, RegionScope } from "../schema";

/** The announcement facts of an imported call, as search and matching need them. */
export interface ProgramCall {
  windowKind: "dated" | "open_ended" | "unknown";
  windowStart: string | null;
  windowEnd: string | null;
  withdrawn: boolean;
  applicantTypes: string[];
  businessAge: { maxMonthsExclusive: number | null; foundedOnOrAfter: string | null; preFounders: boolean };
  regionBasis: { field: string; value: string } | null;
  applicantField: string | null;
  ageField: string | null;
  applyUrl: string | null;
}

export interface Program {
  id: string;
  nameKo: string;
  nameEn: string;
  summaryKo: string | null;
  summaryEn: string | null;
  providerFacilityId: string | null;
  providerAgencyKo: string | null;
  providerAgencyEn: string | null;
  category: ProgramCategory;
  targetPavittClasses: PavittClass[];
  targetCapabilities: Capability[];
  diffusionLevel: DiffusionLevel | null;
  diffusionType: DiffusionType | null;
  deliveryMode: DeliveryMode | null;
  regionScope: RegionScope;
  regionCodes: string[];
  smeOnly: boolean;
  maxEmployees: number | null;
  requiredCertifications: Certification[];
  sectors: string[];
  costShareNoteEn: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  periodNoteEn: string | null;
  url: string | null;
  source: string;
  version: number;
  updatedAt: Date;
  managedBy: ManagedBy;
  /** Null for curated programs, which are standing programs without a window. */
  call: ProgramCall | null;
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
  /** Only curated (`seed`, `council`) or only imported (`import`) programs. */
  managedBy?: "seed" | "council" | "import";
}

export async function listPrograms(db: Executor, filter: ProgramFilter = {}): Promise<Program[]> {
  let query = db
    .selectFrom("programs")
    .leftJoin("program_calls as c", "c.program_id", "programs.id")
    .selectAll("programs")
    .select([
      "c.window_kind",
      "c.window_start",
      "c.window_end",
      "c.withdrawn_at",
      "c.applicant_types",
      "c.business_age",
      "c.region_basis",
      "c.applicant_field",
      "c.age_field",
      "c.apply_url",
    ])
    .where("status", "=", "published")
    .orderBy("programs.id");
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
  if (filter.managedBy) query = query.where("programs.managed_by", "=", filter.managedBy);
  if (filter.ids || filter.providerFacilityIds) {
    const ids = filter.ids ?? [];
    const providers = filter.providerFacilityIds ?? [];
    if (ids.length === 0 && providers.length === 0) return [];
    query = query.where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb("programs.id", "in", ids)] : []),
        ...(providers.length > 0 ? [eb("provider_facility_id", "in", providers)] : []),
      ]),
    );
  }
  return (await query.execute()).map(toProgram);
}

/** A program with its call's columns, all null for a curated program (no call row joined). */
type ProgramWithCallRow = ProgramRow & {
  [Column in CallColumn]: Selectable<ProgramCallsTable>[Column] | null;
};
type CallColumn =
  | "window_kind"
  | "window_start"
  | "window_end"
  | "withdrawn_at"
  | "applicant_types"
  | "business_age"
  | "region_basis"
  | "applicant_field"
  | "age_field"
  | "apply_url";

function callOf(row: ProgramWithCallRow): ProgramCall | null {
  if (row.window_kind === null || row.business_age === null) return null;
  return {
    windowKind: row.window_kind,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    withdrawn: row.withdrawn_at !== null,
    applicantTypes: row.applicant_types ?? [],
    businessAge: row.business_age,
    regionBasis: row.region_basis,
    applicantField: row.applicant_field,
    ageField: row.age_field,
    applyUrl: row.apply_url,
  };
}

function toProgram(row: ProgramWithCallRow): Program {
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
    regionScope: row.region_scope,
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
    managedBy: row.managed_by,
    call: callOf(row),
  };
}
