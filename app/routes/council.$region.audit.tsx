import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/user.server";
import { AuditTable } from "~/components/AuditTable";
import { BackLinkPage } from "~/components/BackLinkPage";
import { ButtonLink } from "~/components/ui";
import { loadRegionAudit } from "~/council/pages.server";
import { loadRegion, requireRegionAccess } from "~/council/routes.server";
import { pageTitle, useT } from "~/i18n/react";
import { field } from "~/validation";
import { pageQueryOrThrow } from "~/validation/request.server";

const auditQuery = z.object({ before: field.number({ min: 1, integer: true }) });

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auditTrail");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services);
  const region = await loadRegion(context.services, params.region);
  requireRegionAccess(user, region, "view");
  const { before } = pageQueryOrThrow(request, auditQuery);
  return { ...(await loadRegionAudit(context.services, region, before)), paged: before !== undefined };
}

export default function RegionAudit() {
  const { region, entries, olderBefore, paged } = useLoaderData<typeof loader>();
  const t = useT();
  const langQuery = t.lang === "en" ? "&lang=en" : "";
  return (
    <BackLinkPage backTo={`/council/${region.code}`} backLabel={t.nameOf(region)}>
      <h1>
        {t("auditTrail")} — {t.nameOf(region)}
      </h1>
      <AuditTable entries={entries} showEntity />
      {olderBefore !== null || paged ? (
        <p className="button-row">
          {olderBefore !== null ? (
            <ButtonLink variant="secondary" to={`?before=${olderBefore}${langQuery}`}>
              {t("auditOlder")}
            </ButtonLink>
          ) : null}
          {paged ? (
            <ButtonLink variant="secondary" to={`?${langQuery.slice(1)}`}>
              {t("auditNewest")}
            </ButtonLink>
          ) : null}
        </p>
      ) : null}
    </BackLinkPage>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
