import { sql, type Kysely } from "kysely";
import type { Role } from "../../app/domain/accounts";
import { insertAuditEntries } from "./audit";
import { revokeUserSessions } from "./sessions";
import type { Database, Executor } from "../schema";

export interface UserAccount {
  id: string;
  email: string;
  role: Role;
  regionCode: string | null;
  createdAt: Date;
  disabledAt: Date | null;
}

/** Stores an account whose fields are already checked; null when the email is taken. */
export async function insertUser(
  db: Executor,
  account: { email: string; passwordHash: string; role: Role; regionCode: string | null },
): Promise<UserAccount | null> {
  const row = await db
    .insertInto("users")
    .values({
      email: account.email,
      password_hash: account.passwordHash,
      role: account.role,
      region_code: account.regionCode,
      disabled_at: null,
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export interface UserCredentials extends UserAccount {
  passwordHash: string;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserCredentials | null> {
  const row = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
  return row ? { ...toAccount(row), passwordHash: row.password_hash } : null;
}

export async function listUsers(db: Executor): Promise<UserAccount[]> {
  const rows = await db
    .selectFrom("users")
    .selectAll()
    .orderBy("role")
    .orderBy("region_code")
    .orderBy("email")
    .execute();
  return rows.map(toAccount);
}

export async function countAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Disabling an account also ends its sessions, in one transaction. */
export async function disableUser(db: Kysely<Database>, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("users")
      .set({ disabled_at: sql`now()` })
      .where("id", "=", id)
      .where("disabled_at", "is", null)
      .executeTakeFirst();
    await revokeUserSessions(trx, id);
    return Number(updated.numUpdatedRows) > 0;
  });
}

function toAccount(row: {
  id: string;
  email: string;
  role: Role;
  region_code: string | null;
  created_at: Date;
  disabled_at: Date | null;
}): UserAccount {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    regionCode: row.region_code,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

export async function findUserById(db: Executor, id: string): Promise<UserCredentials | null> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? { ...toAccount(row), passwordHash: row.password_hash } : null;
}

/**
 * Stores a new password hash, ends the account's sessions (all but the one
 * kept, if any) and writes the audit entry, in one transaction.
 */
export async function replacePassword(
  db: Kysely<Database>,
  change: {
    userId: string;
    passwordHash: string;
    keepSessionHash: string | null;
    actor: { id: string; email: string };
    action: "password_change" | "password_reset";
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: change.passwordHash })
      .where("id", "=", change.userId)
      .execute();
    await revokeUserSessions(trx, change.userId, change.keepSessionHash);
    await insertAuditEntries(trx, [
      {
        user: change.actor,
        action: change.action,
        entityType: "user",
        entityId: change.userId,
        regionCode: null,
        before: null,
        after: null,
      },
    ]);
  });
}
