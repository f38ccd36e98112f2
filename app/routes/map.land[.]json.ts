import { landOutlineJson } from "~/map/land.server";

/** The offline land outline; it never changes between builds. */
export function loader() {
  return new Response(landOutlineJson(), {
    headers: { "Content-Type": "application/geo+json; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
