import { addDays } from "~/clock";
import type { ApplicationWindow, ProgramStatus } from "~/domain/programs/types";
import { statusOn, windowOfFields } from "~/domain/programs/window";
import type { SearchDocument } from "./types";

type WindowFields = Pick<SearchDocument, "type" | "windowKind" | "windowStart" | "windowEnd" | "withdrawn">;

/** The window of an indexed call; null for a standing program (curated, no window). */
export function windowOfDocument(document: WindowFields): ApplicationWindow | null {
  return windowOfFields(document);
}

/** A program's status on `today`; null for facilities. */
export function documentStatus(document: WindowFields, today: string): ProgramStatus | null {
  if (document.type !== "program") return null;
  return statusOn(windowOfDocument(document), today, document.withdrawn);
}

/** YYYY-MM-DD as the number YYYYMMDD. */
export function dayNumber(date: string | null): number | null {
  return date === null ? null : Number(date.replaceAll("-", ""));
}

/**
 * A Meilisearch expression for programs in these statuses on `today`, over the numeric window
 * fields; the same conditions as `statusOn`, so both engines agree.
 */
export function statusFilterExpression(statuses: readonly ProgramStatus[], today: string): string {
  const t = dayNumber(today) as number;
  const soon = dayNumber(addDays(today, 7)) as number;
  const live = `type = "program" AND withdrawn = false`;
  const started = `(windowStartDay IS NULL OR windowStartDay <= ${t})`;
  const clauses: Record<ProgramStatus, string> = {
    open: `(${live} AND windowKind = "dated" AND ${started} AND windowEndDay > ${soon})`,
    closing_soon: `(${live} AND windowKind = "dated" AND ${started} AND windowEndDay >= ${t} AND windowEndDay <= ${soon})`,
    upcoming: `(${live} AND windowKind IN ["dated", "open_ended"] AND windowStartDay > ${t})`,
    closed: `(type = "program" AND (withdrawn = true OR windowKind = "unknown" OR (windowKind = "dated" AND windowEndDay < ${t})))`,
    rolling: `(${live} AND (windowKind IS NULL OR (windowKind = "open_ended" AND ${started})))`,
  };
  return `(${statuses.map((status) => clauses[status]).join(" OR ")})`;
}

/** Everything except closed programs: facilities and open, upcoming or rolling programs. */
export function notClosedExpression(today: string): string {
  return `(type = "facility" OR ${statusFilterExpression(["open", "closing_soon", "upcoming", "rolling"], today)})`;
}

/**
 * `documentStatus` for many documents on one day, on the precomputed YYYYMMDD numbers: no date
 * parsing per document, so a status filter over tens of thousands of calls stays cheap. Same
 * conditions as `statusOn`.
 */
export function dayStatus(
  today: string,
): (
  document: Pick<SearchDocument, "type" | "windowKind" | "windowStartDay" | "windowEndDay" | "withdrawn">,
) => ProgramStatus | null {
  const t = dayNumber(today) as number;
  const soon = dayNumber(addDays(today, 7)) as number;
  return (document) => {
    if (document.type !== "program") return null;
    if (document.withdrawn) return "closed";
    const kind = document.windowKind;
    if (kind === null) return "rolling";
    if (kind === "unknown") return "closed";
    if (document.windowStartDay !== null && t < document.windowStartDay) return "upcoming";
    if (kind === "open_ended") return "rolling";
    const end = document.windowEndDay as number;
    if (t > end) return "closed";
    return end <= soon ? "closing_soon" : "open";
  };
}
