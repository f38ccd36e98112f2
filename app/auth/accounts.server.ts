import type { Kysely, Transaction } from "kysely";
import { listRegions } from "../../db/queries/regions";
import { insertUser, type UserAccount } from "../../db/queries/users";
import type { Database } from "../../db/schema";
import { validateAccount, type AccountInput } from "~/domain/accounts";
import { isGuessablePassword } from "~/domain/password-strength.server";
import { issue, type FieldIssue } from "~/validation";
import { hashPassword } from "./password.server";

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

/** Validates the account, hashes the password with argon2id and stores it. */
export async function createUser(
  db: Kysely<Database> | Transaction<Database>,
  input: AccountInput,
): Promise<UserAccount> {
  const regions = await listRegions(db);
  const checked = validateAccount(input, new Set(regions.map((r) => r.code)));
  if (!checked.ok) throw new AccountError(checked.issues);
  const { email, password, role, regionCode } = checked.value;
  if (isGuessablePassword(password, [email])) throw new AccountError([issue("password", "password_guessable")]);
  const account = await insertUser(db, { email, passwordHash: await hashPassword(password), role, regionCode });
  if (!account) throw new DuplicateEmailError(email);
  return account;
}
