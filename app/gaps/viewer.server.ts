import { getCurrentUser } from "~/auth/user.server";
import type { GapViewer } from "~/domain/gaps/access";
import type { Services } from "~/services.server";

/** Who is asking, as the firm-level access rule reads it; null when signed out. */
export async function gapViewer(request: Request, services: Services): Promise<GapViewer | null> {
  const user = await getCurrentUser(request, services);
  return user === null ? null : { role: user.role, regionCode: user.regionCode };
}
