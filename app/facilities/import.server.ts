import { upsertImportedFacilities } from "../../db/queries/facility-import";
import { decodeCsv, parseCsv } from "~/domain/csv-import";
import { readFacilityRows, type FacilityImportResult, type FacilityImportSource } from "~/domain/facility-import";
import type { Geocoder } from "~/domain/geocode";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

const SOURCE_NAMES: Record<FacilityImportSource, string> = {
  kicox: "한국산업단지공단 전국산업단지현황통계 (data.go.kr 15085874)",
  incubators: "창업보육센터 현황 (data.go.kr)",
};

export type FacilityImportOutcome = FacilityImportResult & { encoding: string; written: { inserted: number; updated: number; kept: number } | null };

/** Decodes (UTF-8 with or without BOM, else CP949/EUC-KR), checks every row, and stores the file only when no row has a problem. */
export async function importFacilityFile(db: Kysely<Database>, geocoder: Geocoder, source: FacilityImportSource, bytes: Uint8Array, fileName: string): Promise<FacilityImportOutcome> {
  const { text, encoding } = decodeCsv(bytes);
  const parsed = parseCsv(text);
  if ("error" in parsed)
    return { facilities: [], skipped: [], problems: [{ row: Number(parsed.error.values?.row ?? 1), column: "", ko: "CSV 파일을 읽을 수 없습니다.", en: "the file is not valid CSV" }], encoding, written: null };
  const result = readFacilityRows(source, parsed.header, parsed.rows, geocoder);
  if (result.problems.length > 0) return { ...result, encoding, written: null };
  const written = await upsertImportedFacilities(db, result.facilities, `${SOURCE_NAMES[source]} — ${fileName}`);
  return { ...result, encoding, written };
}
