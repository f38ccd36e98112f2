import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { Button, Checkbox, Field } from "~/components/ui";
import { requireMutation } from "~/auth/csrf.server";
import { requireUser } from "~/auth/user.server";
import { CsrfField } from "~/components/CsrfField";
import { ImportProblems } from "~/components/ImportProblems";
import { importRegister } from "~/gaps/import.server";
import { MAX_REGISTER_BYTES } from "~/gaps/limits";
import { resolveLang, translator } from "~/i18n";
import { metaT, useT } from "~/i18n/react";
import { issueMessage } from "~/validation";

const IMPORT_ROLES = ["admin", "official"] as const;

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("gapsImportTitle") }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context.services, { roles: [...IMPORT_ROLES] });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { lang } = resolveLang(request);
  const t = translator(lang);
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_REGISTER_BYTES)
    return data({ ok: false as const, message: t("gapsImportTooLarge"), problems: [] }, { status: 413 });
  const { form } = await requireMutation(request, context.services, { roles: [...IMPORT_ROLES] });
  const file = form.get("register");
  if (!(file instanceof File) || file.size === 0)
    return data({ ok: false as const, message: t("gapsImportNoFile"), problems: [] }, { status: 400 });
  const result = await importRegister(
    context.services.database.db,
    await context.services.geocoder(),
    new Uint8Array(await file.arrayBuffer()),
    file.name,
    form.get("replace") === "on",
  );
  if (!result.ok)
    return data(
      {
        ok: false as const,
        message: t("gapsImportRejected", { count: result.problems.length }),
        problems: result.problems.map((p) => ({ row: p.row, column: p.field, message: issueMessage(p, lang) })),
      },
      { status: 400 },
    );
  return data({
    ok: true as const,
    message: t("gapsImportStored", { count: result.stored, encoding: result.encoding }),
    problems: [],
  });
}

export default function GapsImportPage() {
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = t.lang;
  return (
    <main className="page">
      <h1>{t("gapsImportTitle")}</h1>
      <p>{t("gapsImportHelp")}</p>
      <Form method="post" encType="multipart/form-data" className="stacked-form">
        <CsrfField />
        <Field id="gaps-import-register" label={t("gapsImportFile")}>
          {(control) => <input {...control} type="file" name="register" accept=".csv,text/csv" required />}
        </Field>
        <Checkbox name="replace" label={t("gapsImportReplace")} />
        <Button type="submit">{t("gapsImportSubmit")}</Button>
      </Form>
      {result ? (
        <div
          role={result.ok ? "status" : "alert"}
          className={result.ok ? "notice" : "form-error"}
          data-testid="import-result"
        >
          {result.message}
        </div>
      ) : null}
      {result && result.problems.length > 0 ? <ImportProblems problems={result.problems} /> : null}
      <p>
        <Link to={lang === "en" ? "/gaps?lang=en" : "/gaps"}>{t("navGaps")}</Link>
      </p>
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
