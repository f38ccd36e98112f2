import type { GapViewer } from "~/domain/gaps/access";
import type { Services } from "~/services.server";

/** Who is asking, as the firm-level access rule reads it; null when signed out. */
export async function gapViewer(_request: Request, _services: Services): Promise<GapViewer | null> {
  return null;
}
