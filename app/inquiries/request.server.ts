import type { Services } from "~/services.server";
import { INQUIRY_LIMITS, parseInquiryInput, type InquiryInput } from "./input";
import type { Checked } from "~/validation";

/** The codes a profile may name, from the reference data. */
export async function inquiryKnown(services: Services) {
  const codes = await services.referenceCodes();
  return { ksicDivisions: new Set(codes.ksicDivisions), regionCodes: new Set(codes.regionCodes) };
}

export async function checkInquiry(services: Services, raw: unknown, fromForm = false): Promise<Checked<InquiryInput>> {
  return parseInquiryInput(raw, await inquiryKnown(services), { fromForm });
}

/** The client's address as the edge saw it; requests without one share a key, which only makes their limit stricter. */
export function clientAddress(context: { clientAddress?: string }): string {
  return context.clientAddress ?? "unknown";
}

export { INQUIRY_LIMITS };
