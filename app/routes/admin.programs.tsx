import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Card } from "~/components/ui";
import { requireUser } from "~/auth/user.server";
import { PORTALS } from "~/domain/programs/types";
import { useT } from "~/i18n/react";
import { configuredPortals } from "~/programs/sync.server";
import { latestRuns } from "~/programs/view.server";

/** Each portal's last import or sync: when, what it found, what it rejected. Administrators only. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context.services, { roles: ["admin"] });
  const runs = await latestRuns(context.services.database.db);
  const keyed = new Set(configuredPortals(context.services.config.programSources));
  return {
    portals: PORTALS.map((portal) => {
      const run = runs.find((r) => r.portal === portal);
      return {
        portal,
        keySet: keyed.has(portal),
        run: run
          ? { ...run, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null }
          : null,
      };
    }),
  };
}

export default function AdminPrograms() {
  const { portals } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main className="page" data-testid="admin-programs">
      <h1>{t("programs.admin.title")}</h1>
      {portals.map(({ portal, keySet, run }) => (
        <Card key={portal} data-portal={portal}>
          <h2>{t.label("portal", portal)}</h2>
          <p className="hint">{keySet ? t("programs.admin.keySet") : t("programs.admin.keyMissing")}</p>
          {run ? (
            <dl className="facts">
              <dt>{t("programs.admin.lastRun")}</dt>
              <dd>
                {t.format.dateTime(run.finishedAt ?? run.startedAt)} ·{" "}
                {t(run.mode === "sync" ? "programs.admin.mode.sync" : "programs.admin.mode.file")} ·{" "}
                {run.complete ? t("programs.admin.complete") : t("programs.admin.partial")}
              </dd>
              <dt>{t("programs.admin.new")}</dt>
              <dd data-count="new">{t.format.number(run.counts.new)}</dd>
              <dt>{t("programs.admin.changed")}</dt>
              <dd data-count="changed">{t.format.number(run.counts.changed)}</dd>
              <dt>{t("programs.admin.unchanged")}</dt>
              <dd data-count="unchanged">{t.format.number(run.counts.unchanged)}</dd>
              <dt>{t("programs.admin.closed")}</dt>
              <dd data-count="closed">{t.format.number(run.counts.closed)}</dd>
              <dt>{t("programs.admin.rejected")}</dt>
              <dd data-count="rejected">{t.format.number(run.counts.rejected)}</dd>
              <dt>{t("programs.admin.errors")}</dt>
              <dd>
                {run.errors.length === 0 ? (
                  t("programs.admin.noErrors")
                ) : (
                  <ul>
                    {run.errors.map((error, index) => (
                      <li key={index}>
                        {error.sourceId ? <code>{error.sourceId}</code> : null}{" "}
                        {error.field ? <code>{error.field}</code> : null} <span lang="en">{error.message}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </dl>
          ) : (
            <p>{t("programs.admin.never")}</p>
          )}
        </Card>
      ))}
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
