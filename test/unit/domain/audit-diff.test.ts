import { describe, expect, it } from "vitest";
import { auditChanges, auditValueText } from "~/domain/audit-diff";

describe("the audit diff", () => {
  it("lists only the fields that changed, old value then new, with lists joined", () => {
    const before = {
      status: "published",
      version: 3,
      nameKo: "옛 이름",
      industries: ["26"],
      services: ["networking", "training"],
      url: null,
      phone: "053-000-0000",
    };
    const after = {
      status: "published",
      version: 4,
      nameKo: "새 이름",
      industries: ["26", "58"],
      services: ["networking", "training"],
      url: "https://new.example.kr",
      phone: "053-000-0000",
    };
    expect(auditChanges(before, after)).toEqual([
      { field: "nameKo", before: "옛 이름", after: "새 이름" },
      { field: "industries", before: "26", after: "26, 58" },
      { field: "url", before: "", after: "https://new.example.kr" },
    ]);
  });

  it("compares only what the change recorded: an edit's fields beside the snapshot's status are not a change of status", () => {
    const snapshot = { status: "published", version: 2, nameKo: "센터", lat: 35.87 };
    expect(auditChanges(snapshot, { nameKo: "센터", lat: 35.8701 })).toEqual([
      { field: "lat", before: "35.87", after: "35.8701" },
    ]);
    expect(auditChanges({ status: "published", version: 2 }, { status: "archived", version: 3 })).toEqual([
      { field: "status", before: "published", after: "archived" },
    ]);
  });

  it("shows what a creation set and what a removal dropped, and nothing for empty values", () => {
    expect(auditChanges(null, { nameKo: "새 센터", url: null, industries: [], summaryKo: " " })).toEqual([
      { field: "nameKo", before: "", after: "새 센터" },
    ]);
    expect(auditChanges({ nameKo: "버린 초안", services: ["consulting"] }, null)).toEqual([
      { field: "nameKo", before: "버린 초안", after: "" },
      { field: "services", before: "consulting", after: "" },
    ]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  it("names values through the caller, item by item, and compares what the reader sees", () => {
    const label = (field: string, value: string | number | boolean) =>
      field === "services" ? `<${String(value)}>` : String(value);
    expect(auditChanges({ services: ["a"] }, { services: ["a", "b"] }, label)).toEqual([
      { field: "services", before: "<a>", after: "<a>, <b>" },
    ]);
    expect(auditValueText("withdrawn", true)).toBe("true");
    expect(auditValueText("contacts", { url: "x" })).toBe('{"url":"x"}');
  });
});
