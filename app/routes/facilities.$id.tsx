import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ButtonLink, Tag } from "~/components/ui";
import { FacilityMap } from "~/components/FacilityMap";
import { parseCitations } from "~/domain/citations";
import type { FacilityKind } from "~/domain/types";
import { loadFacilityPage } from "~/facilities/page.server";
import { otherLang, translator, type MessageKey } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import { inquiryHref } from "~/inquiries/link";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  if (!data) return [{ title: t("notFoundTitle") }];
  return [{ title: `${t.nameOf(data.facility)} — ${t("appName")}` }];
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const page = await loadFacilityPage(context.services, params.id);
  if (!page) throw new Response("Not found", { status: 404 });
  return page;
}

const PRECISION_ZOOM: Record<string, number> = { exact: 13, eupmyeondong: 12, sigungu: 10, region: 8 };
const FACT_LABELS: [string, MessageKey & `fact${string}`][] = [
  ["address", "factAddress"],
  ["phone", "factPhone"],
  ["website", "factWebsite"],
  ["location", "factLocation"],
];

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** A contact fact, or the plain statement that no source gives it. */
function Fact({ value, unknown, link }: { value: string | null; unknown: string; link?: boolean }) {
  if (!value) return <dd className="unknown">{unknown}</dd>;
  if (link && isUrl(value))
    return (
      <dd>
        <a href={value} rel="noopener noreferrer">
          {value}
        </a>
      </dd>
    );
  return <dd>{value}</dd>;
}

/** A term and its description, left out when there is nothing to say (null or empty text). */
function FactIfAny({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

export default function FacilityPage() {
  const { facility, region, sectors, programs, regionLabels, basemap, nearby } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = t.lang;
  const locationNote = lang === "ko" ? facility.locationNoteKo : facility.locationNote;
  const citations = [
    ...FACT_LABELS.flatMap(([fact, key]) => {
      const source = facility.factSources[fact as keyof typeof facility.factSources];
      return source ? parseCitations(source).map((c) => ({ ...c, about: t(key) })) : [];
    }),
    ...parseCitations(facility.source).map((c) => ({ ...c, about: t("factGeneral") })),
  ];
  const seen = new Set<string>();
  const uniqueCitations = citations.filter((c) => {
    const key = `${c.about}|${c.url ?? c.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
        <dd>
          {t.label("facilityKind", kind)}
          {facility.subtype ? ` · ${t.label("facilitySubtype", facility.subtype)}` : ""}
        </dd>
        <dt>{t("address")}</dt>
        <Fact value={facility.address} unknown={t("unknownFact")} />
        <dt>{t("phone")}</dt>
        <Fact value={facility.phone} unknown={t("unknownFact")} />
        <dt>{t("website")}</dt>
        <Fact value={facility.website} unknown={t("unknownFact")} link />
        <FactIfAny term={t("openingHours")}>{facility.openingHours}</FactIfAny>
        <dt>{t("region")}</dt>
        <dd>{t.nameOf(region)}</dd>
        <FactIfAny term={t("anchorGroup")}>{facility.anchorGroup ? t.nameOf(facility.anchorGroup) : null}</FactIfAny>
        <FactIfAny term={t("coAnchorGroups")}>{facility.coAnchorGroups.map((a) => t.nameOf(a)).join(", ")}</FactIfAny>
        <dt>{t("industries")}</dt>
        <dd>
          {sectors.map((s) => (
            <Tag key={s.code}>
              {s.code} {t.nameOf(s)}
            </Tag>
          ))}
          {industriesNote ? <div>{industriesNote}</div> : null}
        </dd>
        <FactIfAny term={t("services")}>
          {facility.services.length > 0
            ? facility.services.map((s) => <Tag key={s}>{t.label("service", s)}</Tag>)
            : null}
        </FactIfAny>
        <FactIfAny term={t("opened")}>{facility.opened}</FactIfAny>
        <dt>{t("whereItIs")}</dt>
        <dd data-testid="facility-precision">
          {t.dynamic(`precision_${facility.precision}`)}
          {locationNote ? <div>{locationNote}</div> : null}
        </dd>
      </dl>
      <p>
        <ButtonLink to={inquiryHref({ type: "facility", id: facility.id }, {}, lang)} data-testid="ask-for-help">
          {t("inquiryAsk")}
        </ButtonLink>
      </p>

      <FacilityMap
        facilities={[facility]}
        kinds={[kind]}
        visibleKinds={[kind]}
        regions={regionLabels}
        lang={lang}
        t={t}
        basemap={basemap}
        focus={{ lng: facility.lng, lat: facility.lat, zoom: PRECISION_ZOOM[facility.precision] ?? 9 }}
        interactive={false}
      />

      <h2>{t("nearby")}</h2>
      {nearby.length === 0 ? <p>{t("noNearby")}</p> : null}
      <ul data-testid="nearby">
        {nearby.map((n) => (
          <li key={n.id}>
            <Link to={`/facilities/${encodeURIComponent(n.id)}${lang === "en" ? "?lang=en" : ""}`}>{t.nameOf(n)}</Link>{" "}
            <span className="meta">
              {t.label("facilityKind", n.kind)} · {t("kmAway", { km: n.km < 1 ? "1" : Math.round(n.km) })}
            </span>
          </li>
        ))}
      </ul>

      <h2>{t("programsOffered")}</h2>
      {programs.length === 0 ? <p>{t("noPrograms")}</p> : null}
      <ul>
        {programs.map((p) => (
          <li key={p.id}>
            <strong>{t.nameOf(p)}</strong>{" "}
            <Link to={inquiryHref({ type: "program", id: p.id }, {}, lang)} data-testid="ask-for-help-program">
              {t("inquiryAsk")}
            </Link>
            <div className="meta">
              {t("targetClasses")}: {p.targetPavittClasses.map((c) => t.label("pavittClass", c)).join(", ")}
              {p.diffusionLevel ? ` · ${t("diffusionLevel")}: ${t.label("diffusionLevel", p.diffusionLevel)}` : ""}
              {p.deliveryMode ? ` · ${t("deliveryMode")}: ${t.label("deliveryMode", p.deliveryMode)}` : ""}
              {p.smeOnly ? ` · ${t("smeOnly")}` : ""}
            </div>
            <div className="meta">
              {t("source")}:{" "}
              {parseCitations(p.source).map((c, i) => (
                <span key={i}>
                  {i > 0 ? " · " : ""}
                  {c.url ? (
                    <a href={c.url} rel="noopener noreferrer">
                      {c.label}
                    </a>
                  ) : (
                    c.label
                  )}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>

      <h2>{t("sources")}</h2>
      <ul className="citations" data-testid="citations">
        {uniqueCitations.map((c, i) => (
          <li key={i}>
            <span className="meta">{c.about}</span>{" "}
            {c.url ? (
              <a href={c.url} rel="noopener noreferrer">
                {c.label}
              </a>
            ) : (
              <cite>{c.label}</cite>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
