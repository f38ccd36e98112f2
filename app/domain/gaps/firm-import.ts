import { parse } from "csv-parse/sync";
import { latLngToCell } from "h3-js";
import iconv from "iconv-lite";
import { classifyPavitt } from "../classification";
import { isPointInGeometry, type PolygonGeometry } from "../geo";
import { isInsideKorea, KOREA_BOUNDS, type LatLng, type PavittClass } from "../types";
import type { FirmRecordInput } from "./firm-record";
import { HEX_RESOLUTION } from "./synthetic";

export interface ImportProblem {
  /** 1-based line of the file (the header is line 1); 0 for the file as a whole. */
  row: number;
  column: string;
  message: { ko: string; en: string };
}

export type RegisterParse = { ok: true; firms: FirmRecordInput[]; encoding: "utf-8" | "cp949" } | { ok: false; problems: ImportProblem[] };

export interface RegisterContext {
  divisions: Map<string, PavittClass | null>;
  regions: Map<string, LatLng>;
  boundaries: { regionCode: string; geometry: PolygonGeometry }[];
  source: string;
}

/** Column names accepted in the header, English or Korean, case and spacing ignored. */
const COLUMNS = {
  name: ["name", "상호", "업체명", "기업명"],
  ksic_division: ["ksic_division", "ksic", "업종코드", "산업분류"],
  employees: ["employees", "종업원수", "직원수", "근로자수"],
  lat: ["lat", "latitude", "위도"],
  lng: ["lng", "lon", "longitude", "경도"],
  region_code: ["region_code", "region", "시도코드"],
} as const;
type Column = keyof typeof COLUMNS;

const MAX_NAME = 200;
const MAX_EMPLOYEES = 1_000_000;

/** UTF-8 when the bytes are valid UTF-8, otherwise CP949 (EUC-KR), the usual encoding of Korean spreadsheets. */
export function decodeRegister(bytes: Uint8Array): { text: string; encoding: "utf-8" | "cp949" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ""), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), "cp949"), encoding: "cp949" };
  }
}

const problem = (row: number, column: string, ko: string, en: string): ImportProblem => ({ row, column, message: { ko, en } });

/**
 * Reads an SME register: name, KSIC division, employees, and coordinates or a region code.
 * Every problem is reported with its line and column; a file with any problem yields no firms.
 * A firm with coordinates and no region is placed in the province whose boundary holds it
 * (boundaries must be imported); a firm with only a region is placed at the region's label point.
 */
export function parseRegister(bytes: Uint8Array, context: RegisterContext): RegisterParse {
  const { text, encoding } = decodeRegister(bytes);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    return { ok: false, problems: [problem(0, "", `CSV 형식이 올바르지 않습니다: ${(error as Error).message}`, `The file is not valid CSV: ${(error as Error).message}`)] };
  }
  if (records.length < 2)
    return { ok: false, problems: [problem(0, "", "머리글 행과 한 줄 이상의 기업 행이 필요합니다.", "The file needs a header row and at least one firm.")] };
  const header = records[0].map((cell) => cell.toLowerCase().replace(/\s+/g, ""));
  const index = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[]) index[column] = header.findIndex((cell) => (COLUMNS[column] as readonly string[]).includes(cell));
  const missing = (["name", "ksic_division", "employees"] as const).filter((column) => index[column] === -1);
  const problems: ImportProblem[] = missing.map((column) =>
    problem(1, column, `필수 열 ${column}(${COLUMNS[column][1]})이 없습니다.`, `Required column ${column} is missing.`),
  );
  const hasCoordinates = index.lat !== -1 && index.lng !== -1;
  if (!hasCoordinates && index.region_code === -1)
    problems.push(problem(1, "lat/lng/region_code", "위도·경도 열 또는 시도코드 열이 있어야 합니다.", "Give lat and lng columns, or a region_code column."));
  if (problems.length > 0) return { ok: false, problems };

  const firms: FirmRecordInput[] = [];
  records.slice(1).forEach((record, offset) => {
    const line = offset + 2;
    const cell = (column: Column) => (index[column] === -1 ? "" : (record[index[column]] ?? "").trim());
    const rowProblems: ImportProblem[] = [];
    const name = cell("name");
    if (name === "") rowProblems.push(problem(line, "name", "기업명이 비어 있습니다.", "The name is empty."));
    else if (name.length > MAX_NAME) rowProblems.push(problem(line, "name", `기업명은 ${MAX_NAME}자 이하여야 합니다.`, `The name must be at most ${MAX_NAME} characters.`));

    const division = cell("ksic_division").padStart(2, "0");
    if (!context.divisions.has(division))
      rowProblems.push(
        problem(line, "ksic_division", `알 수 없는 업종코드입니다: "${cell("ksic_division")}" (KSIC 10차 중분류 두 자리).`, `Unknown KSIC division "${cell("ksic_division")}" (two-digit KSIC-10 division).`),
      );

    const employeesText = cell("employees").replace(/,/g, "");
    const employees = Number(employeesText);
    if (employeesText === "" || !Number.isInteger(employees) || employees < 0 || employees > MAX_EMPLOYEES)
      rowProblems.push(problem(line, "employees", `종업원 수는 0 이상의 정수여야 합니다: "${cell("employees")}"`, `Employees must be a whole number of 0 or more: "${cell("employees")}"`));

    const latText = cell("lat");
    const lngText = cell("lng");
    const regionText = cell("region_code");
    let point: LatLng | null = null;
    let regionCode: string | null = null;
    let precision: FirmRecordInput["coordPrecision"] = "address";
    if (latText !== "" || lngText !== "") {
      const candidate = { lat: Number(latText), lng: Number(lngText) };
      const latValid = latText !== "" && Number.isFinite(candidate.lat) && candidate.lat >= KOREA_BOUNDS.minLat && candidate.lat <= KOREA_BOUNDS.maxLat;
      if (latText === "" || lngText === "" || !isInsideKorea(candidate))
        rowProblems.push(
          problem(line, latValid ? "lng" : "lat", "위도와 경도를 함께, 대한민국 범위 안의 값으로 적어야 합니다.", "Give both lat and lng, inside South Korea."),
        );
      else point = candidate;
    }
    if (regionText !== "") {
      if (!context.regions.has(regionText))
        rowProblems.push(problem(line, "region_code", `알 수 없는 시도코드입니다: "${regionText}"`, `Unknown region code "${regionText}".`));
      else regionCode = regionText;
    }
    if (point === null && regionCode === null && latText === "" && lngText === "" && regionText === "")
      rowProblems.push(problem(line, "region_code", "위도·경도 또는 시도코드 가운데 하나는 있어야 합니다.", "Give coordinates or a region code."));
    if (point !== null && regionCode === null && regionText === "") {
      if (context.boundaries.length === 0)
        rowProblems.push(
          problem(line, "region_code", "시도 경계가 없어 좌표만으로 지역을 정할 수 없습니다. 시도코드를 적어 주세요.", "No province boundaries are imported, so give a region code with the coordinates."),
        );
      else {
        const inside = context.boundaries.find((boundary) => isPointInGeometry(point as LatLng, boundary.geometry));
        if (inside) regionCode = inside.regionCode;
        else rowProblems.push(problem(line, "lat", "좌표가 어느 시·도 경계 안에도 있지 않습니다.", "The point lies outside every province boundary."));
      }
    }
    if (point === null && regionCode !== null && rowProblems.length === 0) {
      point = context.regions.get(regionCode) as LatLng;
      precision = "region";
    }
    if (rowProblems.length > 0 || point === null || regionCode === null) {
      problems.push(...rowProblems);
      return;
    }
    firms.push({
      name,
      ksicDivision: division,
      employees,
      regionCode,
      lat: point.lat,
      lng: point.lng,
      coordPrecision: precision,
      pavittClass: classifyPavitt({ division, defaultClass: context.divisions.get(division) ?? null }).pavittClass,
      h3Cell: latLngToCell(point.lat, point.lng, HEX_RESOLUTION),
      synthetic: false,
      source: context.source,
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, firms, encoding };
}
