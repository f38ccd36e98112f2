import { sql } from "kysely";
import type { Role } from "../../app/domain/accounts";
import type { Executor } from "../schema";

export interface NewSession {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  userAgent: string | null;
  address: string | null;
  lifetimeSeconds: number;
}

export async function insertSession(db: Executor, session: NewSession): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      user_agent: session.userAgent?.slice(0, 300) ?? null,
      address: session.address,
      expires_at: sql`now() + make_interval(secs => ${session.lifetimeSeconds})`,
      revoked_at: null,
    })
    .execute();
}

export interface ActiveSession {
  publicId: string;
  csrfToken: string;
  user: { id: string; email: string; role: Role; regionCode: string | null };
}

/** The live session for a token hash: not revoked, not expired, account not disabled. */
export async function findActiveSession(db: Executor, tokenHash: string): Promise<ActiveSession | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.public_id", "sessions.csrf_token", "users.id", "users.email", "users.role", "users.region_code"])
    .where("sessions.token_hash", "=", tokenHash)
    .where("sessions.revoked_at", "is", null)
    .where("sessions.expires_at", ">", sql<Date>`now()`)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    publicId: row.public_id,
    csrfToken: row.csrf_token,
    user: { id: row.id, email: row.email, role: row.role, regionCode: row.region_code },
  };
}

export async function touchSession(db: Executor, tokenHash: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: sql`now()` })
    .where("token_hash", "=", tokenHash)
    .execute();
}

export async function revokeSessionByToken(db: Executor, tokenHash: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ revoked_at: sql`now()` })
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .execute();
}

/** Ends every live session of the user except the one whose token hash is `keepHash` (a password change keeps its own). */
export async function revokeUserSessions(db: Executor, userId: string, keepHash: string | null = null): Promise<void> {
  let query = db
    .updateTable("sessions")
    .set({ revoked_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (keepHash) query = query.where("token_hash", "!=", keepHash);
  await query.execute();
}

/** Ends one of the user's own sessions; another user's session id changes nothing. */
export async function revokeUserSession(db: Executor, userId: string, publicId: string): Promise<boolean> {
  const result = await db
    .updateTable("sessions")
    .set({ revoked_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("public_id", "=", publicId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface SessionListing {
  publicId: string;
  userAgent: string | null;
  address: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function listActiveSessions(db: Executor, userId: string): Promise<SessionListing[]> {
  const rows = await db
    .selectFrom("sessions")
    .select(["public_id", "user_agent", "address", "created_at", "last_seen_at", "expires_at"])
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .orderBy("last_seen_at", "desc")
    .execute();
  return rows.map((r) => ({
    publicId: r.public_id,
    userAgent: r.user_agent,
    address: r.address,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
  }));
}
