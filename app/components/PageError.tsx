import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { isNetworkFailure } from "~/offline";
import type { ErrorEntry } from "~/validation";
import { Button, Notice } from "./ui";

/**
 * The error boundary of the root and of each page: the header and navigation stay, and the page says
 * what happened and what to do. A lost connection gets "check the connection" and a retry that loads
 * the page's data again.
 */
export function PageError() {
  const error = useRouteError();
  const t = useT();
  const revalidator = useRevalidator();
  const status = isRouteErrorResponse(error) ? error.status : null;
  const offline = status === null && isNetworkFailure(error);
  const [title, body] =
    status === 404
      ? [t("notFoundTitle"), t("notFoundBody")]
      : status === 403
        ? [t("forbiddenTitle"), t("forbiddenBody")]
        : offline
          ? [t("offlineTitle"), t("offlineBody")]
          : [t("errorTitle"), t("errorBody")];
  const retry = status === null || status >= 500;
  // Input the page could not use (a 400 with the app's error body) says what was wrong with it.
  const reasons =
    isRouteErrorResponse(error) && Array.isArray((error.data as { errors?: unknown } | null)?.errors)
      ? (error.data as { errors: ErrorEntry[] }).errors
      : [];
  const retrying = revalidator.state === "loading";
  return (
    <main className="page" data-testid="page-error" data-offline={offline ? "true" : undefined}>
      <h1>{title}</h1>
      <p>{body}</p>
      {reasons.length > 0 ? (
        <ul data-testid="page-error-reasons">
          {reasons.map((reason) => (
            <li key={`${reason.field}-${reason.code}`}>{reason[t.lang]}</li>
          ))}
        </ul>
      ) : null}
      {retry ? (
        <>
          <p className="hint">{t("errorWhatToDo")}</p>
          <p className="button-row">
            <Button variant="primary" onClick={() => revalidator.revalidate()} disabled={retrying} aria-busy={retrying}>
              {t("retry")}
            </Button>
            <Link to="/">{t("backToMap")}</Link>
          </p>
          {retrying ? (
            <Notice live className="busy-indicator">
              {t("loading")}
            </Notice>
          ) : null}
        </>
      ) : (
        <p>
          <Link to="/">{t("backToMap")}</Link>
        </p>
      )}
    </main>
  );
}

/** The notice a page shows over its last results when loading new ones failed for the network. */
export function OfflineNotice({ testId = "offline-notice" }: { testId?: string }) {
  const t = useT();
  const revalidator = useRevalidator();
  return (
    <Notice as="div" tone="error" data-testid={testId}>
      <p>{t("offlineKeptResults")}</p>
      <Button small onClick={() => revalidator.revalidate()} disabled={revalidator.state === "loading"}>
        {t("retry")}
      </Button>
    </Notice>
  );
}
