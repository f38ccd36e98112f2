import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";

export async function checkDatabase(db: Kysely<Database>): Promise<{ ok: boolean; detail?: string }> {
  try {
    await sql`select 1`.execute(db);
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
