import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Notice, SelectField, Table, TextField } from "~/components/ui";
import { accountEmail, disableAccount, loadUserAdmin } from "~/admin/users.server";
import { AccountError, createUser, DuplicateEmailError } from "~/auth/accounts.server";
import { requireMutation } from "~/auth/csrf.server";
import { resetPassword } from "~/auth/password-change.server";
import { requireUser } from "~/auth/user.server";
import { CsrfField } from "~/components/CsrfField";
import { PasswordField } from "~/components/PasswordField";
import { ACCOUNT_FIELD_LABELS, PASSWORD_FIELD_LABELS, ROLES } from "~/domain/accounts";
import { resolveLang, translator } from "~/i18n";
import { pageTitle, useT } from "~/i18n/react";
import { field, issueMessage } from "~/validation";
import { RegionOptions } from "~/components/RegionOptions";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "adminUsers");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services, { roles: ["admin"] });
  return { me: user.id, ...(await loadUserAdmin(context.services)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requireMutation(request, context.services, { roles: ["admin"] });
  const lang = resolveLang(request).lang;
  const t = translator(lang);
  if (form.get("intent") === "disable") {
    const id = String(form.get("userId") ?? "");
    if (!field.isUuid(id) || id === user.id) return data({ errors: [t("accountCannotDisable")] }, { status: 400 });
    await disableAccount(context.services, id);
    return redirect("/admin/users");
  }
  if (form.get("intent") === "reset_password") {
    const id = form.get("userId");
    if (!field.isUuid(id))
      return data(
        { errors: [issueMessage({ field: "userId", code: "not_found" }, lang, PASSWORD_FIELD_LABELS)] },
        { status: 400 },
      );
    const reset = await resetPassword(context.services, user, {
      userId: id,
      next: form.get("newPassword"),
      confirmation: form.get("confirmPassword"),
    });
    if (!reset.ok)
      return data(
        { errors: "issues" in reset ? reset.issues.map((p) => issueMessage(p, lang, PASSWORD_FIELD_LABELS)) : [] },
        { status: 400 },
      );
    return data({ done: t("accountResetDone", { email: await accountEmail(context.services, id) }) });
  }
  try {
    await createUser(context.services.database.db, {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      role: String(form.get("role") ?? ""),
      regionCode: String(form.get("regionCode") ?? "") || null,
    });
  } catch (error) {
    if (error instanceof AccountError)
      return data({ errors: error.issues.map((p) => issueMessage(p, lang, ACCOUNT_FIELD_LABELS)) }, { status: 400 });
    if (error instanceof DuplicateEmailError) return data({ errors: [t("accountEmailTaken")] }, { status: 400 });
    throw error;
  }
  return redirect("/admin/users");
}

export default function AdminUsersPage() {
  const { me, users, regions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = t.lang;
  const regionName = (code: string | null) => {
    const region = regions.find((r) => r.code === code);
    return region ? t.nameOf(region) : "—";
  };
  return (
    <main className="page">
      <h1>{t("adminUsers")}</h1>
      <Table
        testId="users"
        columns={[
          { key: "email", label: t("email") },
          { key: "role", label: t("role") },
          { key: "region", label: t("region") },
          { key: "actions", label: "" },
        ]}
      >
        {users.map((u) => (
          <tr key={u.id}>
            <td>{u.email}</td>
            <td>{t(`role_${u.role}`)}</td>
            <td>{regionName(u.regionCode)}</td>
            <td>
              {u.disabledAt ? (
                t("accountDisabled")
              ) : u.id === me ? null : (
                <>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="disable" />
                    <input type="hidden" name="userId" value={u.id} />
                    <Button type="submit" variant="danger">
                      {t("accountDisable")}
                    </Button>
                  </Form>
                  <details>
                    <summary>{t("accountResetPassword")}</summary>
                    <Form method="post" className="reset-form" data-testid={`reset-${u.email}`}>
                      <CsrfField />
                      <input type="hidden" name="intent" value="reset_password" />
                      <input type="hidden" name="userId" value={u.id} />
                      <PasswordField
                        id={`reset-${u.id}-new`}
                        name="newPassword"
                        label={t("newPassword")}
                        purpose="new"
                      />
                      <PasswordField
                        id={`reset-${u.id}-confirm`}
                        name="confirmPassword"
                        label={t("confirmPassword")}
                        purpose="new"
                      />
                      <Button type="submit">{t("accountResetPassword")}</Button>
                    </Form>
                  </details>
                </>
              )}
            </td>
          </tr>
        ))}
      </Table>
      <h2>{t("accountCreate")}</h2>
      <Form method="post" className="stacked-form">
        <CsrfField />
        {result && "done" in result && <Notice live>{result.done}</Notice>}
        {result && "errors" in result && (
          <Notice as="div" tone="error" className="form-error">
            <ul>
              {result.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </Notice>
        )}
        <TextField id="new-user-email" label={t("email")} type="email" name="email" required maxLength={254} />
        <PasswordField
          id="new-user-password"
          name="password"
          label={`${t("password")} (${t("passwordRuleLong")})`}
          purpose="new"
        />
        <SelectField
          id="new-user-role"
          label={t("role")}
          name="role"
          required
          options={ROLES.map((role) => ({ value: role, label: t(`role_${role}`) }))}
        />
        <SelectField id="new-user-region" label={t("regionForCouncil")} name="regionCode" placeholder="—">
          <RegionOptions regions={regions} lang={lang} />
        </SelectField>
        <Button type="submit">{t("accountCreate")}</Button>
      </Form>
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
