import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Notice } from "~/components/ui";
import { BackLinkPage } from "~/components/BackLinkPage";
import { requireMutation } from "~/auth/csrf.server";
import { requireUser } from "~/auth/user.server";
import { CsrfField } from "~/components/CsrfField";
import { FieldsTable } from "~/components/FieldsTable";
import { ListingForm } from "~/components/ListingForm";
import { AuditTable } from "~/components/AuditTable";
import { discardDraft, publishDraft, requestStatusChange, saveDraft } from "~/council/listings.server";
import { loadListingPage } from "~/council/pages.server";
import {
  answerOutcome,
  formFields,
  loadRegion,
  parseListingId,
  parseType,
  requireRegionAccess,
} from "~/council/routes.server";
import { listingColumns, toRawFields } from "~/domain/listings";
import { resolveLang } from "~/i18n";
import { pageTitle, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "councilWorkspace");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services);
  const type = parseType(params.type);
  const region = await loadRegion(context.services, params.region);
  requireRegionAccess(user, region, "view");
  const id = parseListingId(params.id);
  // The second step of archiving or restoring (?confirm=archive): a page that says what will happen, before anything is asked.
  const asked = new URL(request.url).searchParams.get("confirm");
  return loadListingPage(context.services, user, { region, type, id, asked });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, form } = await requireMutation(request, context.services, {
    roles: ["admin", "council_editor", "council_reviewer"],
  });
  const type = parseType(params.type);
  const region = await loadRegion(context.services, params.region);
  const lang = resolveLang(request).lang;
  const entityId = parseListingId(params.id);
  const expected = String(form.get("expected") ?? "");
  const here = `/council/${region.code}/${type}/${entityId}`;
  const common = { type, regionCode: region.code, entityId, expected };
  switch (form.get("intent")) {
    case "save": {
      const submitted = formFields(form, listingColumns(type));
      return answerOutcome(
        await saveDraft(context.services, user, { ...common, raw: submitted }),
        lang,
        () => here,
        submitted,
      );
    }
    case "publish": {
      const liveVersion = Number(form.get("liveVersion"));
      const outcome = await publishDraft(context.services, user, {
        ...common,
        liveVersion: form.get("liveVersion") && Number.isInteger(liveVersion) ? liveVersion : null,
      });
      return answerOutcome(outcome, lang, () => here, {});
    }
    case "discard":
      return answerOutcome(await discardDraft(context.services, user, common), lang, () => here, {});
    case "archive":
    case "restore":
      return answerOutcome(
        await requestStatusChange(context.services, user, { ...common, archived: form.get("intent") === "archive" }),
        lang,
        () => here,
        {},
      );
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
}

function Hidden({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

export default function ListingPage() {
  const { type, id, region, canEdit, canReview, live, draft, form, audit, industries, confirm } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = t.lang;
  const columns = listingColumns(type);
  const shown = draft?.fields ?? live?.fields ?? {};
  const conflict = result?.conflict ?? null;
  return (
    <BackLinkPage backTo={`/council/${region.code}`} backLabel={t.nameOf(region)}>
      <h1>
        {lang === "ko" ? shown.name_ko : shown.name_en}{" "}
        {live && (
          <span className={`badge ${live.status}`}>
            {t(live.status === "published" ? "statusPublished" : "statusArchived")}
          </span>
        )}{" "}
        {draft && <span className="badge draft">{t("statusDraft")}</span>}
      </h1>

      {confirm && live && (
        <Notice as="section" data-testid="confirm-status" aria-labelledby="confirm-title">
          <h2 id="confirm-title">{t(confirm === "archive" ? "confirmArchiveTitle" : "confirmRestoreTitle")}</h2>
          <p>{t(confirm === "archive" ? "confirmArchiveBody" : "confirmRestoreBody")}</p>
          <div className="button-row">
            <Form method="post" action={`/council/${region.code}/${type}/${id}`}>
              <CsrfField />
              <input type="hidden" name="intent" value={confirm} />
              <input type="hidden" name="expected" value={live.token} />
              <Button type="submit" variant={confirm === "archive" ? "danger" : "primary"}>
                {t(confirm === "archive" ? "confirmArchive" : "confirmRestore")}
              </Button>
            </Form>
            <Link to={`/council/${region.code}/${type}/${id}`}>{t("confirmCancel")}</Link>
          </div>
        </Notice>
      )}

      {!confirm && conflict && (
        <Notice as="section" tone="error" className="form-error" data-testid="conflict">
          <h2>{t("conflictTitle")}</h2>
          <p>{t(conflict.reason === "listing_changed" ? "conflictListingChanged" : "conflictDraftChanged")}</p>
          <div className="conflict-columns">
            <div>
              <h3>{t("conflictTheirs")}</h3>
              <FieldsTable
                columns={columns}
                values={toRawFields(type, conflict.theirs)}
                testId="conflict-theirs"
                caption={t("conflictTheirs")}
              />
            </div>
            <div>
              <h3>{t("conflictMine")}</h3>
              <FieldsTable
                columns={columns}
                values={toRawFields(type, conflict.mine)}
                compareWith={toRawFields(type, conflict.theirs)}
                testId="conflict-mine"
                caption={t("conflictMine")}
              />
            </div>
          </div>
          <div className="button-row">
            {conflict.reason === "draft_changed" && canEdit && (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="save" />
                <input type="hidden" name="expected" value={conflict.token} />
                <Hidden fields={toRawFields(type, conflict.mine)} />
                <Button type="submit">{t("conflictKeepMine")}</Button>
              </Form>
            )}
            {conflict.reason === "listing_changed" && canReview && draft && (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="publish" />
                <input type="hidden" name="expected" value={draft.token} />
                <input type="hidden" name="liveVersion" value={conflict.token.replace("live:", "")} />
                <Button type="submit">{t("conflictPublishAnyway")}</Button>
              </Form>
            )}
            <Link to={`/council/${region.code}/${type}/${id}`} reloadDocument>
              {t("conflictKeepTheirs")}
            </Link>
          </div>
        </Notice>
      )}

      {!confirm && draft && (
        <section>
          <h2>
            {draft.change === "archive"
              ? t("draftArchive")
              : draft.change === "restore"
                ? t("draftRestore")
                : draft.isNew
                  ? t("draftNewListing")
                  : t("draftPendingEdit")}
          </h2>
          {draft.change === "edit" ? (
            <FieldsTable
              columns={columns}
              values={draft.fields}
              compareWith={live?.fields}
              testId="draft-fields"
              caption={t("draftPendingEdit")}
            />
          ) : (
            <p data-testid="draft-fields">
              {t(draft.change === "archive" ? "draftArchiveExplanation" : "draftRestoreExplanation")}
            </p>
          )}
          <div className="button-row">
            {canReview && (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="publish" />
                <input type="hidden" name="expected" value={draft.token} />
                <Button type="submit">{t("publish")}</Button>
              </Form>
            )}
            {(canReview || canEdit) && (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="intent" value="discard" />
                <input type="hidden" name="expected" value={draft.token} />
                <Button type="submit">{canReview ? t("rejectDraft") : t("withdrawDraft")}</Button>
              </Form>
            )}
          </div>
        </section>
      )}

      {!confirm && live && (
        <section>
          <h2>{t("publishedVersion")}</h2>
          <FieldsTable columns={columns} values={live.fields} testId="live-fields" caption={t("publishedVersion")} />
          {canEdit &&
            (draft ? (
              <p className="hint">{t("statusChangeBlocked")}</p>
            ) : (
              <Form method="get">
                <input type="hidden" name="confirm" value={live.status === "published" ? "archive" : "restore"} />
                <Button type="submit">{live.status === "published" ? t("requestArchive") : t("requestRestore")}</Button>
              </Form>
            ))}
        </section>
      )}

      {!confirm && canEdit && !conflict && (
        <section>
          <h2>{t("editListing")}</h2>
          <p>{t("draftExplanation")}</p>
          <ListingForm
            type={type}
            values={result?.submitted && Object.keys(result.submitted).length > 0 ? result.submitted : form.fields}
            expected={form.token}
            problems={result?.problems ?? []}
            industries={industries}
            submitLabel={t("saveDraft")}
          />
        </section>
      )}

      <section>
        <h2>{t("auditTrail")}</h2>
        <AuditTable entries={audit} />
      </section>
    </BackLinkPage>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
