import { listActiveSessions, revokeUserSession } from "../../db/queries/sessions";
import type { Services } from "~/services.server";
import { loadSession } from "./session.server";
import type { SessionUser } from "./user.server";

/** /account/sessions: the user's account and their open sessions, this one marked. */
export async function loadAccountSessions(request: Request, services: Services, user: SessionUser) {
  const current = await loadSession(request, services);
  const sessions = await listActiveSessions(services.database.db, user.id);
  return {
    email: user.email,
    role: user.role,
    regionCode: user.regionCode,
    sessions: sessions.map((s) => ({
      ...s,
      current: s.publicId === current?.publicId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
    })),
  };
}

/** Ends one of the user's own sessions (another user's session id changes nothing); true while this request's session still holds. */
export async function endOwnSession(
  request: Request,
  services: Services,
  user: SessionUser,
  sessionId: string,
): Promise<boolean> {
  await revokeUserSession(services.database.db, user.id, sessionId);
  return (await loadSession(request, services)) !== null;
}
