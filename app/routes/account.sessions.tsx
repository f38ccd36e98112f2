import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, Table } from "~/components/ui";
import { endOwnSession, loadAccountSessions } from "~/auth/account-sessions.server";
import { requireMutation } from "~/auth/csrf.server";
import { clearedSessionCookie } from "~/auth/session.server";
import { requireUser } from "~/auth/user.server";
import { CsrfField } from "~/components/CsrfField";
import { pageTitle, useT } from "~/i18n/react";
import { field } from "~/validation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "myAccount");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services);
  return loadAccountSessions(request, context.services, user);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requireMutation(request, context.services);
  const sessionId = form.get("session");
  if (!field.isUuid(sessionId)) throw new Response("Bad request", { status: 400 });
  const stillSignedIn = await endOwnSession(request, context.services, user, sessionId);
  return stillSignedIn
    ? redirect("/account/sessions")
    : redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie(context.services) } });
}

export default function SessionsPage() {
  const { email, role, sessions } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main className="page">
      <h1>{t("myAccount")}</h1>
      <p>
        {email} · {t(`role_${role}`)} · <Link to="/account/password">{t("passwordChangeTitle")}</Link>
      </p>
      <h2>{t("sessionsHeading")}</h2>
      <Table
        testId="sessions"
        columns={[
          { key: "device", label: t("sessionDevice") },
          { key: "address", label: t("sessionAddress") },
          { key: "started", label: t("sessionStarted") },
          { key: "lastSeen", label: t("sessionLastSeen") },
          { key: "end", label: "" },
        ]}
      >
        {sessions.map((s) => (
          <tr key={s.publicId}>
            <td>
              {s.userAgent ?? "—"} {s.current && <strong>({t("sessionThisOne")})</strong>}
            </td>
            <td>{s.address ?? "—"}</td>
            <td>{t.format.dateTime(s.createdAt)}</td>
            <td>{t.format.dateTime(s.lastSeenAt)}</td>
            <td>
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="session" value={s.publicId} />
                <Button type="submit">{t("sessionEnd")}</Button>
              </Form>
            </td>
          </tr>
        ))}
      </Table>
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
