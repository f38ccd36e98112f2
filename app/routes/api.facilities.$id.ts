import type { LoaderFunctionArgs } from "@remix-run/node";
import { getFacility } from "../../db/queries/facilities";
import { listPrograms } from "../../db/queries/programs";
import { notFound } from "~/http.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const db = context.services.database.db;
  const facility = await getFacility(db, params.id ?? "");
  if (!facility) return notFound(`no facility with id ${JSON.stringify(params.id)}`);
  const programs = await listPrograms(db, { providerFacilityId: facility.id });
  return Response.json({ ...facility, programs });
}
