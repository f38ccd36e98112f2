import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, SearchEntityType } from "../schema";
import { enqueueSearchChanges } from "../queries/outbox";
import type { AreaRow } from "./areas";
import { facilityRow, type Catalog } from "./catalog";

export interface SeedReport {
  inserted: Record<string, number>;
  updated: Record<string, number>;
  archived: Record<string, number>;
  /** Listings a council has taken over: the seed no longer overwrites them. */
  keptCouncilEdits: string[];
}

type Row = Record<string, unknown>;
interface TableSpec {
  table: keyof Database;
  key: string;
  rows: Row[];
  /** Listings carry a status and who manages them; reference tables do not. */
  listing?: SearchEntityType;
}

/**
 * Loads the catalogue idempotently in one transaction: unchanged rows are left
 * alone (same version, same updated_at), changed rows are updated with a new
 * version, seed-managed listings missing from the files are archived.
 */
export async function applyCatalog(db: Kysely<Database>, catalog: Catalog): Promise<SeedReport> {
  const report: SeedReport = { inserted: {}, updated: {}, archived: {}, keptCouncilEdits: [] };
  const specs: TableSpec[] = [
    { table: "regions", key: "code", rows: catalog.regions },
    { table: "ksic_sections", key: "code", rows: catalog.ksicSections },
    { table: "ksic_divisions", key: "code", rows: catalog.ksicDivisions },
    { table: "anchor_groups", key: "id", rows: catalog.anchorGroups },
    { table: "sme_size_rules", key: "id", rows: catalog.sizeRules },
    { table: "areas", key: "code", rows: catalog.areas.map(areaRow) },
    { table: "facilities", key: "id", rows: catalog.facilities.map(facilityRow), listing: "facility" },
    { table: "programs", key: "id", rows: catalog.programs, listing: "program" },
  ];
  await db.transaction().execute(async (trx) => {
    for (const spec of specs) await applyTable(trx, spec, report);
  });
  return report;
}

async function applyTable(trx: Transaction<Database>, spec: TableSpec, report: SeedReport): Promise<void> {
  const { table, key, rows, listing } = spec;
  const [first] = rows;
  const columns = first ? Object.keys(first) : [];
  const existing = new Map<string, Row>();
  for (const row of (await trx.selectFrom(table).selectAll().execute()) as Row[]) existing.set(String(row[key]), row);

  const inserts: Row[] = [];
  const changed: string[] = [];
  for (const row of rows) {
    const id = String(row[key]);
    const current = existing.get(id);
    if (!current) {
      inserts.push(toDatabaseValues(row));
      continue;
    }
    if (listing && current.managed_by !== "seed") {
      report.keptCouncilEdits.push(`${listing} ${id}`);
      continue;
    }
    const differs =
      columns.some((column) => !sameValue(current[column], row[column])) || (listing && current.status !== "published");
    if (!differs) continue;
    const values = Object.entries({ ...toDatabaseValues(row), ...(listing ? { status: "published" } : {}) }).filter(
      ([, value]) => value !== undefined,
    );
    await sql`update ${sql.table(table)}
      set ${sql.join(values.map(([column, value]) => sql`${sql.ref(column)} = ${value}`))},
        version = version + 1, updated_at = now()
      where ${sql.ref(key)} = ${id}`.execute(trx);
    changed.push(id);
  }
  for (let i = 0; i < inserts.length; i += 500) {
    const batch = inserts.slice(i, i + 500);
    const batchColumns = [...new Set(batch.flatMap((row) => Object.keys(row)))];
    // A column a row leaves out takes its default, as the query builder's insert does.
    const values = batch.map(
      (row) =>
        sql`(${sql.join(batchColumns.map((column) => (row[column] === undefined ? sql`default` : row[column])))})`,
    );
    await sql`insert into ${sql.table(table)} (${sql.join(batchColumns.map((column) => sql.ref(column)))})
      values ${sql.join(values)}`.execute(trx);
  }
  report.inserted[table] = inserts.length;
  report.updated[table] = changed.length;

  if (!listing) return;
  const fileIds = new Set(rows.map((row) => String(row[key])));
  const retired = [...existing.values()]
    .filter((row) => row.managed_by === "seed" && row.status === "published" && !fileIds.has(String(row[key])))
    .map((row) => String(row[key]));
  if (retired.length > 0) {
    await sql`update ${sql.table(table)} set status = 'archived', version = version + 1, updated_at = now()
      where ${sql.ref(key)} in (${sql.join(retired)})`.execute(trx);
  }
  report.archived[table] = retired.length;
  const touched = [...inserts.map((row) => String(row[key])), ...changed, ...retired];
  await enqueueSearchChanges(
    trx,
    touched.map((id) => ({ entityType: listing, entityId: id })),
  );
}

/** Loads only the area table, for a database seeded before it existed. */
export async function applyAreas(db: Kysely<Database>, areas: AreaRow[]): Promise<void> {
  const report: SeedReport = { inserted: {}, updated: {}, archived: {}, keptCouncilEdits: [] };
  await db
    .transaction()
    .execute((trx) => applyTable(trx, { table: "areas", key: "code", rows: areas.map(areaRow) }, report));
}

function areaRow(a: AreaRow): Row {
  return {
    code: a.code,
    level: a.level,
    region_code: a.regionCode,
    sigungu_code: a.sigunguCode,
    name_ko: a.nameKo,
    name_en: a.nameEn,
    lat: a.lat,
    lng: a.lng,
    current: a.current,
    successors: a.successors,
    kostat_code: a.kostatCode,
    source: a.source,
  };
}

/** jsonb and array columns go in as JSON/arrays; everything else as is. */
function toDatabaseValues(row: Row): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    out[column] = value !== null && typeof value === "object" && !Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return out;
}

function sameValue(stored: unknown, wanted: unknown): boolean {
  if (wanted !== null && typeof wanted === "object" && !Array.isArray(wanted))
    return canonical(stored ?? {}) === canonical(wanted);
  if (Array.isArray(wanted))
    return Array.isArray(stored) && stored.length === wanted.length && stored.every((v, i) => v === wanted[i]);
  if (typeof wanted === "number" && typeof stored === "number") return Math.abs(stored - wanted) < 1e-9;
  return (stored ?? null) === (wanted ?? null);
}

/** JSON with sorted keys, so that jsonb read back compares equal to what was written. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
    .join(",")}}`;
}
