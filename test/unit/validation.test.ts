import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseMatchInput } from "~/match/input";
import { check, entriesObject, errorBody, field } from "~/validation";

const known = { ksicDivisions: new Set(["13", "29"]), regionCodes: new Set(["11", "27"]) };

describe("field rules", () => {
  const schema = z.object({
    name: field.text({ max: 5, required: true }),
    note: field.text({ max: 20, multiline: true }),
    count: field.number({ min: 0, max: 10, integer: true }),
    kinds: field.choices(["a", "b"] as const),
  });

  it("never coerces arrays, objects or booleans, and says what was expected", () => {
    const result = check(schema, { name: ["x"], count: [3], note: { toString: 1 }, kinds: "a" });
    expect(!result.ok && result.issues).toEqual([
      { field: "name", code: "one_value" },
      { field: "note", code: "wrong_type", params: { expected: "text" } },
      { field: "count", code: "one_value" },
      { field: "kinds", code: "wrong_type", params: { expected: "list" } },
    ]);
    expect(check(schema, { name: "x", count: true }).ok).toBe(false);
  });

  it("refuses NUL and other control characters, and U+FFFD, but keeps line breaks in multi-line text", () => {
    const codes = (input: object) => {
      const result = check(schema, { name: "ok", ...input });
      return result.ok ? [] : result.issues.map((i) => `${i.field}:${i.code}`);
    };
    expect(codes({ name: "a\u0000b" })).toEqual(["name:control_chars"]);
    expect(codes({ name: "지\uFFFD도" })).toEqual(["name:control_chars"]);
    expect(codes({ note: "line one\nline two" })).toEqual([]);
    expect(codes({ note: "bell\u0007" })).toEqual(["note:control_chars"]);
  });

  it("reads numbers as numbers or plain digits only", () => {
    for (const bad of ["0x10", "1e3", "Infinity", "NaN", " ", "3 apples"]) {
      const result = check(schema, { name: "x", count: bad });
      expect(result.ok && bad.trim() !== "", bad).toBe(false);
    }
    expect(check(schema, { name: "x", count: "7" })).toEqual({
      ok: true,
      value: { name: "x", note: null, count: 7, kinds: [] },
    });
  });

  it("reports a repeated query parameter instead of taking the first", () => {
    const params = new URLSearchParams("name=a&name=b&kinds=a&kinds=b");
    const result = check(schema, entriesObject(params));
    expect(!result.ok && result.issues).toEqual([{ field: "name", code: "one_value" }]);
  });
});

describe("the error body", () => {
  it("names the field, its code, and the message in the request's language and both languages", () => {
    const result = parseMatchInput({ ksicDivision: "29", employees: "many", regionCode: "11" }, known);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(errorBody(result.issues, "en", { employees: { ko: "종업원 수", en: "Employees" } })).toEqual({
      errors: [
        {
          field: "employees",
          code: "not_a_number",
          message: "Employees: must be a number.",
          ko: "종업원 수: 숫자를 입력하세요.",
          en: "Employees: must be a number.",
        },
      ],
    });
  });

  it("refuses unknown fields in a profile and objects where codes belong", () => {
    const result = parseMatchInput(
      {
        ksicDivision: "29",
        employees: 5,
        regionCode: "11",
        answers: { techSource: { toString: 1 } },
        colour: "red",
        location: { lat: 35, lng: [127] },
      },
      known,
    );
    expect(!result.ok && result.issues.map((i) => `${i.field}:${i.code}`).sort()).toEqual([
      "answers.techSource:wrong_type",
      "colour:unknown_field",
      "location:lat_lng",
    ]);
  });
});
