import { parse } from "csv-parse/sync";
import { buildGeocoder, type GeocodeMatch } from "../../app/domain/geocode";
import { isPointInGeometry, type PolygonGeometry } from "../../app/domain/geo";
import { required } from "../../app/required";
import type { AreaRecord } from "./areas";

const RANK: Record<string, number> = { exact: 4, eupmyeondong: 3, sigungu: 2, region: 1 };
/** An unknown precision ranks NaN: it wins no comparison, either side. */
const rankOf = (precision: string | undefined) => RANK[precision ?? ""] ?? Number.NaN;

/**
 * Places each curated facility from what its sources say: its cited street
 * address, else the area the sources name (`area_ko`), read by the geocoder;
 * the finer of the two wins. A facility with neither keeps its point, and
 * every facility gets the code of the area its point stands for.
 */
export function placeFacilities(
  csv: string,
  areas: AreaRecord[],
  regions: Record<"code" | "name_ko" | "name_ko_short" | "name_en", string>[],
  sigunguPolygons: Map<string, PolygonGeometry>,
): { csv: string; problems: string[]; summary: string } {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const columns = Object.keys(required(rows[0], "a facility row"));
  const geocoder = buildGeocoder(
    areas,
    regions.map((r) => ({ code: r.code, nameKo: r.name_ko, nameKoShort: r.name_ko_short, nameEn: r.name_en })),
  );
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const row of rows) {
    const tries: { match: GeocodeMatch; from: "address" | "area" }[] = [];
    for (const [from, text] of [
      ["address", row.address_ko],
      ["area", row.area_ko],
    ] as const) {
      if (!text) continue;
      const result = geocoder.geocode(text);
      if (!result.ok) problems.push(`${row.id}: ${from} ${JSON.stringify(text)} is not understood (${result.reason})`);
      else tries.push({ match: result.match, from });
    }
    // Finer precision first; within sigungu, a gu beats the city it belongs to.
    const fineness = (m: GeocodeMatch) =>
      rankOf(m.precision) * 2 +
      (m.sigungu &&
      !isCityOf(
        m.sigungu.code,
        tries.map((t) => t.match),
      )
        ? 1
        : 0);
    const best = tries.sort((a, b) => fineness(b.match) - fineness(a.match))[0];
    if (best && rankOf(best.match.precision) >= rankOf(row.coord_precision)) {
      if (best.match.regionCode !== row.region_code)
        problems.push(`${row.id}: placed in region ${best.match.regionCode}, listed in ${row.region_code}`);
      row.lat = best.match.lat.toFixed(5);
      row.lng = best.match.lng.toFixed(5);
      row.coord_precision = best.match.precision;
      row.area_code =
        best.match.eupmyeondong?.code ??
        (best.match.sigungu ? `${best.match.sigungu.code}00000` : `${best.match.regionCode}00000000`);
      if (best.from === "address" && row.address_source) row.location_source = row.address_source;
    } else {
      const point = { lat: Number(row.lat), lng: Number(row.lng) };
      const home = [...sigunguPolygons].find(([, geometry]) => isPointInGeometry(point, geometry))?.[0];
      row.area_code = row.coord_precision === "region" || !home ? `${row.region_code}00000000` : `${home}00000`;
    }
    const precision = required(row.coord_precision, `the coord_precision of facility ${row.id}`);
    counts.set(precision, (counts.get(precision) ?? 0) + 1);
  }
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const text =
    [columns.join(","), ...rows.map((row) => columns.map((c) => quote(row[c] ?? "")).join(","))].join("\r\n") + "\r\n";
  return { csv: text, problems, summary: [...counts].map(([precision, n]) => `${n} ${precision}`).join(", ") };
}

/** A city code (ending in 0) whose gu is among the other matches. */
function isCityOf(code: string, matches: GeocodeMatch[]): boolean {
  return (
    code.endsWith("0") &&
    matches.some((m) => m.sigungu !== null && m.sigungu.code !== code && m.sigungu.code.startsWith(code.slice(0, 4)))
  );
}
