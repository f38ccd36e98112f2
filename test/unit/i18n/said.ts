import type { Reason } from "~/domain/reasons";
import { renderReason, type RenderedReason } from "~/i18n/reasons";

/** What a reason says in both languages, through the catalogue, as the API and pages show it. */
export function said(reason: Reason | undefined): RenderedReason | undefined {
  return reason === undefined ? undefined : renderReason(reason);
}
