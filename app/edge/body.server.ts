import { Transform, type TransformCallback } from "node:stream";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { MAX_IMPORT_BYTES } from "~/domain/listing-import";
import { MAX_REGISTER_BYTES } from "~/gaps/limits";
import { issue, type FieldIssue } from "~/validation";
import { sendError } from "./answer.server";

/** What a request to one kind of route may carry: media types and the most bytes read. */
export interface BodyRule {
  kind: "json" | "form" | "upload";
  mediaTypes: readonly string[];
  maxBytes: number;
  tooLarge: FieldIssue;
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;
/** Room for the other form fields and the multipart framing around an uploaded file. */
const FORM_FRAMING_BYTES = 64 * 1024;

export const JSON_API_RULE: BodyRule = {
  kind: "json",
  mediaTypes: ["application/json"],
  maxBytes: 16 * 1024,
  tooLarge: issue("", "body_too_large", { maxKb: 16 }),
};
/** The longest listing form (every text field at its limit, in percent-encoded Hangul) is about 120 KB. */
export const FORM_RULE: BodyRule = {
  kind: "form",
  mediaTypes: FORM_TYPES,
  maxBytes: 256 * 1024,
  tooLarge: issue("", "body_too_large", { maxKb: 256 }),
};
export const LISTING_UPLOAD_RULE: BodyRule = {
  kind: "upload",
  mediaTypes: ["multipart/form-data"],
  maxBytes: MAX_IMPORT_BYTES + FORM_FRAMING_BYTES,
  tooLarge: issue("file", "file_too_large", { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 }),
};
export const REGISTER_UPLOAD_RULE: BodyRule = {
  kind: "upload",
  mediaTypes: ["multipart/form-data"],
  maxBytes: MAX_REGISTER_BYTES + FORM_FRAMING_BYTES,
  tooLarge: issue("register", "file_too_large", { maxMb: MAX_REGISTER_BYTES / 1024 / 1024 }),
};

/** The rule for a path; Remix's client posts to the same path with a `.data` suffix. */
export function bodyRuleFor(path: string): BodyRule {
  const route = path.replace(/\.data$/, "");
  if (route.startsWith("/api/")) return JSON_API_RULE;
  if (/^\/council\/[^/]+\/import$/.test(route)) return LISTING_UPLOAD_RULE;
  if (route === "/gaps/import") return REGISTER_UPLOAD_RULE;
  return FORM_RULE;
}

export function mediaTypeOf(req: ExpressRequest): string {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Methods whose requests carry a body to check. */
export function carriesBody(method: string): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
}

/**
 * 415 for a media type the route does not read, 413 at once when Content-Length
 * is over the limit; otherwise the rule is kept for the body counter, which
 * stops a chunked or undeclared body as soon as it passes the limit.
 */
export function bodyGuard(req: ExpressRequest, res: ExpressResponse, next: () => void): void {
  if (!carriesBody(req.method)) return next();
  const rule = bodyRuleFor(req.path);
  const type = mediaTypeOf(req);
  if (!rule.mediaTypes.includes(type))
    return refuseUnread(req, res, 415, [issue("", "content_type", { expected: rule.mediaTypes.join(" / ") })]);
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > rule.maxBytes) return refuseUnread(req, res, 413, [rule.tooLarge]);
  res.locals.bodyRule = rule;
  next();
}

/** How long a refused body may keep arriving (dropped unread) before the connection is cut. */
const LINGER_MS = 10_000;
/** How long a client that went quiet after a refusal may keep its connection before it is cut. */
const QUIET_MAX_MS = 30_000;

/**
 * Answers without using the body. The bytes still arriving are dropped, not
 * kept. A client that keeps sending past LINGER_MS is cut; one that went quiet
 * (it declared more than it sent, say) is left to read the answer and close,
 * and cut only after QUIET_MAX_MS. Closing sooner would make the kernel reset
 * a connection whose answer the client has not read yet, and the reset throws
 * that answer away.
 */
export function refuseUnread(req: ExpressRequest, res: ExpressResponse, status: number, issues: FieldIssue[]): void {
  // Node closes the connection once it answers a request whose body is still arriving, and
  // destroys the socket as soon as the answer is written: the client, still sending, gets a
  // reset instead of the answer. Keeping the connection lets the rest drain, dropped.
  if (!req.complete) res.shouldKeepAlive = true;
  sendError(req, res, status, issues);
  req.unpipe();
  req.resume();
  if (req.complete) return;
  const refusedAt = Date.now();
  let lastBytesAt = refusedAt;
  const onData = () => (lastBytesAt = Date.now());
  req.on("data", onData);
  const watch = setInterval(() => {
    const now = Date.now();
    const stillSending = now - lastBytesAt < LINGER_MS / 2;
    if ((stillSending && now - refusedAt >= LINGER_MS) || now - refusedAt >= QUIET_MAX_MS) req.socket.destroy();
  }, LINGER_MS / 2);
  watch.unref();
  // The socket outlives this request when it is kept: every listener added here is taken off again.
  const socket = req.socket;
  const stop = () => {
    clearInterval(watch);
    req.off("data", onData);
    req.off("end", stop);
    socket.off("close", stop);
  };
  req.once("end", stop);
  socket.once("close", stop);
}

/** Passes the body through, counting; past maxBytes it calls tooLarge once and stops. */
export class BodyCounter extends Transform {
  private seen = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly tooLarge: () => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.byteLength;
    if (this.seen > this.maxBytes) {
      this.tooLarge();
      callback(new BodyTooLargeError(this.maxBytes));
      return;
    }
    callback(null, chunk);
  }
}

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body over ${maxBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}
