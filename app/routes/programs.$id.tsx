import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ButtonLink, Card, Table } from "~/components/ui";
import { hangulLang } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import { inquiryHref } from "~/inquiries/link";
import { loadProgramPage } from "~/programs/page.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  if (!data) return [{ title: t("notFoundTitle") }];
  return [{ title: `${t.nameOf(data.program)} — ${t("appName")}` }];
};

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const data = await loadProgramPage(context.services, params.id, new URL(request.url).searchParams);
  if (!data) throw new Response("Not found", { status: 404 });
  return data;
}

export default function ProgramPage() {
  const { program, fit, profileQuery, profileHint } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = t.lang;
  const name = t.nameOf(program);
  const summary = lang === "ko" ? program.summaryKo : (program.summaryEn ?? program.summaryKo);
  const agency = program.call
    ? [program.call.agency, program.call.executingAgency].filter(Boolean).join(" · ")
    : t.nameOf({ ko: program.providerAgencyKo ?? "", en: program.providerAgencyEn ?? "" });
  const window = program.window;
  return (
    <main className="page" data-testid="program-page" data-program-id={program.id} data-status={program.status}>
      <p>
        {profileQuery ? (
          <Link to={`/match?${profileQuery}`}>← {t("program.backToMatch")}</Link>
        ) : (
          <Link to={lang === "en" ? "/?lang=en" : "/"}>← {t("backToMap")}</Link>
        )}
      </p>
      <h1 lang={hangulLang(lang, name)}>{name}</h1>
      <dl className="facts">
        <dt>{t("program.status")}</dt>
        <dd data-testid="program-status">
          <strong>{t.label("programStatus", program.status)}</strong>
          {(program.status === "open" || program.status === "closing_soon") && program.daysLeft !== null
            ? ` · ${program.daysLeft === 0 ? t("program.closesToday") : t("program.closesIn", { count: program.daysLeft })}`
            : ""}
          {program.status === "upcoming" && window?.start ? ` · ${t("program.opensOn", { start: window.start })}` : ""}
        </dd>
        <dt>{t("program.window")}</dt>
        <dd data-testid="program-window">
          {window === null
            ? t("program.noWindow")
            : window.end
              ? `${window.start ?? ""} ~ ${window.end}`
              : window.start
                ? t("program.windowOpenEnded", { start: window.start })
                : t("program.windowOpenEndedNoStart")}
        </dd>
        <dt>{t("program.category")}</dt>
        <dd>
          {t.label("programCategory", program.category)}
          {program.call?.supportField ? (
            <span lang={hangulLang(lang, program.call.supportField)}> ({program.call.supportField})</span>
          ) : null}
        </dd>
        <dt>{t("program.regions")}</dt>
        <dd>
          {program.regionScope === "national"
            ? t("program.nationwide")
            : program.regionCodes.map((code) => t.label("region", code)).join(", ")}
        </dd>
        {agency ? (
          <>
            <dt>{t("program.agency")}</dt>
            <dd lang={hangulLang(lang, agency)}>{agency}</dd>
          </>
        ) : null}
        {program.applyUrl ? (
          <>
            <dt>{t("program.apply")}</dt>
            <dd>
              <a href={program.applyUrl} rel="noopener noreferrer" data-testid="program-apply">
                {program.applyUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <ButtonLink to={inquiryHref({ type: "program", id: program.id }, profileHint, lang)} data-testid="ask-for-help">
          {t("inquiryAsk")}
        </ButtonLink>
      </p>

      {fit ? (
        <Card data-testid="program-fit" data-eligible={String(fit.eligible)}>
          <h2>{t("program.fitTitle")}</h2>
          <p>
            <strong>{fit.eligible ? t("program.fitYes") : t("program.fitNo")}</strong>
          </p>
          <ul className="reasons">
            {fit.reasons.map((reason, index) => (
              <li key={`${reason.rule}-${index}`} data-rule={reason.rule}>
                {reason[lang]}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <h2>{t("program.offer")}</h2>
      {summary ? (
        <>
          {program.call ? <p className="hint">{t("program.summaryFrom")}</p> : null}
          <p className="preformatted" lang={hangulLang(lang, summary)}>
            {summary}
          </p>
        </>
      ) : null}

      {program.readings.length > 0 ? (
        <>
          <h2>{t("program.eligibility")}</h2>
          <Table
            testId="program-readings"
            className="readings"
            caption={t("program.eligibility")}
            columns={[
              { key: "meaning", label: t("program.readingMeaning") },
              { key: "field", label: t("program.readingField") },
              { key: "value", label: t("program.readingValue") },
            ]}
          >
            {program.readings.map((reading, index) => (
              <tr key={`${reading.rule}-${index}`} data-rule={reading.rule}>
                <td>{reading[lang]}</td>
                <td>
                  <code>{reading.field}</code>
                </td>
                <td lang="ko">{reading.value}</td>
              </tr>
            ))}
          </Table>
        </>
      ) : null}

      {program.call && program.call.attachments.length > 0 ? (
        <>
          <h2>{t("program.attachments")}</h2>
          <ul>
            {program.call.attachments.map((file, index) => (
              <li key={`${file.name}-${index}`} lang="ko">
                {file.url ? (
                  <a href={file.url} rel="noopener noreferrer">
                    {file.name}
                  </a>
                ) : (
                  file.name
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("program.sources")}</h2>
      {program.sources.length > 0 ? (
        <ul data-testid="program-sources">
          {program.sources.map((source) => (
            <li key={`${source.portal}-${source.id}`}>
              {t.label("portal", source.portal)} {source.id}
              {source.url ? (
                <>
                  {" · "}
                  <a href={source.url} rel="noopener noreferrer">
                    {t("program.detailPage")}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {t("program.curatedSource")}: <span lang="en">{program.source}</span>
        </p>
      )}
      {program.call ? (
        <p className="meta">
          {t("program.lastSync")}: {t.format.dateTime(program.call.lastSyncedAt)}
        </p>
      ) : null}
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
