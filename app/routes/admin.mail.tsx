import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Card } from "~/components/ui";
import { loadMailOutbox } from "~/admin/mail.server";
import { requireUser } from "~/auth/user.server";
import { metaT, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("mailOutbox")} — ${t("appName")}` }];
};

/** Administrators read the mail the app wrote: without SMTP_URL this is the only place it goes. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context.services, { roles: ["admin"] });
  return loadMailOutbox(context.services);
}

export default function MailOutboxPage() {
  const { smtp, mail } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main className="page">
      <h1>{t("mailOutbox")}</h1>
      <p className="hint">{smtp ? t("mailOutboxSmtp") : t("mailOutboxIntro")}</p>
      {mail.length === 0 ? (
        <p>{t("mailOutboxEmpty")}</p>
      ) : (
        <ul className="mail-list" data-testid="mail-outbox">
          {mail.map((m) => (
            <Card as="li" key={m.id}>
              <dl className="facts">
                <dt>{t("mailTo")}</dt>
                <dd>{m.to ?? t("mailErased")}</dd>
                <dt>{t("mailSubject")}</dt>
                <dd>{m.subject}</dd>
                <dt>{t("mailCreated")}</dt>
                <dd>{t.format.dateTime(m.createdAt)}</dd>
                <dt>{t("mailSent")}</dt>
                <dd>
                  {m.sentAt
                    ? t.format.dateTime(m.sentAt)
                    : `${t("mailNotSent")}${m.lastError ? ` (${m.lastError})` : ""}`}
                </dd>
              </dl>
              {m.body !== null && <pre className="inquiry-text">{m.body}</pre>}
            </Card>
          ))}
        </ul>
      )}
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
