import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Table } from "~/components/ui";
import { requireMutation } from "~/auth/csrf.server";
import { forbidden, requireUser } from "~/auth/user.server";
import { CsrfField } from "~/components/CsrfField";
import { publishAll } from "~/council/listings.server";
import { loadWorkspace } from "~/council/pages.server";
import { loadRegion, requireRegionAccess } from "~/council/routes.server";
import { resolveLang, translator } from "~/i18n";
import { pageTitle, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "councilWorkspace");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services);
  const region = await loadRegion(context.services, params.region);
  requireRegionAccess(user, region, "view");
  return loadWorkspace(context.services, user, region);
}

const DRAFT_KIND = { edit: "draftKindEdit", archive: "draftKindArchive", restore: "draftKindRestore" } as const;

const BLOCK_REASON = {
  listing_changed: "publishBlockedListingChanged",
  draft_changed: "publishBlockedDraftChanged",
  external_id_taken: "publishBlockedExternalId",
} as const;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, form } = await requireMutation(request, context.services, { roles: ["admin", "council_reviewer"] });
  const region = await loadRegion(context.services, params.region);
  const t = translator(resolveLang(request).lang);
  if (form.get("intent") !== "publishAll") throw new Response("Unknown intent", { status: 400 });
  const outcome = await publishAll(context.services, user, region.code, String(form.get("reviewToken") ?? ""));
  if (outcome.kind === "forbidden") throw forbidden();
  if (outcome.kind === "stale") return data({ message: t("publishAllStale"), ok: false }, { status: 409 });
  if (outcome.kind === "blocked") {
    const names = outcome.blocked.map((d) => `${d.nameKo || d.entityId} (${t(BLOCK_REASON[d.reason])})`).join(", ");
    return data(
      { message: t("publishAllBlocked", { count: outcome.blocked.length, names }), ok: false },
      { status: 409 },
    );
  }
  if (outcome.kind !== "ok") throw new Response("Unexpected outcome", { status: 500 });
  return data({ message: t("publishAllDone", { count: outcome.value.published }), ok: true });
}

export default function RegionWorkspace() {
  const { region, canEdit, canReview, canHandleInquiries, listings, drafts, pendingCount, reviewToken } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const base = `/council/${region.code}`;
  const name = (l: { nameKo: string; nameEn: string }) => t.nameOf(l);
  return (
    <main className="page">
      <h1>
        {t("councilWorkspace")} — {t.nameOf(region)}
      </h1>
      <p className="button-row">
        {canEdit && <Link to={`${base}/new/facility`}>{t("newFacility")}</Link>}
        {canEdit && <Link to={`${base}/new/program`}>{t("newProgram")}</Link>}
        {canEdit && <Link to={`${base}/import`}>{t("importCsv")}</Link>}
        <a href={`${base}/export.csv?type=facility`}>
          {t("exportCsv")} ({t("listingTypeFacility")})
        </a>
        <a href={`${base}/export.csv?type=program`}>
          {t("exportCsv")} ({t("listingTypeProgram")})
        </a>
        <a href={`${base}/export.geojson`}>{t("exportGeojson")}</a>
        <Link to={`${base}/audit`}>{t("auditTrail")}</Link>
        {canHandleInquiries && <Link to={`${base}/inquiries`}>{t("inquiryInbox")}</Link>}
      </p>
      {result && (
        <p className={result.ok ? "notice" : "form-error"} role="status">
          {result.message}
        </p>
      )}
      <h2>{t("pendingDrafts", { count: pendingCount })}</h2>
      {drafts.length > 0 && (
        <ul data-testid="drafts">
          {drafts.map((d) => (
            <li key={`${d.type}:${d.id}`}>
              <Link to={`${base}/${d.type}/${d.id}`}>{name(d)}</Link>{" "}
              <span className="badge draft">{t(d.isNew ? "draftKindNew" : DRAFT_KIND[d.change])}</span>{" "}
              <small>
                {t(d.type === "facility" ? "listingTypeFacility" : "listingTypeProgram")}
                {d.origin === "import" ? ` · ${t("draftFromImport")}` : ""}
              </small>
            </li>
          ))}
        </ul>
      )}
      {drafts.length < pendingCount && <p>{t("draftsMoreNotShown", { count: pendingCount - drafts.length })}</p>}
      {canReview && pendingCount > 0 && (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="publishAll" />
          <input type="hidden" name="reviewToken" value={reviewToken} />
          <Button type="submit">{t("publishAll", { count: pendingCount })}</Button>
        </Form>
      )}
      <h2>{t("regionListings")}</h2>
      <Table
        testId="listings"
        columns={[
          { key: "listingName", label: t("listingName") },
          { key: "listingType", label: t("listingType") },
          { key: "listingStatus", label: t("listingStatus") },
        ]}
      >
        {listings.map((l) => (
          <tr key={`${l.type}:${l.id}`} data-listing-id={l.id}>
            <td>
              <Link to={`${base}/${l.type}/${l.id}`}>{name(l)}</Link>
            </td>
            <td>{t(l.type === "facility" ? "listingTypeFacility" : "listingTypeProgram")}</td>
            <td>
              <span className={`badge ${l.status}`}>
                {t(l.status === "published" ? "statusPublished" : "statusArchived")}
              </span>{" "}
              {l.hasDraft && <span className="badge draft">{t("statusDraft")}</span>}
            </td>
          </tr>
        ))}
      </Table>
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
