import type { LoaderFunctionArgs } from "@remix-run/node";
import { listPrograms } from "../../db/queries/programs";
import { listRegions } from "../../db/queries/regions";
import { PAVITT_CLASSES } from "~/domain/types";
import { enumParam, withParameters } from "~/http.server";

/** Programs open to firms of a region (its own and nationwide ones) and meant for a Pavitt class. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return withParameters(async () => {
    const db = context.services.database.db;
    const params = new URL(request.url).searchParams;
    const regionCode = enumParam(params, "region", (await listRegions(db)).map((r) => r.code));
    const pavittClass = enumParam(params, "pavittClass", PAVITT_CLASSES);
    return Response.json(await listPrograms(db, { regionCode, pavittClass }));
  });
}
