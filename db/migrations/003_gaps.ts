import { sql, type Kysely } from "kysely";
import { COORD_PRECISIONS, PAVITT_CLASSES } from "./001_foundation";
import { sqlList } from "./shared";

/** Candidate facilities stored per grid cell; see app/domain/gaps/reach-grid.ts. */
const CANDIDATE_SLOTS = 16;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("firms")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("ksic_division", "text", (c) => c.notNull().references("ksic_divisions.code"))
    .addColumn("employees", "integer", (c) => c.notNull().check(sql`employees >= 0`))
    .addColumn("region_code", "text", (c) => c.notNull().references("regions.code"))
    .addColumn("lat", "float8", (c) => c.notNull().check(sql`lat between 33 and 38.7`))
    .addColumn("lng", "float8", (c) => c.notNull().check(sql`lng between 124.5 and 132`))
    .addColumn("coord_precision", "text", (c) =>
      c.notNull().check(sql`coord_precision in (${sqlList(COORD_PRECISIONS)})`),
    )
    .addColumn("pavitt_class", "text", (c) => c.notNull().check(sql`pavitt_class in (${sqlList(PAVITT_CLASSES)})`))
    .addColumn("h3_cell", "text", (c) => c.notNull())
    .addColumn("synthetic", "boolean", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    // The firm's place as a unit vector: the nearest-facility search then needs no trigonometry per firm.
    .addColumn("ux", "float8", (c) => c.generatedAlwaysAs(sql`cos(radians(lat)) * cos(radians(lng))`).stored())
    .addColumn("uy", "float8", (c) => c.generatedAlwaysAs(sql`cos(radians(lat)) * sin(radians(lng))`).stored())
    .addColumn("uz", "float8", (c) => c.generatedAlwaysAs(sql`sin(radians(lat))`).stored())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("firms_region").on("firms").columns(["region_code", "pavitt_class"]).execute();

  // Which facilities count as support for which class, written by each recompute from the pure rules.
  await db.schema
    .createTable("gap_eligible_facilities")
    .addColumn("pavitt_class", "text", (c) => c.notNull())
    .addColumn("facility_id", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("ux", "float8", (c) => c.notNull())
    .addColumn("uy", "float8", (c) => c.notNull())
    .addColumn("uz", "float8", (c) => c.notNull())
    .addPrimaryKeyConstraint("gap_eligible_facilities_pk", ["pavitt_class", "facility_id"])
    .execute();

  let reachCells = db.schema
    .createTable("gap_reach_cells")
    .modifyFront(sql`unlogged`)
    .addColumn("pavitt_class", "text", (c) => c.notNull())
    .addColumn("cell_row", "integer", (c) => c.notNull())
    .addColumn("cell_col", "integer", (c) => c.notNull())
    .addColumn("overflow", "boolean", (c) => c.notNull())
    .addColumn("candidates", "integer", (c) => c.notNull());
  for (let slot = 1; slot <= CANDIDATE_SLOTS; slot++)
    reachCells = reachCells
      .addColumn(`x${slot}`, "float8")
      .addColumn(`y${slot}`, "float8")
      .addColumn(`z${slot}`, "float8");
  await reachCells.addPrimaryKeyConstraint("gap_reach_cells_pk", ["pavitt_class", "cell_row", "cell_col"]).execute();

  // Firms counted by hexagon, region, class, industry, flag and whole km to the nearest eligible facility.
  // Derived tables, rebuilt whole by each recompute: not worth write-ahead logging.
  await db.schema
    .createTable("gap_cells")
    .modifyFront(sql`unlogged`)
    .addColumn("h3_cell", "text", (c) => c.notNull())
    .addColumn("region_code", "text", (c) => c.notNull())
    .addColumn("pavitt_class", "text", (c) => c.notNull())
    .addColumn("ksic_division", "text", (c) => c.notNull())
    .addColumn("synthetic", "boolean", (c) => c.notNull())
    .addColumn("nearest_km", "integer")
    .addColumn("firms", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("gap_state")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("data_version", "bigint", (c) => c.notNull())
    .addColumn("computed_version", "bigint")
    .addColumn("computed_at", "timestamptz")
    .execute();
  await sql`insert into gap_state (id, data_version) values (1, 1)`.execute(db);

  // Any change to firms or facilities makes the stored figures stale; the next read recomputes them.
  await sql`
    create function gap_mark_stale() returns trigger language plpgsql as $$
    begin
      update gap_state set data_version = data_version + 1 where id = 1;
      return null;
    end $$`.execute(db);
  for (const table of ["firms", "facilities"]) {
    await sql`create trigger ${sql.raw(`${table}_gap_stale`)} after insert or update or delete on ${sql.raw(table)}
      for each statement execute function gap_mark_stale()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_gap_stale_truncate`)} after truncate on ${sql.raw(table)}
      for each statement execute function gap_mark_stale()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["firms", "facilities"]) {
    await sql`drop trigger if exists ${sql.raw(`${table}_gap_stale`)} on ${sql.raw(table)}`.execute(db);
    await sql`drop trigger if exists ${sql.raw(`${table}_gap_stale_truncate`)} on ${sql.raw(table)}`.execute(db);
  }
  await sql`drop function if exists gap_mark_stale()`.execute(db);
  for (const table of ["gap_state", "gap_cells", "gap_reach_cells", "gap_eligible_facilities", "firms"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
