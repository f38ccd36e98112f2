import { upsertImportedFacilities } from "../../db/queries/facility-import";
import { decodeCsvBytes, parseCsvText } from "~/csv";
import { issueMessage } from "~/validation";
import { readFacilityRows, type FacilityImportResult, type FacilityImportSource } from "~/domain/facility-import";
import type { Geocoder } from "~/domain/geocode";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

const SOURCE_NAMES: Record<FacilityImportSource, string> = {
  kicox: "한국산업단지공단 전국산업단지현황통계 (data.go.kr 15085874)",
  incubators: "창업보육센터 현황 (data.go.kr)",
};

export type FacilityImportOutcome = FacilityImportResult & {
  encoding: string;
  written: { inserted: number; updated: number; kept: number } | null;
};

/** Decodes (UTF-8 with or without BOM, else CP949/EUC-KR), checks every row, and stores the file only when no row has a problem. */
export async function importFacilityFile(
  db: Kysely<Database>,
  geocoder: Geocoder,
  source: FacilityImportSource,
  bytes: Uint8Array,
  fileName: string,
): Promise<FacilityImportOutcome> {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok)
    return {
      facilities: [],
      skipped: [],
      problems: [{ row: 0, column: "", ko: issueMessage(decoded.issue, "ko"), en: issueMessage(decoded.issue, "en") }],
      encoding: "unknown",
      written: null,
    };
  const { encoding } = decoded;
  const parsed = parseCsvText(decoded.text);
  if (!parsed.ok)
    return {
      facilities: [],
      skipped: [],
      problems: [
        {
          row: parsed.issue.row,
          column: "",
          ko: issueMessage(parsed.issue, "ko"),
          en: issueMessage(parsed.issue, "en"),
        },
      ],
      encoding,
      written: null,
    };
  const header = parsed.header.map((column) => column.trim());
  const rows = parsed.records.map(({ line, cells }) => ({
    row: line,
    values: Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ""])),
  }));
  const result = readFacilityRows(source, header, rows, geocoder);
  if (result.problems.length > 0) return { ...result, encoding, written: null };
  const written = await upsertImportedFacilities(db, result.facilities, `${SOURCE_NAMES[source]} — ${fileName}`);
  return { ...result, encoding, written };
}
