import { sql, type Kysely, type Transaction } from "kysely";
import type { FailureHistory } from "../../app/domain/login-throttle";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

export async function recordLoginAttempt(db: Executor, attempt: { email: string; address: string; succeeded: boolean }): Promise<void> {
  await db.insertInto("login_attempts").values({ email: attempt.email, address: attempt.address, succeeded: attempt.succeeded }).execute();
}

/**
 * Failures in the window since the last success for the account (a correct
 * password resets the account's count; an address's count only ages out).
 */
export async function failureHistory(db: Executor, key: { email: string } | { address: string }, windowMinutes: number): Promise<FailureHistory> {
  const column = "email" in key ? "email" : "address";
  const value = "email" in key ? key.email : key.address;
  const since = sql<Date>`now() - make_interval(mins => ${windowMinutes})`;
  const lastSuccess =
    column === "email"
      ? await db.selectFrom("login_attempts").select((eb) => eb.fn.max("created_at").as("at")).where("email", "=", value).where("succeeded", "=", true).executeTakeFirst()
      : undefined;
  let query = db
    .selectFrom("login_attempts")
    .select([(eb) => eb.fn.countAll<number>().as("failures"), (eb) => eb.fn.max("created_at").as("last")])
    .where(column, "=", value)
    .where("succeeded", "=", false)
    .where("created_at", ">", since);
  if (lastSuccess?.at) query = query.where("created_at", ">", lastSuccess.at as Date);
  const row = await query.executeTakeFirstOrThrow();
  return { failures: Number(row.failures), lastFailureAt: row.last ? new Date(row.last as Date) : null };
}
