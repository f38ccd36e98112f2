import type { LoaderFunctionArgs } from "@remix-run/node";
import { getFacility } from "../../db/queries/facilities";
import { listPrograms } from "../../db/queries/programs";
import { isListingId } from "~/domain/listing-id";
import { notFound } from "~/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const db = context.services.database.db;
  const facility = isListingId(params.id) ? await getFacility(db, params.id) : undefined;
  if (!facility) return notFound(request, "id");
  const programs = await listPrograms(db, { providerFacilityId: facility.id });
  return Response.json({ ...facility, programs });
}
