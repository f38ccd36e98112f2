import { checkDatabase } from "../db/queries/health";
import type { Services } from "./services.server";

/** The health answer: its status code (200 or 503) and what it says about the database and the search engines. */
export async function checkHealth(services: Services): Promise<{ status: 200 | 503; body: Record<string, unknown> }> {
  const { database, search } = services;
  const downFor = database.availability.downForSeconds;
  if (downFor !== null) {
    return {
      status: 503,
      body: { status: "unhealthy", db: "unreachable", dbKind: database.kind, dbDownSeconds: downFor, pid: process.pid },
    };
  }
  const db = await checkDatabase(database.db);
  const searchHealth = db.ok
    ? await search
        .health()
        .catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }))
    : { error: "database unreachable" };
  const healthy = db.ok && !("error" in searchHealth);
  return {
    status: healthy ? 200 : 503,
    body: {
      status: healthy ? ("reachable" in searchHealth && !searchHealth.reachable ? "degraded" : "ok") : "unhealthy",
      db: db.ok ? "ok" : "error",
      dbKind: database.kind,
      ...(db.detail ? { dbDetail: db.detail } : {}),
      search: searchHealth,
      pid: process.pid,
    },
  };
}
