import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getFacility } from "../../db/queries/facilities";
import { listPrograms } from "../../db/queries/programs";
import { listRegions } from "../../db/queries/regions";
import { listKsicDivisions } from "../../db/queries/taxonomy";
import { FacilityMap } from "~/components/FacilityMap";
import type { FacilityKind } from "~/domain/types";
import { translator, otherLang, type MessageKey } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import { isListingId } from "~/domain/listing-id";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  if (!data) return [{ title: t("notFoundTitle") }];
  return [{ title: `${t.nameOf(data.facility)} — ${t("appName")}` }];
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const db = context.services.database.db;
  const facility = isListingId(params.id) ? await getFacility(db, params.id) : null;
  if (!facility) throw new Response("Not found", { status: 404 });
  const [programs, regions, divisions] = await Promise.all([listPrograms(db, { providerFacilityId: facility.id }), listRegions(db), listKsicDivisions(db)]);
  const region = regions.find((r) => r.code === facility.regionCode)!;
  const sectorNames = new Map(divisions.map((d) => [d.code, { ko: d.nameKo, en: d.nameEn }]));
  return {
    facility: { ...facility, updatedAt: facility.updatedAt.toISOString() },
    region: { nameKo: region.nameKo, nameEn: region.nameEnFull },
    sectors: facility.sectors.map((code) => ({ code, ...(sectorNames.get(code) ?? { ko: code, en: code }) })),
    programs,
    regionLabels: regions.map((r) => ({ code: r.code, nameKo: r.nameKoShort, nameEn: r.nameEn, labelPoint: r.labelPoint })),
    mapStyleUrl: context.services.config.mapStyleUrl ?? null,
  };
}

const PRECISION_KEYS: Record<string, MessageKey> = { address: "precisionAddress", district: "precisionDistrict", region: "precisionRegion" };
const PRECISION_ZOOM: Record<string, number> = { address: 12, district: 10, region: 8 };

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

export default function FacilityPage() {
  const { facility, region, sectors, programs, regionLabels, mapStyleUrl } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = t.lang;
  const name = t.nameOf(facility);
  const otherName = translator(otherLang(lang)).nameOf(facility);
  const kind = facility.kind as FacilityKind;
  const industriesNote = lang === "ko" ? facility.industriesNoteKo : facility.industriesNoteEn;
  return (
    <main className="page">
      <p>
        <Link to={lang === "en" ? "/?lang=en" : "/"}>← {t("backToMap")}</Link>
      </p>
      <h1>
        {name} <small lang={otherLang(lang)}>{otherName}</small>
      </h1>
      <dl className="facts">
        <dt>{t("kind")}</dt>
        <dd>{t.label("facilityKind", kind)}</dd>
        <dt>{t("region")}</dt>
        <dd>{t.nameOf(region)}</dd>
        {facility.anchorGroup ? (
          <>
            <dt>{t("anchorGroup")}</dt>
            <dd>{t.nameOf(facility.anchorGroup)}</dd>
          </>
        ) : null}
        {facility.coAnchorGroups.length > 0 ? (
          <>
            <dt>{t("coAnchorGroups")}</dt>
            <dd>{facility.coAnchorGroups.map((a) => t.nameOf(a)).join(", ")}</dd>
          </>
        ) : null}
        <dt>{t("industries")}</dt>
        <dd>
          {sectors.map((s) => (
            <span key={s.code} className="tag">
              {s.code} {t.nameOf(s)}
            </span>
          ))}
          {industriesNote ? <div>{industriesNote}</div> : null}
        </dd>
        {facility.services.length > 0 ? (
          <>
            <dt>{t("services")}</dt>
            <dd>
              {facility.services.map((s) => (
                <span key={s} className="tag">
                  {t.label("service", s)}
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {facility.opened ? (
          <>
            <dt>{t("opened")}</dt>
            <dd>{facility.opened}</dd>
          </>
        ) : null}
        {facility.contacts.url ? (
          <>
            <dt>{t("website")}</dt>
            <dd>{isUrl(facility.contacts.url) ? <a href={facility.contacts.url} rel="noopener noreferrer">{facility.contacts.url}</a> : facility.contacts.url}</dd>
          </>
        ) : null}
        <dt>{t("precision")}</dt>
        <dd>
          {PRECISION_KEYS[facility.precision] ? t(PRECISION_KEYS[facility.precision]) : facility.precision}
          {facility.locationNote ? ` — ${facility.locationNote}` : ""}
        </dd>
        <dt>{t("source")}</dt>
        <dd>{isUrl(facility.source) ? <a href={facility.source} rel="noopener noreferrer">{facility.source}</a> : facility.source}</dd>
      </dl>

      <FacilityMap
        facilities={[facility]}
        kinds={[kind]}
        visibleKinds={[kind]}
        regions={regionLabels}
        lang={lang}
        t={t}
        styleUrl={mapStyleUrl ?? undefined}
        landUrl="/map/land.json"
        focus={{ lng: facility.lng, lat: facility.lat, zoom: PRECISION_ZOOM[facility.precision] ?? 9 }}
        interactive={false}
      />

      <h2>{t("programsOffered")}</h2>
      {programs.length === 0 ? <p>{t("noPrograms")}</p> : null}
      <ul>
        {programs.map((p) => (
          <li key={p.id}>
            <strong>{t.nameOf(p)}</strong>
            <div className="meta">
              {t("targetClasses")}: {p.targetPavittClasses.map((c) => t.label("pavittClass", c)).join(", ")}
              {p.diffusionLevel ? ` · ${t("diffusionLevel")}: ${t.label("diffusionLevel", p.diffusionLevel)}` : ""}
              {p.deliveryMode ? ` · ${t("deliveryMode")}: ${t.label("deliveryMode", p.deliveryMode)}` : ""}
              {p.smeOnly ? ` · ${t("smeOnly")}` : ""}
            </div>
            <div className="meta">
              {t("source")}: {p.source}
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
