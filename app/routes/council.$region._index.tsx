import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listRegionDrafts, listRegionListings } from "../../db/queries/council-listings";
import { forbidden, requireUser } from "~/auth/user.server";
import { may } from "~/council/listings.server";
import { loadRegion } from "~/council/routes.server";
import { translator } from "~/i18n";
import { useLang } from "~/root";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services);
  const region = await loadRegion(context.services, params.region);
  if (!may(user, "view", region.code)) throw forbidden();
  const db = context.services.database.db;
  const [listings, drafts] = await Promise.all([listRegionListings(db, region.code), listRegionDrafts(db, region.code)]);
  const draftIds = new Set(drafts.map((d) => `${d.type}:${d.entityId}`));
  return {
    region,
    canEdit: may(user, "edit", region.code),
    canReview: may(user, "review", region.code),
    listings: listings.map((l) => ({ type: l.type, id: l.id, nameKo: l.fields.nameKo, nameEn: l.fields.nameEn, status: l.status, hasDraft: draftIds.has(`${l.type}:${l.id}`) })),
    newDrafts: drafts.filter((d) => d.isNew).map((d) => ({ type: d.type, id: d.entityId, nameKo: d.fields.nameKo, nameEn: d.fields.nameEn, origin: d.origin })),
    pendingCount: drafts.length,
  };
}

export default function RegionWorkspace() {
  const { region, canEdit, listings, newDrafts, pendingCount } = useLoaderData<typeof loader>();
  const lang = useLang();
  const t = translator(lang);
  const base = `/council/${region.code}`;
  const name = (l: { nameKo: string; nameEn: string }) => (lang === "ko" ? l.nameKo : l.nameEn);
  return (
    <main className="page">
      <h1>
        {t("councilWorkspace")} — {lang === "ko" ? region.nameKo : region.nameEn}
      </h1>
      <p className="button-row">
        {canEdit && <Link to={`${base}/new/facility`}>{t("newFacility")}</Link>}
        {canEdit && <Link to={`${base}/new/program`}>{t("newProgram")}</Link>}
        {canEdit && <Link to={`${base}/import`}>{t("importCsv")}</Link>}
        <a href={`${base}/export.csv?type=facility`}>{t("exportCsv")} ({t("listingTypeFacility")})</a>
        <a href={`${base}/export.csv?type=program`}>{t("exportCsv")} ({t("listingTypeProgram")})</a>
        <a href={`${base}/export.geojson`}>{t("exportGeojson")}</a>
        <Link to={`${base}/audit`}>{t("auditTrail")}</Link>
      </p>
      <p>{t("pendingDrafts", { count: pendingCount })}</p>
      {newDrafts.length > 0 && (
        <>
          <h2>{t("newListingDrafts")}</h2>
          <ul data-testid="new-drafts">
            {newDrafts.map((d) => (
              <li key={`${d.type}:${d.id}`}>
                <Link to={`${base}/${d.type}/${d.id}`}>{name(d)}</Link> <span className="badge draft">{t("statusDraft")}</span>{" "}
                <small>{t(d.type === "facility" ? "listingTypeFacility" : "listingTypeProgram")}</small>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t("regionListings")}</h2>
      <table className="data-table" data-testid="listings">
        <thead>
          <tr>
            <th>{t("listingName")}</th>
            <th>{t("listingType")}</th>
            <th>{t("listingStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {listings.map((l) => (
            <tr key={`${l.type}:${l.id}`} data-listing-id={l.id}>
              <td>
                <Link to={`${base}/${l.type}/${l.id}`}>{name(l)}</Link>
              </td>
              <td>{t(l.type === "facility" ? "listingTypeFacility" : "listingTypeProgram")}</td>
              <td>
                <span className={`badge ${l.status}`}>{t(l.status === "published" ? "statusPublished" : "statusArchived")}</span>{" "}
                {l.hasDraft && <span className="badge draft">{t("statusDraft")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
