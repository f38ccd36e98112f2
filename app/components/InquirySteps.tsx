import { useT } from "~/i18n/react";

export interface InquiryStep {
  id: number;
  kind: string;
  at: string;
  outcome: string | null;
  body: string | null;
  inquiryId: string;
  actorEmail?: string | null;
}

export interface InquiryStepRequest {
  id: string;
  reference: string;
  target: { nameKo: string; nameEn: string } | null;
}

/** A request's thread as a list of steps, oldest first: who handled it, what happened, and the texts the viewer may read. */
export function InquirySteps({ steps, requests }: { steps: InquiryStep[]; requests: InquiryStepRequest[] }) {
  const t = useT();
  const handler = new Map(requests.map((r) => [r.id, r]));
  return (
    <ol className="inquiry-steps" data-testid="inquiry-steps">
      {steps.map((step) => {
        const request = handler.get(step.inquiryId);
        const label =
          step.kind === "closed"
            ? t("inquiryEvent_closed", { outcome: step.outcome ? t.dynamic(`inquiryOutcome_${step.outcome}`) : "" })
            : t.dynamic(`inquiryEvent_${step.kind}`);
        return (
          <li key={step.id} data-kind={step.kind} data-outcome={step.outcome ?? undefined}>
            <time dateTime={step.at}>{t.format.dateTime(step.at)}</time> <strong>{label}</strong>
            {request?.target && (
              <span className="meta"> · {t("inquiryHandledBy", { name: t.nameOf(request.target) })}</span>
            )}
            {step.actorEmail && <span className="meta"> · {step.actorEmail}</span>}
            {step.body && <p className="inquiry-text">{step.body}</p>}
          </li>
        );
      })}
    </ol>
  );
}
