import { listMail } from "../../db/queries/inquiries";
import type { Services } from "~/services.server";

/** /admin/mail: the mail the app wrote, and whether it is sent on through SMTP. */
export async function loadMailOutbox(services: Services) {
  const mail = await listMail(services.database.db);
  return {
    smtp: services.mailer.transport !== null,
    mail: mail.map((m) => ({
      ...m,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      erasedAt: m.erasedAt?.toISOString() ?? null,
    })),
  };
}
