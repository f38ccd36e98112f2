import path from "node:path";
import { z } from "zod";
import { isIsoDate } from "./clock";
import type { ThrottlePolicy } from "./domain/login-throttle";
import type { BasemapChoice } from "./map/basemap";

const optionalUrl = (protocols: string[], hint: string) =>
  z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .optional()
    .refine((value) => value === undefined || isUrlWithProtocol(value, protocols), {
      message: hint,
    });

function isUrlWithProtocol(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce
      .number({ invalid_type_error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be between 1 and 65535")
      .max(65535, "must be between 1 and 65535")
      .default(3000),
    HOST: z.string().trim().min(1, "must not be empty").default("127.0.0.1"),
    DATA_DIR: z.string().trim().min(1, "must not be empty").default(".data"),
    DATABASE_URL: optionalUrl(["postgres:", "postgresql:"], "must be a postgres:// or postgresql:// URL"),
    MEILI_HOST: optionalUrl(["http:", "https:"], "must be an http:// or https:// URL"),
    MEILI_API_KEY: z.string().trim().optional(),
    MAP_STYLE_URL: optionalUrl(["http:", "https:"], "must be an http:// or https:// URL"),
    MAP_PMTILES_URL: optionalUrl(["http:", "https:"], "must be an http:// or https:// URL of a .pmtiles archive"),
    MAP_ASSETS_URL: optionalUrl(
      ["http:", "https:"],
      "must be an http:// or https:// URL of the fonts and sprites folder",
    ),
    TRUST_PROXY: z
      .string()
      .trim()
      .transform((value) => (value === "" || value === "false" ? "0" : value))
      .pipe(
        z
          .string()
          .regex(
            /^\d{1,2}$/,
            "must be the number of proxies in front of the app (0 for none, 1 for one reverse proxy); `true` would trust any X-Forwarded-For a client makes up",
          ),
      )
      .transform(Number)
      .default("0"),
    API_RATE_LIMIT: z.coerce
      .number({ invalid_type_error: "must be a number" })
      .int("must be a whole number")
      .min(0, "must be 0 (no limit) or more")
      .default(600),
    ADMIN_EMAIL: z
      .string()
      .trim()
      .email("must be an email address")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    ADMIN_PASSWORD: z
      .string()
      .min(12, "must have at least 12 characters")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    CLOCK_DATE: z
      .string()
      .trim()
      .optional()
      .refine((value) => !value || isIsoDate(value), { message: "must be a calendar date YYYY-MM-DD" }),
    BIZINFO_API_KEY: z.string().trim().optional(),
    KSTARTUP_SERVICE_KEY: z.string().trim().optional(),
    BIZINFO_API_URL: optionalUrl(["http:", "https:"], "must be an http:// or https:// URL"),
    KSTARTUP_API_URL: optionalUrl(["http:", "https:"], "must be an http:// or https:// URL"),
    SMTP_URL: optionalUrl(["smtp:", "smtps:"], "must be an smtp:// or smtps:// URL"),
    MAIL_FROM: z
      .string()
      .trim()
      .email("must be an email address")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .refine((value) => !value.MAP_PMTILES_URL || value.MAP_ASSETS_URL, {
    path: ["MAP_ASSETS_URL"],
    message: "is needed with MAP_PMTILES_URL: the basemap's labels need its fonts",
  });

export type AppConfig = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  meiliHost?: string;
  meiliApiKey?: string;
  /** What the maps draw beneath the facilities (see README, "Basemap"). */
  basemap: BasemapChoice;
  /**
   * How many reverse proxies stand in front of the app (0: none). The client address is the
   * X-Forwarded-For entry that many hops from the end, and the protocol comes from
   * X-Forwarded-Proto; addresses a client puts before them are ignored.
   */
  trustProxyHops?: number;
  /** Requests per minute per client address on /api/* (0: no limit). */
  apiRateLimit?: number;
  /** Read once at start to create the first administrator (see README, "Council workspace"). */
  firstAdmin?: { email?: string; password?: string };
  /** Keys and endpoints of the announcement portals; the daily sync runs only for portals with a key. */
  programSources?: ProgramSourceConfig;
  /** Outgoing mail (request notices and replies): SMTP when smtpUrl is set, else kept in the database. */
  mail?: { smtpUrl?: string; from?: string };
  /** The sign-in throttle's delays (default: PAIR_POLICY and ADDRESS_POLICY in app/domain/login-throttle.ts). */
  loginThrottle?: { pair: ThrottlePolicy; address: ThrottlePolicy };
};

export interface ProgramSourceConfig {
  bizinfo: { apiKey?: string; url: string };
  kstartup: { serviceKey?: string; url: string };
}

export const BIZINFO_DEFAULT_URL = "https://www.bizinfo.go.kr/uss/rss/bizinfoApi.do";
export const KSTARTUP_DEFAULT_URL =
  "https://apis.data.go.kr/B552735/kisedKstartupService01/getAnnouncementInformation01";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and checks the environment once; a bad value names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const value = parsed.data;
  return {
    env: value.NODE_ENV,
    port: value.PORT,
    host: value.HOST,
    dataDir: path.resolve(value.DATA_DIR),
    databaseUrl: value.DATABASE_URL,
    meiliHost: value.MEILI_HOST,
    meiliApiKey: value.MEILI_API_KEY || undefined,
    basemap: value.MAP_STYLE_URL
      ? { kind: "style", url: value.MAP_STYLE_URL }
      : value.MAP_PMTILES_URL && value.MAP_ASSETS_URL
        ? { kind: "pmtiles", archiveUrl: value.MAP_PMTILES_URL, assetsUrl: value.MAP_ASSETS_URL }
        : { kind: "offline" },
    trustProxyHops: value.TRUST_PROXY,
    apiRateLimit: value.API_RATE_LIMIT,
    firstAdmin: { email: value.ADMIN_EMAIL, password: value.ADMIN_PASSWORD },
    programSources: programSourcesOf(value),
    mail: { smtpUrl: value.SMTP_URL, from: value.MAIL_FROM },
  };
}

function programSourcesOf(value: z.output<typeof configSchema>): ProgramSourceConfig {
  return {
    bizinfo: { apiKey: value.BIZINFO_API_KEY || undefined, url: value.BIZINFO_API_URL ?? BIZINFO_DEFAULT_URL },
    kstartup: {
      serviceKey: value.KSTARTUP_SERVICE_KEY || undefined,
      url: value.KSTARTUP_API_URL ?? KSTARTUP_DEFAULT_URL,
    },
  };
}
