import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { Button, Field, Notice, Select } from "~/components/ui";
import { BackLinkPage } from "~/components/BackLinkPage";
import { useEffect } from "react";
import { requireMutation } from "~/auth/csrf.server";
import { forbidden, requireUser } from "~/auth/user.server";
import { CsrfField } from "~/components/CsrfField";
import { ImportProblems } from "~/components/ImportProblems";
import { checkImportFile, findJob, findPlan, isImportable, startImport } from "~/council/import.server";
import { loadRegion, requireRegionAccess } from "~/council/routes.server";
import { MAX_IMPORT_BYTES } from "~/domain/listing-import";
import { issueMessage } from "~/validation";
import { FACILITY_COLUMNS, PROGRAM_COLUMNS } from "~/domain/listings";
import { resolveLang, translator } from "~/i18n";
import { pageTitle, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "importCsv");

const EDIT_ROLES = ["admin", "council_editor"] as const;
const SHOWN_PROBLEMS = 200;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services, { roles: [...EDIT_ROLES] });
  const region = await loadRegion(context.services, params.region);
  requireRegionAccess(user, region, "edit");
  const lang = resolveLang(request).lang;
  const t = translator(lang);
  const search = new URL(request.url).searchParams;
  const plan = search.get("plan") ? await findPlan(context.services, user, search.get("plan")!) : null;
  const job = search.get("job") ? await findJob(context.services, user, search.get("job")!) : null;
  return {
    region,
    plan: plan && {
      id: plan.id,
      type: plan.type,
      fileName: plan.fileName,
      encoding: plan.encoding,
      rowCount: plan.check.rows.length + new Set(plan.check.problems.map((p) => p.row)).size,
      importable: isImportable(plan),
      preview: plan.preview,
      fileProblems: plan.check.fileProblems.map((p) => issueMessage(p, lang)),
      problemCount: plan.check.problems.length,
      problems: plan.check.problems.slice(0, SHOWN_PROBLEMS).map((p) => ({
        row: p.row,
        column: p.field,
        columnLabel: t.dynamic(`field_${p.field}`),
        message: issueMessage(p, lang),
      })),
      sample: plan.check.rows.slice(0, 10).map((r) => ({
        row: r.row,
        externalId: r.fields.externalId,
        nameKo: r.fields.nameKo,
        nameEn: r.fields.nameEn,
      })),
    },
    job: job && {
      id: job.id,
      total: job.total,
      done: job.done,
      state: job.state,
      failure: job.failure,
      summary: job.summary,
      seconds: ((job.finishedAt?.getTime() ?? Date.now()) - job.startedAt.getTime()) / 1000,
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const region = await loadRegion(context.services, params.region);
  const t = translator(resolveLang(request).lang);
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_IMPORT_BYTES + 64 * 1024)
    return data({ error: t("importTooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 }) }, { status: 413 });
  let mutation;
  try {
    mutation = await requireMutation(request, context.services, {
      roles: [...EDIT_ROLES],
      parseForm: (r) =>
        unstable_parseMultipartFormData(r, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES })),
    });
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return data({ error: t("importTooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 }) }, { status: 413 });
    throw error;
  }
  const { user, form } = mutation;
  requireRegionAccess(user, region, "edit");
  const base = `/council/${region.code}/import`;
  if (form.get("intent") === "commit") {
    const started = await startImport(context.services, user, String(form.get("plan") ?? ""), region.code);
    switch (started.kind) {
      case "started":
        return redirect(`${base}?job=${started.job.id}`);
      case "taken":
        return data({ error: t("importAlreadyStarted"), job: started.jobId }, { status: 409 });
      case "busy":
        return data({ error: t("importRegionBusy") }, { status: 409 });
      case "problems":
        return data({ error: t("importHasProblems") }, { status: 400 });
      case "forbidden":
        throw forbidden();
      case "expired":
        return data({ error: t("importPlanExpired") }, { status: 400 });
    }
  }
  const type = form.get("type");
  const file = form.get("file");
  if ((type !== "facility" && type !== "program") || !(file instanceof Blob) || file.size === 0)
    return data({ error: t("importChooseFile") }, { status: 400 });
  const plan = await checkImportFile(context.services, user, {
    regionCode: region.code,
    type,
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName: "name" in file ? String(file.name) : "upload.csv",
  });
  if (!plan) throw forbidden();
  return redirect(`${base}?plan=${plan.id}`);
}

function JobProgress({
  job,
}: {
  job: {
    total: number;
    done: number;
    state: string;
    failure: string | null;
    summary: { created: number; updated: number; unchanged: number } | null;
    seconds: number;
  };
}) {
  const t = useT();
  const revalidator = useRevalidator();
  useEffect(() => {
    if (job.state !== "running") return;
    const timer = setTimeout(() => revalidator.revalidate(), 400);
    return () => clearTimeout(timer);
  }, [job, revalidator]);
  return (
    <section data-testid="import-job" data-state={job.state}>
      <h2>{t("importProgress")}</h2>
      <progress max={job.total} value={job.done} aria-label={t("importProgress")} />
      <p>{t("importProgressCount", { done: job.done, total: job.total })}</p>
      {job.state === "done" && job.summary && (
        <Notice>
          {t("importDone", {
            created: job.summary.created,
            updated: job.summary.updated,
            unchanged: job.summary.unchanged,
            seconds: job.seconds.toFixed(1),
          })}
        </Notice>
      )}
      {job.state === "failed" && (
        <p className="form-error">{t(job.failure === "changed" ? "importChangedSinceCheck" : "importFailed")}</p>
      )}
    </section>
  );
}

export default function ImportPage() {
  const { region, plan, job } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <BackLinkPage backTo={`/council/${region.code}`} backLabel={t.nameOf(region)}>
      <h1>{t("importCsv")}</h1>
      {result?.error && (
        <Notice tone="error" className="form-error">
          {result.error}
        </Notice>
      )}
      {job && <JobProgress job={job} />}
      {plan && (
        <section data-testid="import-report">
          <h2>{t("importReport", { file: plan.fileName })}</h2>
          <p>
            {t("importSummary", {
              rows: plan.rowCount,
              encoding: plan.encoding?.toUpperCase() ?? "—",
              problems: plan.problemCount,
            })}
          </p>
          {plan.fileProblems.length > 0 && (
            <ul className="form-error">
              {plan.fileProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {plan.problems.length > 0 && (
            <>
              <p className="form-error">{t("importNothingCommitted")}</p>
              <ImportProblems problems={plan.problems} />
            </>
          )}
          {plan.importable && (
            <>
              <p>
                {t("importPreview", {
                  create: plan.preview.create,
                  update: plan.preview.update,
                  unchanged: plan.preview.unchanged,
                })}
              </p>
              <table className="data-table" data-testid="import-sample">
                <tbody>
                  {plan.sample.map((r) => (
                    <tr key={r.row}>
                      <td>{r.row}</td>
                      <td>{r.externalId}</td>
                      <td>{t.nameOf(r)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Form method="post" encType="multipart/form-data">
                <CsrfField />
                <input type="hidden" name="intent" value="commit" />
                <input type="hidden" name="plan" value={plan.id} />
                <Button type="submit">{t("importCommit", { count: plan.rowCount })}</Button>
              </Form>
            </>
          )}
        </section>
      )}
      <section>
        <h2>{t("importUpload")}</h2>
        <p>{t("importHelp")}</p>
        <p>
          {t("listingTypeFacility")}: <code>{FACILITY_COLUMNS.join(",")}</code>
          <br />
          {t("listingTypeProgram")}: <code>{PROGRAM_COLUMNS.join(",")}</code>
        </p>
        <Form method="post" encType="multipart/form-data" className="stacked-form">
          <CsrfField />
          <input type="hidden" name="intent" value="check" />
          <Field id="council-region-import-type" label={t("listingType")}>
            {(control) => (
              <Select {...control} name="type" defaultValue="facility">
                <option value="facility">{t("listingTypeFacility")}</option>
                <option value="program">{t("listingTypeProgram")}</option>
              </Select>
            )}
          </Field>
          <Field id="council-region-import-file" label={t("importFile")}>
            {(control) => <input {...control} type="file" name="file" accept=".csv,text/csv" required />}
          </Field>
          <Button type="submit">{t("importCheck")}</Button>
        </Form>
      </section>
    </BackLinkPage>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
