import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/user.server";
import { AuditTable } from "~/components/AuditTable";
import { BackLinkPage } from "~/components/BackLinkPage";
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
    <BackLinkPage backTo={`/council/${region.code}`} backLabel={t.nameOf(region)}>
      <h1>
        {t("auditTrail")} — {t.nameOf(region)}
      </h1>
      <AuditTable entries={entries} showEntity />
    </BackLinkPage>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
