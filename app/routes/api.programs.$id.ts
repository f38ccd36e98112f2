import type { LoaderFunctionArgs } from "@remix-run/node";
import { today } from "~/clock";
import { isListingId } from "~/domain/listing-id";
import { notFound } from "~/http.server";
import { programView } from "~/programs/view.server";

/** One program, curated or imported: status on today's date, window, where to apply, sources and the readings of its announcement. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const program = isListingId(params.id) ? await programView(context.services.database.db, params.id, today()) : null;
  if (!program) return notFound(request, "id");
  return Response.json(program, { headers: { "Cache-Control": "no-store" } });
}
