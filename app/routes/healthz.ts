import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkDatabase } from "../../db/queries/health";

/**
 * 200 while the app can answer: the database works and some engine can search
 * (the embedded copy stands in while Meilisearch is unreachable). 503 otherwise,
 * at once while the process already knows the database is away.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const { database, search } = context.services;
  const headers = { "Cache-Control": "no-store" };
  const downFor = database.availability.downForSeconds;
  if (downFor !== null) {
    return Response.json(
      { status: "unhealthy", db: "unreachable", dbKind: database.kind, dbDownSeconds: downFor, pid: process.pid },
      { status: 503, headers },
    );
  }
  const db = await checkDatabase(database.db);
  const searchHealth = db.ok
    ? await search
        .health()
        .catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }))
    : { error: "database unreachable" };
  const healthy = db.ok && !("error" in searchHealth);
  return Response.json(
    {
      status: healthy ? ("reachable" in searchHealth && !searchHealth.reachable ? "degraded" : "ok") : "unhealthy",
      db: db.ok ? "ok" : "error",
      dbKind: database.kind,
      ...(db.detail ? { dbDetail: db.detail } : {}),
      search: searchHealth,
      pid: process.pid,
    },
    { status: healthy ? 200 : 503, headers },
  );
}
