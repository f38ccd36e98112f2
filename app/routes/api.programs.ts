import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { today } from "~/clock";
import { PROGRAM_STATUSES } from "~/domain/programs/types";
import { PAVITT_CLASSES } from "~/domain/types";
import { answeringInputErrors } from "~/http.server";
import { programViews } from "~/programs/view.server";
import { field } from "~/validation";
import { queryOrThrow } from "~/validation/request.server";

/** Programs open to firms of a region (its own and nationwide ones), meant for a Pavitt class, in the statuses asked for. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return answeringInputErrors(request, async () => {
    const { regionCodes } = await context.services.referenceCodes();
    const query = queryOrThrow(
      new URL(request.url).searchParams,
      z.object({
        region: field.choice(regionCodes),
        pavittClass: field.choice(PAVITT_CLASSES),
        status: field.choices(PROGRAM_STATUSES, { fromText: "split" }),
      }),
    );
    const programs = await programViews(
      context.services.database.db,
      { regionCode: query.region, pavittClass: query.pavittClass },
      query.status,
      today(),
    );
    return Response.json(programs, { headers: { "Cache-Control": "no-store" } });
  });
}
