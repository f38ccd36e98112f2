import type { Kysely } from "kysely";
import { countAdmins } from "../../db/queries/users";
import { createUser } from "./accounts.server";
import type { Database } from "../../db/schema";

/**
 * Creates the first administrator from ADMIN_EMAIL and ADMIN_PASSWORD when the
 * database has no active administrator yet. Once one exists the variables are
 * ignored, so leaving them set cannot re-create or change an account.
 */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  credentials: { email?: string; password?: string },
): Promise<string | null> {
  if (!credentials.email || !credentials.password) return null;
  if ((await countAdmins(db)) > 0) return null;
  const admin = await createUser(db, {
    email: credentials.email,
    password: credentials.password,
    role: "admin",
    regionCode: null,
  });
  return admin.email;
}
