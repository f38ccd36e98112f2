import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from "kysely";
import { eligiblePairs, type GapFacility } from "../../app/domain/gaps/eligibility";
import type { DistanceCount, EligibleFacilityRef } from "../../app/domain/gaps/figures";
import type { FirmRecordInput } from "../../app/domain/gaps/firm-record";
import { buildReachCells, CANDIDATE_SLOTS, CELLS_PER_DEGREE, unitVector } from "../../app/domain/gaps/reach-grid";
import { PAVITT_CLASSES, type PavittClass } from "../../app/domain/types";
import { required } from "../../app/required";
import type { Database, Executor, FirmsTable, GapReachCellsTable } from "../schema";

const EARTH_RADIUS_KM = 6371.0088;

const SLOTS = Array.from({ length: CANDIDATE_SLOTS }, (_, index) => index + 1);
const dot = (x: string, y: string, z: string) => `f.ux * ${x} + f.uy * ${y} + f.uz * ${z}`;

/** 2R·asin(chord / 2) from the largest dot product of unit vectors. */
const kmFromDot = (largestDot: string) => `(2 * ${EARTH_RADIUS_KM} * asin(sqrt(abs((1 - (${largestDot})) / 2))))`;

/**
 * Km from firm `f` to the nearest eligible facility of its class among its reach cell `c`'s
 * candidates. The nearest facility is the one whose unit vector has the largest dot product
 * with the firm's; its great-circle distance is 2R·asin(chord / 2), the same distance as the
 * haversine formula of app/domain/geo.ts on the same sphere (they differ only by rounding).
 * Every step keeps null (no eligible facility) as null: abs() absorbs rounding just above 1,
 * where greatest() or least() would turn null into a number. Only filled slots are read.
 */
const NEAREST_KM_IN_CELL = kmFromDot(
  `case c.candidates ${SLOTS.map(
    (count) =>
      `when ${count} then greatest(${SLOTS.slice(0, count)
        .map((slot) => dot(`c.x${slot}`, `c.y${slot}`, `c.z${slot}`))
        .join(", ")})`,
  ).join(" ")} end`,
);
/** The same for a firm in an overflow cell: every eligible facility of its class. */
const NEAREST_KM_ANY = kmFromDot(
  `select max(${dot("e.ux", "e.uy", "e.uz")}) from gap_eligible_facilities e where e.pavitt_class = f.pavitt_class`,
);
const NEAREST_KM = sql.raw(`case when c.overflow then ${NEAREST_KM_ANY} else ${NEAREST_KM_IN_CELL} end`);

/**
 * Counting a million firms is mostly hashing their keys, so region, industry, class, flag and
 * whole km are packed into one bigint while counting and unpacked on the few rows that result.
 * Region and industry codes are two-digit numbers (MOIS and KSIC-10 divisions).
 */
const NO_FACILITY = 99_999;
const classIndex = `case f.pavitt_class ${PAVITT_CLASSES.map((cls, index) => `when '${cls}' then ${index}`).join(" ")} end`;
const CELL_KEY = (nearestKm: string) =>
  sql.raw(`((f.region_code::int * 100000 + f.ksic_division::int * 100 + ${classIndex} * 2 + f.synthetic::int)::bigint * 100000
    + coalesce(ceil(${nearestKm})::int, ${NO_FACILITY}))`);
const CELL_COLUMNS = sql.raw(`lpad((cell_key / 10000000000)::text, 2, '0') as region_code,
  (array[${PAVITT_CLASSES.map((cls) => `'${cls}'`).join(", ")}])[(cell_key / 100000 % 100) / 2 + 1] as pavitt_class,
  lpad((cell_key / 10000000 % 1000)::text, 2, '0') as ksic_division,
  cell_key / 100000 % 2 = 1 as synthetic,
  nullif((cell_key % 100000)::int, ${NO_FACILITY}) as nearest_km`);

const REACH_JOIN = sql.raw(`left join gap_reach_cells c on c.pavitt_class = f.pavitt_class
  and c.cell_row = floor(f.lat * ${CELLS_PER_DEGREE})::int and c.cell_col = floor(f.lng * ${CELLS_PER_DEGREE})::int`);

/** gap_cells rows for the firms in ordinary reach cells, or in overflow ones: counted by packed key, then unpacked. */
const countedCells = (overflow: boolean) =>
  sql`select h3_cell, ${CELL_COLUMNS}, firms from (
    select f.h3_cell, ${CELL_KEY(overflow ? NEAREST_KM_ANY : NEAREST_KM_IN_CELL)} as cell_key, count(*)::int as firms
    from firms f ${REACH_JOIN}
    where ${overflow ? sql`c.overflow` : sql`c.overflow is not true`}
    group by 1, 2) counted`;

/** The gap_cells rows a filter selects. */
function matchingCells<O>(
  query: SelectQueryBuilder<Database, "gap_cells", O>,
  filter: GapFilter,
): SelectQueryBuilder<Database, "gap_cells", O> {
  if (filter.pavittClass !== undefined) query = query.where("pavitt_class", "=", filter.pavittClass);
  if (filter.sector !== undefined) query = query.where("ksic_division", "=", filter.sector);
  if (filter.regionCode !== undefined) query = query.where("region_code", "=", filter.regionCode);
  return query;
}

export async function listGapFacilities(db: Executor): Promise<GapFacility[]> {
  const rows = await db
    .selectFrom("facilities")
    .select(["id", "kind", "region_code", "lat", "lng", "services", "delivery_modes", "anchor_group_id"])
    .where("status", "=", "published")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    regionCode: row.region_code,
    lat: row.lat,
    lng: row.lng,
    services: row.services,
    deliveryModes: row.delivery_modes,
    anchorGroupId: row.anchor_group_id,
  }));
}

export interface GapState {
  dataVersion: number;
  computedVersion: number | null;
  computedAt: Date | null;
}

export async function readGapState(db: Executor): Promise<GapState> {
  const row = await db.selectFrom("gap_state").selectAll().where("id", "=", 1).executeTakeFirstOrThrow();
  return {
    dataVersion: Number(row.data_version),
    computedVersion: row.computed_version === null ? null : Number(row.computed_version),
    computedAt: row.computed_at,
  };
}

/**
 * Rebuilds every stored figure in one transaction: the eligible (class, facility) table and
 * the reach grid from the pure rules, then one pass over the firms that counts them by
 * hexagon, region, class, industry and whole km to the nearest eligible facility (the same
 * key may appear twice, from ordinary and overflow cells; every reader sums). Holding
 * the state row makes concurrent writers wait, so the version stored is the one computed.
 */
export async function recomputeGaps(db: Kysely<Database>): Promise<GapState> {
  return db.transaction().execute(async (trx) => {
    const locked = await sql<{
      data_version: string;
    }>`select data_version from gap_state where id = 1 for update`.execute(trx);
    const version = Number(required(locked.rows[0], "the gap_state row").data_version);
    const pairs = eligiblePairs(await listGapFacilities(trx));
    const cells = buildReachCells(pairs);

    await sql`truncate gap_eligible_facilities, gap_reach_cells`.execute(trx);
    if (pairs.length > 0)
      await trx
        .insertInto("gap_eligible_facilities")
        .values(
          pairs.map(({ pavittClass, facility }) => {
            const vector = unitVector(facility);
            return {
              pavitt_class: pavittClass,
              facility_id: facility.id,
              region_code: facility.regionCode,
              ux: vector.x,
              uy: vector.y,
              uz: vector.z,
            };
          }),
        )
        .execute();
    const records = cells.map((cell) => {
      const record: Partial<Selectable<GapReachCellsTable>> = {
        pavitt_class: cell.pavittClass,
        cell_row: cell.row,
        cell_col: cell.col,
        overflow: cell.overflow,
        candidates: cell.candidates.length,
      };
      cell.candidates.forEach((vector, index) => {
        record[`x${index + 1}`] = vector.x;
        record[`y${index + 1}`] = vector.y;
        record[`z${index + 1}`] = vector.z;
      });
      return record;
    });
    const slotColumns = SLOTS.map((slot) => `x${slot} float8, y${slot} float8, z${slot} float8`).join(", ");
    await sql`insert into gap_reach_cells select * from json_to_recordset(${JSON.stringify(records)}::json)
      as x(pavitt_class text, cell_row int, cell_col int, overflow boolean, candidates int, ${sql.raw(slotColumns)})`.execute(
      trx,
    );

    // Built as a new table so PostgreSQL can spread the pass over workers (INSERT … SELECT runs
    // on one); hashing rather than sorting, and no JIT, whose compile time exceeds its gain here.
    // The table is replaced whole each time and only ever scanned, so autovacuum has nothing to do.
    await sql`set local work_mem = '64MB'`.execute(trx);
    await sql`set local jit = off`.execute(trx);
    await sql`set local enable_sort = off`.execute(trx);
    await sql`create unlogged table gap_cells_next with (autovacuum_enabled = false) as ${countedCells(false)}`.execute(
      trx,
    );
    if (cells.some((cell) => cell.overflow)) await sql`insert into gap_cells_next ${countedCells(true)}`.execute(trx);
    await sql`drop table gap_cells`.execute(trx);
    await sql`alter table gap_cells_next rename to gap_cells`.execute(trx);

    const updated = await sql<{
      computed_at: Date;
    }>`update gap_state set computed_version = ${version}, computed_at = now() where id = 1 returning computed_at`.execute(
      trx,
    );
    return {
      dataVersion: version,
      computedVersion: version,
      computedAt: required(updated.rows[0], "the gap_state row").computed_at,
    };
  });
}

export interface GapFilter {
  pavittClass?: PavittClass;
  sector?: string;
  regionCode?: string;
}

/** Stored counts by region, class (and industry) and distance. */
export async function distanceCounts(db: Executor, filter: GapFilter, bySector: boolean): Promise<DistanceCount[]> {
  let query = db
    .selectFrom("gap_cells")
    .select(["region_code", "pavitt_class", "nearest_km", sql<number>`sum(firms)::int`.as("firms")])
    .groupBy(["region_code", "pavitt_class", "nearest_km"]);
  if (bySector) query = query.select("ksic_division").groupBy("ksic_division");
  const rows = await matchingCells(query, filter).execute();
  return rows.map((row) => ({
    regionCode: row.region_code,
    pavittClass: row.pavitt_class,
    ...(bySector ? { sector: (row as unknown as { ksic_division: string }).ksic_division } : {}),
    nearestKm: row.nearest_km,
    firms: Number(row.firms),
  }));
}

export async function eligibleFacilityRefs(db: Executor): Promise<EligibleFacilityRef[]> {
  const rows = await db
    .selectFrom("gap_eligible_facilities")
    .select(["pavitt_class", "facility_id", "region_code"])
    .execute();
  return rows.map((row) => ({
    pavittClass: row.pavitt_class,
    facilityId: row.facility_id,
    regionCode: row.region_code,
  }));
}

export interface Hotspot {
  h3: string;
  smes: number;
  nearestKm: number | null;
}

/** Hexagons ranked by firms with no eligible facility within the radius. */
export async function hotspots(db: Executor, filter: GapFilter, radiusKm: number, limit: number): Promise<Hotspot[]> {
  const query = db
    .selectFrom("gap_cells")
    .select(["h3_cell", sql<number>`sum(firms)::int`.as("smes"), sql<number | null>`min(nearest_km)`.as("nearest_km")])
    .where((eb) => eb.or([eb("nearest_km", "is", null), eb("nearest_km", ">", radiusKm)]))
    .groupBy("h3_cell")
    .orderBy("smes", "desc")
    .orderBy("h3_cell")
    .limit(limit);
  const rows = await matchingCells(query, filter).execute();
  return rows.map((row) => ({
    h3: row.h3_cell,
    smes: Number(row.smes),
    nearestKm: row.nearest_km === null ? null : Number(row.nearest_km),
  }));
}

export async function gapPopulation(db: Executor): Promise<{ total: number; synthetic: number }> {
  const row = await db
    .selectFrom("gap_cells")
    .select([
      sql<number>`coalesce(sum(firms), 0)::int`.as("total"),
      sql<number>`coalesce(sum(firms) filter (where synthetic), 0)::int`.as("synthetic"),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), synthetic: Number(row.synthetic) };
}

/** A stored firm (without its hexagon and source) and how far it is from support. */
export interface FirmReach extends Omit<FirmRecordInput, "h3Cell" | "source"> {
  id: number;
  /** Exact km to the nearest eligible facility; null when none serves the class. */
  nearestKm: number | null;
}

/** Firm-level rows of one region with their distance to the nearest eligible facility (reads the current reach grid). */
export async function firmsWithReach(
  db: Executor,
  filter: GapFilter & { regionCode: string },
  options: { uncoveredWithinKm?: number; limit: number },
): Promise<FirmReach[]> {
  const result = await sql<
    Pick<
      Selectable<FirmsTable>,
      | "id"
      | "name"
      | "ksic_division"
      | "employees"
      | "region_code"
      | "lat"
      | "lng"
      | "coord_precision"
      | "pavitt_class"
      | "synthetic"
    > & { nearest_km: number | null }
  >`select * from (
      select f.id, f.name, f.ksic_division, f.employees, f.region_code, f.lat, f.lng, f.coord_precision, f.pavitt_class, f.synthetic, ${NEAREST_KM} as nearest_km
      from firms f ${REACH_JOIN}
      where f.region_code = ${filter.regionCode}
        ${filter.pavittClass ? sql`and f.pavitt_class = ${filter.pavittClass}` : sql``}
        ${filter.sector ? sql`and f.ksic_division = ${filter.sector}` : sql``}
    ) firm
    ${options.uncoveredWithinKm === undefined ? sql`` : sql`where nearest_km is null or nearest_km > ${options.uncoveredWithinKm}`}
    order by nearest_km desc nulls first, id
    limit ${options.limit}`.execute(db);
  return result.rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    ksicDivision: row.ksic_division,
    employees: row.employees,
    regionCode: row.region_code,
    lat: row.lat,
    lng: row.lng,
    coordPrecision: row.coord_precision,
    pavittClass: row.pavitt_class,
    synthetic: row.synthetic,
    nearestKm: row.nearest_km === null ? null : Number(row.nearest_km),
  }));
}
