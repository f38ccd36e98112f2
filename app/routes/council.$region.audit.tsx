import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/user.server";
import { AuditTable } from "~/components/AuditTable";
import { loadRegionAudit } from "~/council/pages.server";
import { loadRegion, requireRegionAccess } from "~/council/routes.server";
import { pageTitle, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auditTrail");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services);
  const region = await loadRegion(context.services, params.region);
  requireRegionAccess(user, region, "view");
  return loadRegionAudit(context.services, region);
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
