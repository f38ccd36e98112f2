/**
 * The life of a request for help: new → accepted → in progress → closed with
 * an outcome. A council may close a request from any open state (a firm that
 * never answers is closed as no_reply without being accepted); a referral
 * closes it as referred and opens a new request in the receiving region.
 */
export const INQUIRY_STATES = ["new", "accepted", "in_progress", "closed"] as const;
export type InquiryState = (typeof INQUIRY_STATES)[number];

export const INQUIRY_OUTCOMES = ["helped", "referred", "not_eligible", "no_reply"] as const;
export type InquiryOutcome = (typeof INQUIRY_OUTCOMES)[number];

/** The outcomes a council chooses when closing; "referred" comes only from a referral. */
export const CLOSING_OUTCOMES = ["helped", "not_eligible", "no_reply"] as const satisfies readonly InquiryOutcome[];

export type InquiryAction =
  { kind: "accept" } | { kind: "start" } | { kind: "close"; outcome: InquiryOutcome } | { kind: "refer" };

export type Transition =
  { ok: true; state: InquiryState; outcome: InquiryOutcome | null } | { ok: false; reason: "closed" | "not_allowed" };

export function transition(state: InquiryState, action: InquiryAction): Transition {
  if (state === "closed") return { ok: false, reason: "closed" };
  switch (action.kind) {
    case "accept":
      return state === "new" ? { ok: true, state: "accepted", outcome: null } : { ok: false, reason: "not_allowed" };
    case "start":
      return state === "accepted"
        ? { ok: true, state: "in_progress", outcome: null }
        : { ok: false, reason: "not_allowed" };
    case "close":
      return action.outcome === "referred"
        ? { ok: false, reason: "not_allowed" }
        : { ok: true, state: "closed", outcome: action.outcome };
    case "refer":
      return { ok: true, state: "closed", outcome: "referred" };
  }
}

/** The actions a council can take on a request in this state, for the inbox's buttons. */
export function availableActions(state: InquiryState): InquiryAction["kind"][] {
  if (state === "closed") return [];
  if (state === "new") return ["accept", "close", "refer"];
  if (state === "accepted") return ["start", "close", "refer"];
  return ["close", "refer"];
}

/** The first answer is the first thing a council did that the firm can see: accepting, a reply, closing or referring. */
export function isFirstAnswer(kind: "accept" | "start" | "close" | "refer" | "reply"): boolean {
  return kind !== "start";
}
