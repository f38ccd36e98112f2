import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getFacility } from "../../db/queries/facilities";
import { listPrograms } from "../../db/queries/programs";
import { listRegions } from "../../db/queries/regions";
import { listKsicDivisions } from "../../db/queries/taxonomy";
import { FacilityMap } from "~/components/FacilityMap";
import { DELIVERY_MODE_LABELS, DIFFUSION_LEVEL_LABELS, FACILITY_KIND_LABELS, PAVITT_CLASS_LABELS, SERVICE_LABELS } from "~/domain/labels";
import type { DeliveryMode, DiffusionLevel, FacilityKind, FacilityService, PavittClass } from "~/domain/types";
import { translator, type Lang, type MessageKey } from "~/i18n";
import { isListingId } from "~/domain/listing-id";
import { useLang } from "~/root";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: Lang } | undefined;
  const lang = root?.lang ?? "ko";
  if (!data) return [{ title: translator(lang)("notFoundTitle") }];
  return [{ title: `${lang === "ko" ? data.facility.nameKo : data.facility.nameEn} — ${translator(lang)("appName")}` }];
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
  const lang = useLang();
  const t = translator(lang);
  const name = lang === "ko" ? facility.nameKo : facility.nameEn;
  const otherName = lang === "ko" ? facility.nameEn : facility.nameKo;
  const kind = facility.kind as FacilityKind;
  return (
    <main className="page">
      <p>
        <Link to={lang === "en" ? "/?lang=en" : "/"}>← {t("backToMap")}</Link>
      </p>
      <h1>
        {name} <small lang={lang === "ko" ? "en" : "ko"}>{otherName}</small>
      </h1>
      <dl className="facts">
        <dt>{t("kind")}</dt>
        <dd>{FACILITY_KIND_LABELS[kind]?.[lang] ?? facility.kind}</dd>
        <dt>{t("region")}</dt>
        <dd>{lang === "ko" ? region.nameKo : region.nameEn}</dd>
        {facility.anchorGroup ? (
          <>
            <dt>{t("anchorGroup")}</dt>
            <dd>{lang === "ko" ? facility.anchorGroup.nameKo : facility.anchorGroup.nameEn}</dd>
          </>
        ) : null}
        {facility.coAnchorGroups.length > 0 ? (
          <>
            <dt>{t("coAnchorGroups")}</dt>
            <dd>{facility.coAnchorGroups.map((a) => (lang === "ko" ? a.nameKo : a.nameEn)).join(", ")}</dd>
          </>
        ) : null}
        <dt>{t("industries")}</dt>
        <dd>
          {sectors.map((s) => (
            <span key={s.code} className="tag">
              {s.code} {s[lang]}
            </span>
          ))}
          {(lang === "ko" ? facility.industriesNoteKo : facility.industriesNoteEn) ? <div>{lang === "ko" ? facility.industriesNoteKo : facility.industriesNoteEn}</div> : null}
        </dd>
        {facility.services.length > 0 ? (
          <>
            <dt>{t("services")}</dt>
            <dd>
              {facility.services.map((s) => (
                <span key={s} className="tag">
                  {SERVICE_LABELS[s as FacilityService]?.[lang] ?? s}
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
            <strong>{lang === "ko" ? p.nameKo : p.nameEn}</strong>
            <div className="meta">
              {t("targetClasses")}: {p.targetPavittClasses.map((c) => PAVITT_CLASS_LABELS[c as PavittClass]?.[lang] ?? c).join(", ")}
              {p.diffusionLevel ? ` · ${t("diffusionLevel")}: ${DIFFUSION_LEVEL_LABELS[p.diffusionLevel as DiffusionLevel][lang]}` : ""}
              {p.deliveryMode ? ` · ${t("deliveryMode")}: ${DELIVERY_MODE_LABELS[p.deliveryMode as DeliveryMode]?.[lang] ?? p.deliveryMode}` : ""}
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
