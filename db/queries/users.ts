import { sql, type Kysely, type Transaction } from "kysely";
import { hashPassword } from "../../app/auth/password.server";
import { validateAccount, type AccountInput, type Role } from "../../app/domain/accounts";
import { isGuessablePassword } from "../../app/domain/password-strength.server";
import { issue } from "../../app/validation";
import { insertAuditEntries } from "./audit";
import type { FieldIssue } from "../../app/validation";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

export interface UserAccount {
  id: string;
  email: string;
  role: Role;
  regionCode: string | null;
  createdAt: Date;
  disabledAt: Date | null;
}

export class AccountError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(`Invalid account: ${issues.map((p) => `${p.field} (${p.code})`).join(", ")}`);
    this.name = "AccountError";
  }
}

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`An account with the email ${email} already exists`);
    this.name = "DuplicateEmailError";
  }
}

/** Validates, hashes the password with argon2id and stores the account. */
export async function createUser(db: Executor, input: AccountInput): Promise<UserAccount> {
  const regions = await db.selectFrom("regions").select("code").execute();
  const checked = validateAccount(input, new Set(regions.map((r) => r.code)));
  if (!checked.ok) throw new AccountError(checked.issues);
  const { email, password, role, regionCode } = checked.value;
  if (isGuessablePassword(password, [email])) throw new AccountError([issue("password", "password_guessable")]);
  const passwordHash = await hashPassword(password);
  const row = await db
    .insertInto("users")
    .values({ email, password_hash: passwordHash, role, region_code: regionCode, disabled_at: null })
    .onConflict((oc) => oc.column("email").doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new DuplicateEmailError(email);
  return toAccount(row);
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
    await trx
      .updateTable("sessions")
      .set({ revoked_at: sql`now()` })
      .where("user_id", "=", id)
      .where("revoked_at", "is", null)
      .execute();
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
    let sessions = trx
      .updateTable("sessions")
      .set({ revoked_at: sql`now()` })
      .where("user_id", "=", change.userId)
      .where("revoked_at", "is", null);
    if (change.keepSessionHash) sessions = sessions.where("token_hash", "!=", change.keepSessionHash);
    await sessions.execute();
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
