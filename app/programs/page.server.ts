import { today } from "~/clock";
import type { ProfileHint } from "~/inquiries/link";
import { isListingId } from "~/domain/listing-id";
import { matchInputFromSearchParams, parseMatchInput } from "~/match/input";
import { matchReference } from "~/match/reference.server";
import { runMatch, type MatchResponse } from "~/match/service.server";
import type { Services } from "~/services.server";
import { programView, type ProgramView } from "./view.server";

export interface ProgramPageData {
  program: ProgramView;
  /** When the page was opened from match results: the program checked against that profile. */
  fit: MatchResponse["explained"];
  profileQuery: string | null;
  /** What the "Ask for help" form is prefilled with: the profile the page was opened with. */
  profileHint: ProfileHint;
}

/** /programs/:id: the program, and its fit for the profile in the URL when there is one. */
export async function loadProgramPage(
  services: Services,
  id: string | undefined,
  params: URLSearchParams,
): Promise<ProgramPageData | null> {
  if (!isListingId(id)) return null;
  const program = await programView(services.database.db, id, today());
  if (!program) return null;
  if (!params.has("ksic")) return { program, fit: null, profileQuery: null, profileHint: {} };
  const reference = await matchReference(services);
  const parsed = parseMatchInput({ ...matchInputFromSearchParams(params), programId: id }, reference.known);
  if (!parsed.ok) return { program, fit: null, profileQuery: null, profileHint: {} };
  const outcome = await runMatch(services, parsed.value);
  const profile = new URLSearchParams(params);
  profile.delete("program");
  if (!outcome.ok) return { program, fit: null, profileQuery: profile.toString(), profileHint: {} };
  const { classification, firm } = outcome.value;
  return {
    program,
    fit: outcome.value.explained,
    profileQuery: profile.toString(),
    profileHint: {
      ksic: params.get("ksic"),
      sizeBand: classification.sizeBand,
      region: firm.regionCode,
      pavittClass: classification.pavittClass,
      needs: params.getAll("need"),
    },
  };
}
