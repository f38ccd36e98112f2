import type { ListingType } from "./listings";

/** What an entry of the audit trail records: one change a person (or the retention job) made. */
export type AuditAction =
  | "draft_create"
  | "draft_update"
  | "draft_discard"
  | "publish"
  | "archive"
  | "restore"
  | "archive_request"
  | "restore_request"
  | "import"
  | "password_change"
  | "password_reset"
  | "inquiry_submit"
  | "inquiry_accept"
  | "inquiry_start"
  | "inquiry_close"
  | "inquiry_refer"
  | "inquiry_receive"
  | "inquiry_reply"
  | "inquiry_note"
  | "inquiry_withdraw"
  | "inquiry_erase";

/** What an audit entry is about. */
export type AuditEntityType = ListingType | "inquiry" | "user";
