import { addDays } from "~/clock";
import type { ApplicationWindow, CallFacts, ProgramStatus } from "~/domain/programs/types";
import { statusOn } from "~/domain/programs/window";
import type { SearchDocument } from "./types";

type WindowFields = Pick<SearchDocument, "type" | "windowKind" | "windowStart" | "windowEnd" | "withdrawn">;

/** The window of an indexed call; null for a standing program (curated, no window). */
export function windowOfDocument(document: WindowFields): ApplicationWindow | null {
  if (document.windowKind === null) return null;
  if (document.windowKind === "unknown") return { kind: "unknown" };
  if (document.windowKind === "open_ended") return { kind: "open_ended", start: document.windowStart };
  return { kind: "dated", start: document.windowStart ?? document.windowEnd ?? "", end: document.windowEnd ?? "" };
}

/** A program's status on `today`; null for facilities. */
export function documentStatus(document: WindowFields, today: string): ProgramStatus | null {
  if (document.type !== "program") return null;
  return statusOn(windowOfDocument(document), today, document.withdrawn);
}

/** What matching reads of an imported call; null for curated programs and facilities. */
export function callFactsOf(document: SearchDocument): CallFacts | null {
  const window = windowOfDocument(document);
  if (window === null || document.businessAge === null) return null;
  return {
    window,
    withdrawn: document.withdrawn,
    applicantTypes: document.applicantTypes as CallFacts["applicantTypes"],
    businessAge: document.businessAge,
    regionBasis: document.regionBasis,
    applicantField: document.applicantField,
    ageField: document.ageField,
  };
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
