import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAuditEntries } from "../../db/queries/audit";
import { forbidden, requireUser } from "~/auth/user.server";
import { AuditTable } from "~/components/AuditTable";
import { may } from "~/council/listings.server";
import { loadRegion } from "~/council/routes.server";
import { pageTitle, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auditTrail");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services);
  const region = await loadRegion(context.services, params.region);
  if (!may(user, "view", region.code)) throw forbidden("region", user);
  const entries = await listAuditEntries(context.services.database.db, { regionCode: region.code }, 500);
  return { region, entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
}

export default function RegionAudit() {
  const { region, entries } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main className="page">
      <p>
        <Link to={`/council/${region.code}`}>← {t.nameOf(region)}</Link>
      </p>
      <h1>
        {t("auditTrail")} — {t.nameOf(region)}
      </h1>
      <AuditTable entries={entries} showEntity />
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
