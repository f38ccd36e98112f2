import type { LoaderFunctionArgs } from "@remix-run/node";
import { facilityWithPrograms } from "~/facilities/api.server";
import { notFound } from "~/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const facility = await facilityWithPrograms(context.services, params.id);
  if (!facility) return notFound(request, "id");
  return Response.json(facility);
}
