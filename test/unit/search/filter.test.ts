import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildFilter, formatFilterNumber, geoPointSort, quoteFilterValue } from "~/search/meilisearch/filter";
import { businessAgeMonths, callFactsFrom, checkCall } from "~/domain/programs/eligibility";
import type { FirmApplicantType } from "~/domain/programs/types";
import { required } from "~/required";
import type { SearchFilters } from "~/search/types";
import { ALL_DOCUMENTS, CALLS } from "../../contract/fixtures";

/**
 * A parser for the subset of Meilisearch's filter language the builder emits:
 *   expression := clause (" AND " clause)*
 *   clause     := attribute " = " string | attribute " IN [" string (", " string)* "]"
 *               | "(" clause " OR " clause ")" | "_geoRadius(" number ", " number ", " number ")"
 * Strings are read the way Meilisearch reads them: the closing quote is the first `"` not
 * preceded by a backslash that escapes it, then `\"` becomes `"`, then `\\` becomes `\`.
 */
type Clause =
  | { attribute: string; equals: string }
  | { attribute: string; in: string[] }
  | { or: [Clause, Clause] }
  | { geoRadius: [number, number, number] };

class FilterParser {
  private position = 0;

  constructor(private readonly text: string) {}

  parse(): Clause[] {
    const clauses = [this.clause()];
    while (this.position < this.text.length) {
      this.expect(" AND ");
      clauses.push(this.clause());
    }
    return clauses;
  }

  private clause(): Clause {
    if (this.peek("(")) {
      this.expect("(");
      const left = this.clause();
      this.expect(" OR ");
      const right = this.clause();
      this.expect(")");
      return { or: [left, right] };
    }
    if (this.peek("_geoRadius(")) {
      this.expect("_geoRadius(");
      const lat = this.number();
      this.expect(", ");
      const lng = this.number();
      this.expect(", ");
      const metres = this.number();
      this.expect(")");
      return { geoRadius: [lat, lng, metres] };
    }
    const attribute = this.match(/^[A-Za-z_]+/);
    if (this.peek(" IN [")) {
      this.expect(" IN [");
      const values = [this.string()];
      while (this.peek(", ")) {
        this.expect(", ");
        values.push(this.string());
      }
      this.expect("]");
      return { attribute, in: values };
    }
    this.expect(" = ");
    return { attribute, equals: this.string() };
  }

  private string(): string {
    this.expect('"');
    const start = this.position;
    while (this.text[this.position] !== '"') {
      if (this.position >= this.text.length) throw new Error("unterminated string");
      this.position += this.text[this.position] === "\\" ? 2 : 1;
    }
    const raw = this.text.slice(start, this.position);
    this.expect('"');
    return raw.replaceAll('\\"', '"').replace(/\\(.)/gsu, (escape, char: string) => {
      if (char !== "\\") throw new Error(`unexpected escape ${escape}`);
      return char;
    });
  }

  private number(): number {
    return Number(this.match(/^-?\d+(\.\d+)?/));
  }

  private match(pattern: RegExp): string {
    const found = pattern.exec(this.text.slice(this.position));
    if (!found) throw new Error(`expected ${pattern} at ${this.position} in ${this.text}`);
    this.position += found[0].length;
    return found[0];
  }

  private peek(token: string): boolean {
    return this.text.startsWith(token, this.position);
  }

  private expect(token: string): void {
    if (!this.peek(token)) throw new Error(`expected ${JSON.stringify(token)} at ${this.position} in ${this.text}`);
    this.position += token.length;
  }
}

function parseFilter(expression: string): Clause[] {
  return new FilterParser(expression).parse();
}

/** The expression with every quoted string emptied: what remains is all the syntax. */
function skeleton(expression: string): string {
  let result = "";
  let inString = false;
  for (let i = 0; i < expression.length; i++) {
    const char = expression[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') {
        inString = false;
        result += char;
      }
    } else {
      if (char === '"') inString = true;
      result += char;
    }
  }
  return result;
}

/** Strings rich in the characters that could break out of a filter value. */
const hostileString = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      '"',
      "\\",
      "'",
      " ",
      "(",
      ")",
      "[",
      "]",
      ",",
      "=",
      "!",
      "OR",
      "AND",
      "IN",
      "NOT",
      "n",
      "u",
      "가",
      "x",
    ),
  }),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
);

const nonEmptyList = fc.array(hostileString, { minLength: 1, maxLength: 4 });

const filtersArbitrary: fc.Arbitrary<SearchFilters> = fc.record(
  {
    type: fc.constantFrom("facility" as const, "program" as const),
    kinds: nonEmptyList,
    regionCodes: nonEmptyList,
    includeNationwide: fc.boolean(),
    sectors: nonEmptyList,
    pavittClass: hostileString,
    categories: nonEmptyList,
    ids: nonEmptyList,
  },
  { requiredKeys: [] },
);

function expectedClauses(filters: SearchFilters): Clause[] {
  const clauses: Clause[] = [];
  if (filters.type) clauses.push({ attribute: "type", equals: filters.type });
  if (filters.kinds?.length) clauses.push({ attribute: "kind", in: filters.kinds });
  if (filters.regionCodes?.length) {
    const regions: Clause = { attribute: "regionCodes", in: filters.regionCodes };
    clauses.push(filters.includeNationwide ? { or: [regions, { attribute: "nationwide", equals: "true" }] } : regions);
  }
  if (filters.sectors?.length) clauses.push({ attribute: "sectors", in: filters.sectors });
  if (filters.pavittClass !== undefined) clauses.push({ attribute: "pavittClasses", equals: filters.pavittClass });
  if (filters.categories?.length) clauses.push({ attribute: "category", in: filters.categories });
  if (filters.ids?.length) clauses.push({ attribute: "id", in: filters.ids });
  return clauses;
}

function withValuesReplaced(filters: SearchFilters): SearchFilters {
  const replace = (values: string[] | undefined) => values?.map(() => "v");
  return {
    ...filters,
    kinds: replace(filters.kinds),
    regionCodes: replace(filters.regionCodes),
    sectors: replace(filters.sectors),
    categories: replace(filters.categories),
    ids: replace(filters.ids),
    pavittClass: filters.pavittClass === undefined ? undefined : "v",
  };
}

describe("quoteFilterValue", () => {
  it("quotes and escapes backslashes and double quotes", () => {
    expect(quoteFilterValue('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(quoteFilterValue("")).toBe('""');
  });

  it("reads back as the same value for any string", () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        expect(parseFilter(`kind = ${quoteFilterValue(value)}`)).toEqual([{ attribute: "kind", equals: value }]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("buildFilter", () => {
  it("builds the expression for typed filters", () => {
    expect(
      buildFilter({
        type: "program",
        kinds: ["program"],
        regionCodes: ["27", "48"],
        includeNationwide: true,
        sectors: ["29"],
        pavittClass: "specialized_supplier",
        categories: ["export"],
        ids: ["p-1"],
      }),
    ).toBe(
      'type = "program" AND kind IN ["program"] AND (regionCodes IN ["27", "48"] OR nationwide = "true") AND sectors IN ["29"]' +
        ' AND pavittClasses = "specialized_supplier" AND category IN ["export"] AND id IN ["p-1"]',
    );
  });

  it("adds a radius in metres and leaves the sort to geoPointSort", () => {
    expect(buildFilter({ regionCodes: ["48"] }, { lat: 35.228, lng: 128.6811, radiusKm: 20 })).toBe(
      'regionCodes IN ["48"] AND _geoRadius(35.228, 128.6811, 20000)',
    );
    expect(geoPointSort({ lat: 35.228, lng: 128.6811 })).toBe("_geoPoint(35.228, 128.6811):asc");
  });

  it("gives nothing for no filters, empty lists and a point without radius", () => {
    expect(buildFilter({})).toBeUndefined();
    expect(buildFilter({ kinds: [], ids: [], includeNationwide: true }, { lat: 36, lng: 127 })).toBeUndefined();
  });

  it("parses back to exactly the requested clauses, whatever the values", () => {
    fc.assert(
      fc.property(filtersArbitrary, (filters) => {
        const expression = buildFilter(filters);
        const expected = expectedClauses(filters);
        if (expected.length === 0) expect(expression).toBeUndefined();
        else expect(parseFilter(expression!)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("lets no value add syntax: outside the quotes, the expression is the same as for harmless values", () => {
    fc.assert(
      fc.property(filtersArbitrary, (filters) => {
        const expression = buildFilter(filters) ?? "";
        expect(skeleton(expression)).toBe(skeleton(buildFilter(withValuesReplaced(filters)) ?? ""));
      }),
      { numRuns: 1000 },
    );
  });

  it("rejects coordinates and radii that are not finite numbers in range", () => {
    expect(() => buildFilter({}, { lat: Number.NaN, lng: 127 })).toThrow(RangeError);
    expect(() => buildFilter({}, { lat: 36, lng: 127, radiusKm: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => buildFilter({}, { lat: 36, lng: 127, radiusKm: -1 })).toThrow(RangeError);
    expect(() => buildFilter({}, { lat: 91, lng: 127 })).toThrow(RangeError);
    expect(() => geoPointSort({ lat: 36, lng: Number.NEGATIVE_INFINITY })).toThrow(RangeError);
  });
});

describe("formatFilterNumber", () => {
  it("writes plain decimals with a dot", () => {
    expect(formatFilterNumber(5000)).toBe("5000");
    expect(formatFilterNumber(-0)).toBe("0");
    expect(formatFilterNumber(0.00000001)).toBe("0");
    expect(formatFilterNumber(1e-7)).toBe("0.0000001");
    expect(formatFilterNumber(128.68970000001)).toBe("128.6897");
  });

  it("rejects NaN and infinities", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => formatFilterNumber(value)).toThrow(RangeError);
    }
  });

  it("round-trips any coordinate-sized number to within 1e-7", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (value) => {
        const text = formatFilterNumber(value);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Math.abs(Number(text) - value)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(value)));
      }),
    );
  });
});

/**
 * Reads the expressions of the applicant filter the way Meilisearch would over a document:
 * clauses joined by AND, each an atom or a parenthesised OR of atoms (`IS NULL`, `IS EMPTY`,
 * `NOT EXISTS`, `IN [...]`, `>`), so the filter is checked on the calls without a server.
 */
function admits(expression: string, document: Record<string, unknown>): boolean {
  const atom = (text: string): boolean => {
    const [, attribute = "", rest = ""] = /^(\w+) (.*)$/.exec(text) ?? [];
    const value = document[attribute];
    if (rest === "NOT EXISTS") return !(attribute in document);
    if (rest === "IS NULL") return value === null;
    if (rest === "IS EMPTY") return Array.isArray(value) && value.length === 0;
    const inList = /^IN (\[.*\])$/.exec(rest);
    if (inList) {
      const wanted = JSON.parse(inList[1]!) as string[];
      return Array.isArray(value) ? value.some((v) => wanted.includes(String(v))) : wanted.includes(String(value));
    }
    const greater = /^> (\d+)$/.exec(rest);
    if (greater) return typeof value === "number" && value > Number(greater[1]);
    throw new Error(`not read here: ${text}`);
  };
  return expression
    .split(" AND ")
    .every((clause) => (clause.startsWith("(") ? clause.slice(1, -1).split(" OR ").some(atom) : atom(clause)));
}

describe("buildFilter: applicant", () => {
  const today = "2026-08-10";
  const notCalls = ALL_DOCUMENTS.slice(0, 5);

  it("admits exactly the calls the rules accept by applicant type and age, and every document that is no call", () => {
    const firms: Array<{ applicantType: FirmApplicantType; foundedOn: string | null }> = [
      { applicantType: "sme", foundedOn: "2025-08-01" },
      { applicantType: "sme", foundedOn: "2010-01-01" },
      { applicantType: "sme", foundedOn: null },
      { applicantType: "micro", foundedOn: "2024" },
      { applicantType: "sole_creator", foundedOn: "2008-03-01" },
    ];
    for (const firm of firms) {
      const expression = required(
        buildFilter({
          applicant: {
            type: firm.applicantType,
            businessAgeMonths: firm.foundedOn ? businessAgeMonths(firm.foundedOn, today) : null,
          },
        }),
        "an applicant filter",
      );
      const expected = CALLS.filter(
        (call) => checkCall(required(callFactsFrom(call) ?? undefined, "a call's facts"), { ...firm, today }).eligible,
      );
      expect(
        CALLS.filter((call) => admits(expression, { ...call })),
        JSON.stringify(firm),
      ).toEqual(expected);
      expect(notCalls.every((document) => admits(expression, { ...document }))).toBe(true);
    }
  });

  it("leaves a call indexed without its age limit to the rules", () => {
    const expression = required(
      buildFilter({ applicant: { type: "sme", businessAgeMonths: 500 } }),
      "an applicant filter",
    );
    const limited = required(
      CALLS.find((call) => call.ageLimitMonths !== null && call.applicantTypes.length === 0),
      "a call with an age limit",
    );
    const { ageLimitMonths: _dropped, ...indexedBefore } = limited;
    expect(admits(expression, { ...limited })).toBe(false);
    expect(admits(expression, indexedBefore)).toBe(true);
  });

  it("leaves a pre-founder's age to the rules", () => {
    expect(buildFilter({ applicant: { type: "pre_founder", businessAgeMonths: null } })).toBe(
      '(windowKind IS NULL OR applicantTypes IS EMPTY OR applicantTypes IN ["pre_founder", "individual"])',
    );
  });
});
