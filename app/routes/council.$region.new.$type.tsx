import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMutation } from "~/auth/csrf.server";
import { requireUser } from "~/auth/user.server";
import { ListingForm } from "~/components/ListingForm";
import { saveDraft } from "~/council/listings.server";
import {
  answerOutcome,
  formFields,
  industryChoices,
  loadRegion,
  parseType,
  requireRegionAccess,
} from "~/council/routes.server";
import { listingColumns } from "~/domain/listings";
import { resolveLang } from "~/i18n";
import { pageTitle, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "councilWorkspace");

const EDIT_ROLES = ["admin", "council_editor"] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services, { roles: [...EDIT_ROLES] });
  const type = parseType(params.type);
  const region = await loadRegion(context.services, params.region);
  requireRegionAccess(user, region, "edit");
  return { type, region, industries: await industryChoices(context.services) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, form } = await requireMutation(request, context.services, { roles: [...EDIT_ROLES] });
  const type = parseType(params.type);
  const region = await loadRegion(context.services, params.region);
  const submitted = formFields(form, listingColumns(type));
  const outcome = await saveDraft(context.services, user, {
    type,
    regionCode: region.code,
    entityId: null,
    expected: "new",
    raw: submitted,
  });
  return answerOutcome(
    outcome,
    resolveLang(request).lang,
    (v) => `/council/${region.code}/${type}/${v.entityId}`,
    submitted,
  );
}

export default function NewListing() {
  const { type, region, industries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <main className="page">
      <h1>
        {t(type === "facility" ? "newFacility" : "newProgram")} — {t.nameOf(region)}
      </h1>
      <p>{t("draftExplanation")}</p>
      <ListingForm
        type={type}
        values={result?.submitted ?? {}}
        expected="new"
        problems={result?.problems ?? []}
        industries={industries}
        submitLabel={t("saveDraft")}
      />
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
