import type { Kysely } from "kysely";
import { listCallDetails, latestRuns, type CallDetail, type SyncRun } from "~db/queries/program-calls";
import { listPrograms, type Program, type ProgramFilter } from "~db/queries/programs";
import type { Database } from "~db/schema";
import type { Reading } from "~/domain/programs/readings";
import type { Attachment, Portal, ProgramStatus } from "~/domain/programs/types";
import { daysLeft, statusOn, windowOfFields, windowOut } from "~/domain/programs/window";
import { renderReadings, type RenderedReading } from "~/i18n/programs";

/** A program as `GET /api/programs/:id` gives it: curated or imported, with its status on the day asked. */
export interface ProgramView extends Omit<Program, "call"> {
  status: ProgramStatus;
  window: { start: string | null; end: string | null } | null;
  daysLeft: number | null;
  applyUrl: string | null;
  sources: Array<{ portal: Portal; id: string; url: string | null }>;
  readings: RenderedReading[];
  /** Imported calls only; null for curated programs. */
  call: {
    agency: string | null;
    executingAgency: string | null;
    supportField: string | null;
    eligibilityText: string;
    attachments: Attachment[];
    withdrawn: boolean;
    lastSyncedAt: string;
  } | null;
}

function viewOf(program: Program, detail: CallDetail | undefined, today: string): ProgramView {
  const { call: facts, ...rest } = program;
  const window = facts ? windowOfFields(facts) : null;
  return {
    ...rest,
    status: statusOn(window, today, facts?.withdrawn ?? false),
    window: windowOut(window),
    daysLeft: daysLeft(window, today),
    applyUrl: detail?.applyUrl ?? program.url,
    sources: detail ? detail.sources.map((s) => ({ portal: s.portal, id: s.id, url: s.url })) : [],
    readings: detail ? renderReadings(detail.readings as Reading[]) : [],
    call: detail
      ? {
          agency: detail.agency,
          executingAgency: detail.executingAgency,
          supportField: detail.supportField,
          eligibilityText: detail.eligibilityText,
          attachments: detail.attachments,
          withdrawn: detail.withdrawn,
          lastSyncedAt: detail.lastSyncedAt.toISOString(),
        }
      : null,
  };
}

/** One published program, curated or imported, or null. */
export async function programView(db: Kysely<Database>, id: string, today: string): Promise<ProgramView | null> {
  const [program] = await listPrograms(db, { ids: [id] });
  if (!program) return null;
  const details = program.call ? await listCallDetails(db, [id]) : new Map<string, CallDetail>();
  return viewOf(program, details.get(id), today);
}

/** Programs for a region and class, in any of these statuses (every status when none is given). */
export async function programViews(
  db: Kysely<Database>,
  filter: ProgramFilter,
  statuses: readonly ProgramStatus[],
  today: string,
): Promise<ProgramView[]> {
  const programs = await listPrograms(db, filter);
  const chosen = programs.filter((p) => {
    if (statuses.length === 0) return true;
    const window = p.call ? windowOfFields(p.call) : null;
    return statuses.includes(statusOn(window, today, p.call?.withdrawn ?? false));
  });
  const details = await listCallDetails(
    db,
    chosen.filter((p) => p.call).map((p) => p.id),
  );
  return chosen.map((p) => viewOf(p, details.get(p.id), today));
}

export type { SyncRun };
export { latestRuns };
