import nodemailer, { type Transporter } from "nodemailer";
import type { Kysely, Transaction } from "kysely";
import { claimPendingMail, markMailFailed, markMailSent } from "../../db/queries/inquiries";
import type { Database } from "../../db/schema";

/**
 * Outgoing mail goes through the mail_outbox table, written in the same
 * transaction as the change it reports. With SMTP_URL set, delivery sends
 * what is pending right after the change and again on every tick of the
 * background loop (so a message the server refused is retried); without it
 * the messages stay in the table, and administrators read them at /admin/mail.
 */
export interface Mailer {
  /** Null when no SMTP server is configured: mail is kept, never dropped. */
  transport: Transporter | null;
  from: string;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  return { transport: smtpUrl ? nodemailer.createTransport(smtpUrl) : null, from };
}

const BATCH = 50;
/** After this many failed attempts a message waits for an administrator instead of being retried forever. */
export const MAX_MAIL_ATTEMPTS = 8;

/** Sends pending mail; returns how many were sent. Safe to run in several processes at once (rows are claimed SKIP LOCKED). */
export async function deliverPendingMail(db: Kysely<Database>, mailer: Mailer): Promise<number> {
  if (!mailer.transport) return 0;
  return db.transaction().execute((trx) => deliverPendingMailIn(trx, mailer));
}

/** The same inside the caller's transaction (the background job's, which holds its advisory lock). */
export async function deliverPendingMailIn(trx: Transaction<Database>, mailer: Mailer): Promise<number> {
  const transport = mailer.transport;
  if (!transport) return 0;
  const pending = (await claimPendingMail(trx, BATCH)).filter((mail) => mail.attempts < MAX_MAIL_ATTEMPTS);
  let sent = 0;
  for (const mail of pending) {
    if (!mail.to || mail.body === null) continue;
    try {
      await transport.sendMail({ from: mailer.from, to: mail.to, subject: mail.subject, text: mail.body });
      await markMailSent(trx, mail.id);
      sent++;
    } catch (error) {
      await markMailFailed(trx, mail.id, error instanceof Error ? error.message : String(error));
    }
  }
  return sent;
}
