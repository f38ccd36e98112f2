import { sql, type Selectable } from "kysely";
import type { FacilityFields, ListingFields, ListingType, ProgramFields } from "../../app/domain/listings";
import type {
  DraftChange,
  Executor,
  FacilityContacts,
  FacilityRow,
  ListingDraftsTable,
  ListingStatus,
  ManagedBy,
  ProgramRow,
} from "../schema";

/** A published or archived listing as the council workspace sees it. */
export interface LiveListing {
  type: ListingType;
  id: string;
  /** The one region that owns it; null for programs open nationwide or to several regions. */
  regionCode: string | null;
  status: ListingStatus;
  managedBy: ManagedBy;
  version: number;
  updatedAt: Date;
  fields: ListingFields;
}

export interface Draft {
  id: number;
  type: ListingType;
  entityId: string;
  regionCode: string;
  isNew: boolean;
  origin: "form" | "import";
  /** An edit publishes `fields`; an archive or restore publishes only the status, over the version it was asked on. */
  change: DraftChange;
  fields: ListingFields;
  baseVersion: number | null;
  version: number;
  createdBy: string;
  updatedBy: string;
  updatedAt: Date;
}

function facilityFields(row: FacilityRow): FacilityFields {
  const contacts = row.contacts ?? {};
  return {
    externalId: row.external_id,
    kind: row.kind,
    nameKo: row.name_ko,
    nameEn: row.name_en,
    lat: row.lat,
    lng: row.lng,
    coordPrecision: row.coord_precision,
    industries: row.industries,
    services: row.services,
    url: contacts.url ?? null,
    phone: contacts.phone ?? null,
    addressKo: contacts.addressKo ?? null,
    locationNote: row.location_note,
    source: row.source,
  };
}

function programFields(row: ProgramRow): ProgramFields {
  return {
    externalId: row.external_id,
    nameKo: row.name_ko,
    nameEn: row.name_en,
    summaryKo: row.summary_ko,
    summaryEn: row.summary_en,
    category: row.category,
    providerAgencyKo: row.provider_agency_ko,
    providerAgencyEn: row.provider_agency_en,
    sectors: row.sectors,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    url: row.url,
    source: row.source,
  };
}

function programRegion(row: ProgramRow): string | null {
  return row.region_scope === "regional" && row.region_codes.length === 1 ? (row.region_codes[0] ?? null) : null;
}

function liveColumns(row: FacilityRow | ProgramRow) {
  return { id: row.id, status: row.status, managedBy: row.managed_by, version: row.version, updatedAt: row.updated_at };
}

function liveFacility(row: FacilityRow): LiveListing {
  return { type: "facility", ...liveColumns(row), regionCode: row.region_code, fields: facilityFields(row) };
}

function liveProgram(row: ProgramRow): LiveListing {
  return { type: "program", ...liveColumns(row), regionCode: programRegion(row), fields: programFields(row) };
}

/** The query, with `for update` when asked: its rows then stay locked until the transaction ends. */
function lockedIf<Query extends { forUpdate(): Query }>(query: Query, forUpdate: boolean | undefined): Query {
  return forUpdate ? query.forUpdate() : query;
}

/** One listing, published or archived; with forUpdate the row stays locked until the transaction ends. */
export async function getLiveListing(
  db: Executor,
  type: ListingType,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LiveListing | null> {
  if (type === "facility") {
    const row = await lockedIf(
      db.selectFrom("facilities").selectAll().where("id", "=", id),
      options.forUpdate,
    ).executeTakeFirst();
    return row ? liveFacility(row) : null;
  }
  const row = await lockedIf(
    db.selectFrom("programs").selectAll().where("id", "=", id),
    options.forUpdate,
  ).executeTakeFirst();
  return row ? liveProgram(row) : null;
}

/** Every listing the region owns: its facilities, and programs run for it alone. */
export async function listRegionListings(db: Executor, regionCode: string): Promise<LiveListing[]> {
  const facilities = await db
    .selectFrom("facilities")
    .selectAll()
    .where("region_code", "=", regionCode)
    .orderBy("name_ko")
    .execute();
  const programs = await db
    .selectFrom("programs")
    .selectAll()
    .where("region_scope", "=", "regional")
    .where(sql<boolean>`region_codes = array[${regionCode}]::text[]`)
    .orderBy("name_ko")
    .execute();
  return [...facilities.map(liveFacility), ...programs.map(liveProgram)];
}

type DraftRow = Selectable<ListingDraftsTable>;

function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    type: row.entity_type,
    entityId: row.entity_id,
    regionCode: row.region_code,
    isNew: row.is_new,
    origin: row.origin,
    change: row.change,
    fields: row.payload as unknown as ListingFields,
    baseVersion: row.base_version,
    version: row.version,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export async function getDraft(
  db: Executor,
  type: ListingType,
  entityId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Draft | null> {
  const row = await lockedIf(
    db.selectFrom("listing_drafts").selectAll().where("entity_type", "=", type).where("entity_id", "=", entityId),
    options.forUpdate,
  ).executeTakeFirst();
  return row ? toDraft(row) : null;
}

export async function listRegionDrafts(db: Executor, regionCode: string): Promise<Draft[]> {
  const rows = await db
    .selectFrom("listing_drafts")
    .selectAll()
    .where("region_code", "=", regionCode)
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(toDraft);
}

export interface NewDraft {
  type: ListingType;
  entityId: string;
  regionCode: string;
  isNew: boolean;
  origin: "form" | "import";
  /** "edit" when not given. */
  change?: DraftChange;
  fields: ListingFields;
  baseVersion: number | null;
  userId: string;
}

/** Inserts drafts; an existing draft for the same listing makes nothing happen for that row (the caller checks). */
export async function insertDrafts(db: Executor, drafts: NewDraft[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < drafts.length; i += 500) {
    const result = await db
      .insertInto("listing_drafts")
      .values(
        drafts.slice(i, i + 500).map((d) => ({
          entity_type: d.type,
          entity_id: d.entityId,
          region_code: d.regionCode,
          is_new: d.isNew,
          origin: d.origin,
          change: d.change ?? "edit",
          payload: JSON.stringify(d.fields),
          base_version: d.baseVersion,
          created_by: d.userId,
          updated_by: d.userId,
        })),
      )
      .onConflict((oc) => oc.columns(["entity_type", "entity_id"]).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** Replaces a draft's fields only if nobody changed it since expectedVersion; the draft becomes an edit, whatever it asked before. */
export async function updateDraft(
  db: Executor,
  draftId: number,
  expectedVersion: number,
  fields: ListingFields,
  userId: string,
  origin: "form" | "import",
): Promise<boolean> {
  const result = await db
    .updateTable("listing_drafts")
    .set({
      payload: JSON.stringify(fields),
      change: "edit",
      version: sql`version + 1`,
      updated_by: userId,
      updated_at: sql`now()`,
      origin,
    })
    .where("id", "=", draftId)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDraft(db: Executor, draftId: number): Promise<void> {
  await db.deleteFrom("listing_drafts").where("id", "=", draftId).execute();
}

function facilityColumns(fields: FacilityFields, contacts: FacilityContacts) {
  const merged: FacilityContacts = { ...contacts };
  for (const [key, value] of [
    ["url", fields.url],
    ["phone", fields.phone],
    ["addressKo", fields.addressKo],
  ] as const) {
    if (value) merged[key] = value;
    else delete merged[key];
  }
  return {
    external_id: fields.externalId,
    kind: fields.kind,
    name_ko: fields.nameKo,
    name_en: fields.nameEn,
    lat: fields.lat,
    lng: fields.lng,
    coord_precision: fields.coordPrecision,
    industries: fields.industries,
    services: fields.services,
    contacts: JSON.stringify(merged),
    location_note: fields.locationNote,
    source: fields.source,
  };
}

function programColumns(fields: ProgramFields) {
  return {
    external_id: fields.externalId,
    name_ko: fields.nameKo,
    name_en: fields.nameEn,
    summary_ko: fields.summaryKo,
    summary_en: fields.summaryEn,
    category: fields.category,
    provider_agency_ko: fields.providerAgencyKo,
    provider_agency_en: fields.providerAgencyEn,
    sectors: fields.sectors,
    period_start: fields.periodStart,
    period_end: fields.periodEnd,
    url: fields.url,
    source: fields.source,
  };
}

/** Publishes a new listing. */
export async function insertLiveListing(
  db: Executor,
  type: ListingType,
  id: string,
  regionCode: string,
  fields: ListingFields,
  managedBy: ManagedBy,
): Promise<void> {
  if (type === "facility") {
    await db
      .insertInto("facilities")
      .values({
        id,
        region_code: regionCode,
        status: "published",
        managed_by: managedBy,
        ...facilityColumns(fields as FacilityFields, {}),
      })
      .execute();
  } else {
    await db
      .insertInto("programs")
      .values({
        id,
        region_scope: "regional",
        region_codes: [regionCode],
        status: "published",
        managed_by: managedBy,
        ...programColumns(fields as ProgramFields),
      })
      .execute();
  }
}

/** Publishes new fields over a listing, bumping its version; managed_by changes so the seed stops overwriting it. */
export async function updateLiveListing(
  db: Executor,
  type: ListingType,
  id: string,
  fields: ListingFields,
  managedBy: ManagedBy,
): Promise<void> {
  if (type === "facility") {
    const current = await db.selectFrom("facilities").select("contacts").where("id", "=", id).executeTakeFirstOrThrow();
    await db
      .updateTable("facilities")
      .set({
        ...facilityColumns(fields as FacilityFields, current.contacts ?? {}),
        managed_by: managedBy,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where("id", "=", id)
      .execute();
  } else {
    await db
      .updateTable("programs")
      .set({
        ...programColumns(fields as ProgramFields),
        managed_by: managedBy,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where("id", "=", id)
      .execute();
  }
}

/** Archives or restores a listing only if it is still at expectedVersion. */
export async function setListingStatus(
  db: Executor,
  type: ListingType,
  id: string,
  status: ListingStatus,
  expectedVersion: number,
): Promise<boolean> {
  const table = type === "facility" ? "facilities" : "programs";
  const result = await db
    .updateTable(table)
    .set({
      status,
      managed_by: sql`case when managed_by = 'seed' then 'council' else managed_by end`,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Listings and drafts of a region that carry these external ids, for re-imports. */
export async function findByExternalIds(
  db: Executor,
  type: ListingType,
  regionCode: string,
  externalIds: string[],
): Promise<{ live: Map<string, LiveListing>; drafts: Map<string, Draft> }> {
  const live = new Map<string, LiveListing>();
  const drafts = new Map<string, Draft>();
  if (externalIds.length === 0) return { live, drafts };
  for (const listing of await listRegionListings(db, regionCode)) {
    if (listing.type === type && listing.fields.externalId) live.set(listing.fields.externalId, listing);
  }
  const rows = await db
    .selectFrom("listing_drafts")
    .selectAll()
    .where("entity_type", "=", type)
    .where("region_code", "=", regionCode)
    .where(sql<boolean>`payload->>'externalId' is not null`)
    .execute();
  for (const row of rows) {
    const draft = toDraft(row);
    if (draft.fields.externalId) drafts.set(draft.fields.externalId, draft);
  }
  return { live, drafts };
}
