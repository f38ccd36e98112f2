import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicRegions } from "~/regions.server";

export async function loader({ context }: LoaderFunctionArgs) {
  return Response.json(await publicRegions(context.services));
}
