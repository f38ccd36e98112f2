import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Area, AreaLevel } from "../../app/domain/geocode";
import { required } from "../../app/required";

export const AREAS_FILE = "areas.csv";
const LEVELS: readonly AreaLevel[] = ["region", "sigungu", "eupmyeondong"];

/** An area with what the table stores beside it. */
export interface AreaRow extends Area {
  kostatCode: string;
  source: string;
}

/** Reads data/areas.csv (written by `npm run data:derive`), checking every row. */
export function readAreas(dataDir: string): AreaRow[] {
  const file = path.join(dataDir, AREAS_FILE);
  const rows = parse(fs.readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const problems: string[] = [];
  const areas = rows.map((row, index) => {
    const column = (name: string) => required(row[name], `${AREAS_FILE} column ${name}`);
    const successors = column("successors");
    const area: AreaRow = {
      code: column("code"),
      level: row.level as AreaLevel,
      regionCode: column("region_code"),
      sigunguCode: column("sigungu_code"),
      nameKo: column("name_ko"),
      nameEn: column("name_en"),
      lat: Number(row.lat),
      lng: Number(row.lng),
      current: row.current === "true",
      successors: successors === "" ? [] : successors.split(";"),
      kostatCode: column("kostat_code"),
      source: column("source"),
    };
    if (
      !/^\d{10}$/.test(area.code) ||
      !LEVELS.includes(area.level) ||
      !/^\d{2}$/.test(area.regionCode) ||
      !Number.isFinite(area.lat) ||
      !Number.isFinite(area.lng) ||
      area.nameKo === ""
    )
      problems.push(`${AREAS_FILE} line ${index + 2}: cannot read ${JSON.stringify(row).slice(0, 120)}`);
    return area;
  });
  if (problems.length > 0) throw new Error(problems.slice(0, 20).join("\n"));
  return areas;
}
