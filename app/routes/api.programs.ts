import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { listPrograms } from "../../db/queries/programs";
import { PAVITT_CLASSES } from "~/domain/types";
import { answeringInputErrors } from "~/http.server";
import { field } from "~/validation";
import { queryOrThrow } from "~/validation/request.server";

/** Programs open to firms of a region (its own and nationwide ones) and meant for a Pavitt class. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const { regionCodes } = await context.services.referenceCodes();
    const query = queryOrThrow(new URL(request.url).searchParams, z.object({ region: field.choice(regionCodes), pavittClass: field.choice(PAVITT_CLASSES) }));
    return Response.json(await listPrograms(context.services.database.db, { regionCode: query.region, pavittClass: query.pavittClass }));
  });
}
