import { sql, type CreateTableBuilder } from "kysely";

/*
 * Pieces several migrations build with. Migrations that have run are history, so each of these
 * must keep rendering exactly what it rendered then: a new need is a new function, never an edit.
 * Value lists stay in the migration that first checks them, frozen as they were then; a later
 * migration that checks one again or extends it imports it from there, never from app/domain.
 */

/** `'a', 'b', 'c'`: a fixed list of values for an `in (…)` check. */
export const sqlList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** The version (optimistic concurrency) and change time of a row that people edit. */
export function editableColumns<Table extends string, Columns extends string>(
  table: CreateTableBuilder<Table, Columns>,
) {
  return table
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`));
}

/** What a facility and a program share: publication status, who manages the row, creation and edit columns. */
export function listingColumns<Table extends string, Columns extends string>(
  table: CreateTableBuilder<Table, Columns>,
) {
  return table
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("published")
        .check(sql`status in ('published', 'archived')`),
    )
    .addColumn("managed_by", "text", (c) =>
      c
        .notNull()
        .defaultTo("seed")
        .check(sql`managed_by in ('seed', 'council', 'import')`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .$call(editableColumns);
}
