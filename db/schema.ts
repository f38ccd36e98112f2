import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from "kysely";
import type { Role } from "../app/domain/accounts";
import type { AnchorGroupType } from "../app/domain/anchor-groups";
import type { AuditAction, AuditEntityType } from "../app/domain/audit";
import type { FirmRecordInput } from "../app/domain/gaps/firm-record";
import type { PolygonGeometry } from "../app/domain/geo";
import type { AreaLevel } from "../app/domain/geocode";
import type { InquiryOutcome, InquiryState } from "../app/domain/inquiries/lifecycle";
import type { Portal } from "../app/domain/programs/types";
import type { SizeRule } from "../app/domain/sme";
import type {
  Capability,
  Certification,
  CoordPrecision,
  DeliveryMode,
  DiffusionLevel,
  DiffusionType,
  FacilityKind,
  FacilityService,
  Need,
  PavittClass,
  ProgramCategory,
  SizeBand,
} from "../app/domain/types";

/** Timestamps are written by the database and read back as Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Rows that people edit carry a version for optimistic concurrency. */
interface Editable {
  version: Generated<number>;
  updated_at: Timestamp;
}

export type ManagedBy = "seed" | "council" | "import";
export type ListingStatus = "published" | "archived";
/** A program open to firms anywhere, or to those of its listed regions. */
export type RegionScope = "national" | "regional";

export interface RegionsTable extends Editable {
  code: string;
  kostat_code: string;
  iso_3166_2: string;
  name_ko: string;
  name_ko_short: string;
  name_en: string;
  name_en_full: string;
  capital_area: boolean;
  label_lng: number;
  label_lat: number;
  coord_precision: CoordPrecision;
  strategic_industries: string[];
  strategic_industries_note: string | null;
  source: string;
}

export interface RegionBoundariesTable {
  region_code: string;
  geometry: ColumnType<PolygonGeometry, string, string>;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  source: string;
  license: string;
  imported_at: Timestamp;
}

export interface KsicSectionsTable {
  code: string;
  name_ko: string;
  name_en: string;
  source: string;
}

export interface KsicDivisionsTable extends Editable {
  code: string;
  section_code: string;
  name_ko: string;
  name_en: string;
  default_pavitt_class: PavittClass | null;
  pavitt_basis: string;
  pavitt_note: string | null;
  source: string;
}

export interface AnchorGroupsTable extends Editable {
  id: string;
  type: AnchorGroupType;
  name_ko: string;
  name_en: string;
  sectors: string[];
  sector_note_en: string | null;
  source: string;
}

export interface FacilitiesTable extends Editable {
  id: string;
  kind: FacilityKind;
  subtype: string | null;
  name_ko: string;
  name_en: string;
  aliases: Generated<string[]>;
  region_code: string;
  lat: number;
  lng: number;
  coord_precision: CoordPrecision;
  location_note: string | null;
  anchor_group_id: string | null;
  co_anchor_group_ids: Generated<string[]>;
  industries: Generated<string[]>;
  industries_note_ko: string | null;
  industries_note_en: string | null;
  services: Generated<FacilityService[]>;
  delivery_modes: Generated<DeliveryMode[]>;
  contacts: ColumnType<FacilityContacts, string | undefined, string>;
  /** The area the point stands for (10-digit code), when placed from an address. */
  area_code: string | null;
  fact_sources: ColumnType<FactSources, string | undefined, string>;
  figures: ColumnType<Record<string, number | string>, string | undefined, string>;
  location_note_ko: string | null;
  opened: string | null;
  source: string;
  verification: string | null;
  status: Generated<ListingStatus>;
  managed_by: Generated<ManagedBy>;
  external_id: Generated<string | null>;
  created_at: Timestamp;
}

export interface FacilityContacts {
  url?: string;
  phone?: string;
  email?: string;
  addressKo?: string;
  addressEn?: string;
  openingHours?: string;
}

/** The citation behind each shown fact: a URL or a named document. */
export interface FactSources {
  address?: string;
  phone?: string;
  website?: string;
  openingHours?: string;
  location?: string;
}

export interface AreasTable {
  code: string;
  level: AreaLevel;
  region_code: string;
  sigungu_code: string;
  name_ko: string;
  name_en: string;
  lat: number;
  lng: number;
  current: boolean;
  successors: string[];
  kostat_code: string;
  source: string;
}

export interface ProgramsTable extends Editable {
  id: string;
  name_ko: string;
  name_en: string;
  summary_ko: string | null;
  summary_en: string | null;
  provider_facility_id: string | null;
  provider_agency_ko: string | null;
  provider_agency_en: string | null;
  category: ProgramCategory;
  target_pavitt_classes: Generated<PavittClass[]>;
  target_capabilities: Generated<Capability[]>;
  diffusion_level: DiffusionLevel | null;
  diffusion_type: DiffusionType | null;
  delivery_mode: DeliveryMode | null;
  region_scope: RegionScope;
  region_codes: Generated<string[]>;
  sme_only: Generated<boolean>;
  max_employees: number | null;
  required_certifications: Generated<Certification[]>;
  sectors: Generated<string[]>;
  cost_share_note_en: string | null;
  period_start: string | null;
  period_end: string | null;
  period_note_en: string | null;
  url: string | null;
  source: string;
  status: Generated<ListingStatus>;
  managed_by: Generated<ManagedBy>;
  external_id: Generated<string | null>;
  created_at: Timestamp;
}

export interface SmeSizeRulesTable extends Editable {
  id: string;
  sector_name_ko: string;
  sector_name_en: string;
  ksic_sections: string[];
  ksic_divisions: string[];
  max_employees_exclusive: number;
  threshold_kind: SizeRule["thresholdKind"];
  threshold_max_krw: number;
  source: string;
  source_note: string | null;
}

/**
 * One row per change to a searchable listing, written in the same transaction
 * as the change. Delivery re-reads the listing, so replaying a row is harmless.
 */
export interface SearchOutboxTable {
  id: Generated<number>;
  entity_type: SearchEntityType;
  entity_id: string;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** The writing transaction (xid8, read as text). */
  xact_id: Generated<string>;
}

export type SearchEntityType = "facility" | "program";

export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  role: Role;
  region_code: string | null;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface SessionsTable {
  token_hash: string;
  public_id: Generated<string>;
  user_id: string;
  csrf_token: string;
  user_agent: string | null;
  address: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email: string;
  address: string;
  succeeded: boolean;
  created_at: Timestamp;
}

export interface LoginThrottlesTable {
  key: string;
  failures: number;
  last_attempt_at: Timestamp | null;
}

/** A pending change to one listing: a new listing or an edit of a published one, awaiting review. */
export type DraftChange = "edit" | "archive" | "restore";

export interface ListingDraftsTable {
  id: Generated<number>;
  entity_type: SearchEntityType;
  entity_id: string;
  region_code: string;
  is_new: boolean;
  origin: Generated<"form" | "import">;
  /** What publishing the draft does: replace the fields, or archive or restore the listing. */
  change: Generated<DraftChange>;
  payload: ColumnType<Record<string, unknown>, string, string>;
  base_version: number | null;
  version: Generated<number>;
  created_by: string;
  updated_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Rows of an import in progress; moved into listing_drafts in one transaction at the end. */
export interface ImportStagingTable {
  job_id: string;
  seq: number;
  action: "create" | "update_live" | "update_draft";
  entity_type: SearchEntityType;
  entity_id: string;
  region_code: string;
  draft_id: number | null;
  draft_version: number | null;
  base_version: number | null;
  payload: ColumnType<Record<string, unknown>, string, string>;
  before: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_at: Timestamp;
}

/** Append-only (a trigger refuses updates and deletes). */
export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  user_id: string | null;
  user_email: string;
  action: AuditAction;
  entity_type: AuditEntityType;
  entity_id: string;
  region_code: string | null;
  before: ColumnType<Record<string, unknown> | null, string | null, never>;
  after: ColumnType<Record<string, unknown> | null, string | null, never>;
}

export interface FirmsTable {
  id: Generated<number>;
  name: string;
  ksic_division: string;
  employees: number;
  region_code: string;
  lat: number;
  lng: number;
  coord_precision: FirmRecordInput["coordPrecision"];
  pavitt_class: PavittClass;
  h3_cell: string;
  synthetic: boolean;
  source: string;
  created_at: Timestamp;
  ux: ColumnType<number, never, never>;
  uy: ColumnType<number, never, never>;
  uz: ColumnType<number, never, never>;
}

export interface GapEligibleFacilitiesTable {
  pavitt_class: PavittClass;
  facility_id: string;
  region_code: string;
  ux: number;
  uy: number;
  uz: number;
}

/** A candidate facility of a reach cell as a unit vector, in slots x1/y1/z1 … (null past the cell's candidates). */
type ReachSlotColumn = `${"x" | "y" | "z"}${number}`;

/** The eligible facilities near each grid cell of a class (app/domain/gaps/reach-grid); overflow cells list none. */
export interface GapReachCellsTable extends Record<ReachSlotColumn, number | null> {
  pavitt_class: PavittClass;
  cell_row: number;
  cell_col: number;
  overflow: boolean;
  candidates: number;
}

export interface GapCellsTable {
  h3_cell: string;
  region_code: string;
  pavitt_class: PavittClass;
  ksic_division: string;
  synthetic: boolean;
  /** Distance to the nearest eligible facility, rounded up to whole km; null when none exists. */
  nearest_km: number | null;
  firms: number;
}

export interface GapStateTable {
  id: number;
  data_version: number;
  computed_version: number | null;
  computed_at: Date | null;
}

export type InquiryEventKind =
  | "submitted"
  | "accepted"
  | "in_progress"
  | "closed"
  | "note"
  | "reply"
  | "referred_out"
  | "referred_in"
  | "withdrawn"
  | "erased";

/** A firm's request for help; the contact_* fields and message are personal data, null once erased. */
export interface InquiriesTable {
  id: Generated<string>;
  thread_id: string;
  referred_from: string | null;
  reference: string;
  status_token_hash: string | null;
  target_type: SearchEntityType;
  target_id: string;
  region_code: string;
  firm_region_code: string | null;
  pavitt_class: PavittClass | null;
  ksic_division: string | null;
  size_band: SizeBand | null;
  needs: Generated<Need[]>;
  state: Generated<InquiryState>;
  outcome: InquiryOutcome | null;
  version: Generated<number>;
  created_at: Timestamp;
  first_answered_at: Timestamp | null;
  closed_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  erased_at: Timestamp | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  message: string | null;
  consent_version: string;
  consent_purpose: string;
  consent_items: string[];
  consent_retention_days: number;
  consented_at: Timestamp;
}

export interface InquiryEventsTable {
  id: Generated<number>;
  inquiry_id: string;
  thread_id: string;
  at: Timestamp;
  kind: InquiryEventKind;
  actor_user_id: string | null;
  outcome: InquiryOutcome | null;
  body: string | null;
  related_inquiry_id: string | null;
}

/** Mail to send; kept (and shown to administrators) when no SMTP server is configured. */
export interface MailOutboxTable {
  id: Generated<number>;
  inquiry_id: string | null;
  to_address: string | null;
  subject: string;
  body: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  erased_at: Timestamp | null;
}

export interface InquiryRateCountsTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

export interface Database {
  regions: RegionsTable;
  region_boundaries: RegionBoundariesTable;
  ksic_sections: KsicSectionsTable;
  ksic_divisions: KsicDivisionsTable;
  anchor_groups: AnchorGroupsTable;
  facilities: FacilitiesTable;
  programs: ProgramsTable;
  sme_size_rules: SmeSizeRulesTable;
  search_outbox: SearchOutboxTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  login_throttles: LoginThrottlesTable;
  listing_drafts: ListingDraftsTable;
  audit_log: AuditLogTable;
  firms: FirmsTable;
  gap_eligible_facilities: GapEligibleFacilitiesTable;
  gap_reach_cells: GapReachCellsTable;
  gap_cells: GapCellsTable;
  gap_state: GapStateTable;
  import_staging: ImportStagingTable;
  areas: AreasTable;
  program_calls: ProgramCallsTable;
  program_sources: ProgramSourcesTable;
  program_sync_runs: ProgramSyncRunsTable;
  inquiries: InquiriesTable;
  inquiry_events: InquiryEventsTable;
  mail_outbox: MailOutboxTable;
  inquiry_rate_counts: InquiryRateCountsTable;
  job_runs: JobRunsTable;
  import_plans: ImportPlansTable;
  import_jobs: ImportJobsTable;
}

export interface JobRunsTable {
  name: string;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  runs: Generated<number>;
  last_error: string | null;
}

export interface ImportPlansTable {
  id: string;
  user_id: string;
  region_code: string;
  entity_type: SearchEntityType;
  encoding: string | null;
  file_name: string;
  checked: ColumnType<unknown, string, string>;
  preview: ColumnType<{ create: number; update: number; unchanged: number }, string, string>;
  basis: ColumnType<Record<string, string>, string, string>;
  job_id: string | null;
  created_at: Timestamp;
}

export interface ImportJobsTable {
  id: string;
  user_id: string;
  region_code: string;
  entity_type: SearchEntityType;
  total: number;
  done: Generated<number>;
  state: "running" | "done" | "failed";
  failure: "changed" | "error" | null;
  summary: ColumnType<{ created: number; updated: number; unchanged: number } | null, string | null, string | null>;
  error: string | null;
  started_at: Generated<Date>;
  heartbeat_at: Generated<Date>;
  finished_at: Date | null;
}

export interface ProgramCallsTable {
  program_id: string;
  dedupe_key: string;
  window_kind: "dated" | "open_ended" | "unknown";
  window_start: string | null;
  window_end: string | null;
  applicant_types: string[];
  business_age: ColumnType<
    { maxMonthsExclusive: number | null; foundedOnOrAfter: string | null; preFounders: boolean },
    string,
    string
  >;
  region_basis: ColumnType<{ field: string; value: string } | null, string | null, string | null>;
  applicant_field: string | null;
  age_field: string | null;
  detail_url: string | null;
  apply_url: string | null;
  agency: string | null;
  executing_agency: string | null;
  support_field: string | null;
  eligibility_text: Generated<string>;
  attachments: ColumnType<Array<{ name: string; url: string | null }>, string, string>;
  readings: ColumnType<unknown[], string, string>;
  content_hash: string;
  withdrawn_at: Date | null;
  closed_at: Date | null;
  last_synced_at: Timestamp;
}

export interface ProgramSourcesTable {
  portal: Portal;
  source_id: string;
  program_id: string;
  url: string | null;
  content_hash: string;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  last_run_id: number | null;
  withdrawn_at: Date | null;
}

export interface ProgramSyncRunsTable {
  id: Generated<number>;
  portal: Portal;
  mode: "file" | "sync";
  started_at: Timestamp;
  finished_at: Date | null;
  complete: Generated<boolean>;
  fetched_count: Generated<number>;
  new_count: Generated<number>;
  changed_count: Generated<number>;
  unchanged_count: Generated<number>;
  closed_count: Generated<number>;
  rejected_count: Generated<number>;
  errors: ColumnType<
    Array<{ sourceId: string | null; field: string; code: string; message: string }>,
    string | undefined,
    string
  >;
}

export type RegionRow = Selectable<RegionsTable>;
export type FacilityRow = Selectable<FacilitiesTable>;
export type NewFacility = Insertable<FacilitiesTable>;
export type FacilityUpdate = Updateable<FacilitiesTable>;
export type ProgramRow = Selectable<ProgramsTable>;
export type NewProgram = Insertable<ProgramsTable>;
export type AnchorGroupRow = Selectable<AnchorGroupsTable>;
export type KsicDivisionRow = Selectable<KsicDivisionsTable>;
export type SmeSizeRuleRow = Selectable<SmeSizeRulesTable>;
export type NewFirm = Insertable<FirmsTable>;

/** What a query runs on: the database or a transaction in progress. */
export type Executor = Kysely<Database> | Transaction<Database>;
