import type { Kysely } from "kysely";
import type { Geocoder } from "~/domain/geocode";
import { firmReferenceData, storeImportedFirms } from "../../db/queries/firms";
import { recomputeGaps } from "../../db/queries/gaps";
import type { Database } from "../../db/schema";
import { parseRegister } from "~/domain/gaps/firm-import";
import type { RowIssue } from "~/validation";

export type RegisterImport = { ok: true; stored: number; encoding: string } | { ok: false; problems: RowIssue[] };

/** Checks a register file and stores it whole, or reports every problem and stores nothing. */
export async function importRegister(
  db: Kysely<Database>,
  geocoder: Geocoder,
  bytes: Uint8Array,
  fileName: string,
  replace: boolean,
): Promise<RegisterImport> {
  const reference = await firmReferenceData(db);
  const parsed = parseRegister(bytes, {
    divisions: reference.divisions,
    regions: new Map(reference.regions.map((region) => [region.code, region.labelPoint])),
    boundaries: reference.boundaries,
    source: `import: ${fileName}`,
    geocode: (query) => geocoder.geocode(query),
  });
  if (!parsed.ok) return parsed;
  const stored = await storeImportedFirms(db, parsed.firms, { replace });
  await recomputeGaps(db);
  return { ok: true, stored, encoding: parsed.encoding };
}
