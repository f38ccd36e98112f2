/**
 * A process that owns a PGlite directory and keeps committing: each transaction
 * writes ten rows of one batch number and then says so on stdout. The owner
 * test kills it with SIGKILL mid-way. With `--once` it opens, reports and exits.
 */
import { sql } from "kysely";
import { openDatabase } from "../../../db/client";

const [dataDir, mode] = process.argv.slice(2);
try {
  const database = await openDatabase({ dataDir: dataDir! });
  if (mode === "--once") {
    console.log("opened");
    await database.close();
  } else {
    await sql`create table if not exists crash_probe (batch integer not null, n integer not null, filler text not null)`.execute(
      database.db,
    );
    console.log("ready");
    for (let batch = 1; ; batch++) {
      await database.db.transaction().execute(async (trx) => {
        for (let n = 0; n < 10; n++)
          await sql`insert into crash_probe values (${batch}, ${n}, ${"x".repeat(2000)})`.execute(trx);
      });
      console.log(`committed ${batch}`);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 3;
}
