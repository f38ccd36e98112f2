import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { csvCell, decodeCsvBytes, parseCsvText, toCsv } from "~/csv";

const bytes = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

describe("decoding", () => {
  it("reads UTF-8 with or without a byte-order mark, and CP949", () => {
    expect(decodeCsvBytes(bytes("\uFEFF이름,지역\n대구,27"))).toEqual({
      ok: true,
      text: "이름,지역\n대구,27",
      encoding: "utf-8",
    });
    expect(decodeCsvBytes(new Uint8Array(iconv.encode("이름,지역\n대구,27", "cp949")))).toEqual({
      ok: true,
      text: "이름,지역\n대구,27",
      encoding: "cp949",
    });
  });

  it("refuses a UTF-8 file with a CP949 row, naming the line in the other encoding", () => {
    const file = Buffer.concat([
      Buffer.from("name\n대구\n부산\n"),
      iconv.encode("광주", "cp949"),
      Buffer.from("\n울산\n"),
    ]);
    expect(decodeCsvBytes(new Uint8Array(file))).toEqual({
      ok: false,
      issue: { field: "file", code: "csv_mixed_encoding", params: { rows: "4" } },
    });
  });

  it("refuses bytes that neither encoding reads instead of storing U+FFFD", () => {
    const file = Buffer.concat([iconv.encode("name\n대구\n", "cp949"), Buffer.from([0xff, 0x41, 0x0a])]);
    expect(decodeCsvBytes(new Uint8Array(file))).toEqual({
      ok: false,
      issue: { field: "file", code: "csv_invalid_bytes", params: { rows: "3" } },
    });
  });
});

describe("parsing", () => {
  it("numbers records by the line they end on, counting blank lines and line breaks inside quotes", () => {
    const parsed = parseCsvText('name,note\na,"two\nlines"\n\nb,x\r\n\r\nc,y');
    expect(parsed).toEqual({
      ok: true,
      header: ["name", "note"],
      records: [
        { line: 3, cells: ["a", "two\nlines"] },
        { line: 5, cells: ["b", "x"] },
        { line: 7, cells: ["c", "y"] },
      ],
    });
  });

  it("names the line of a broken quote", () => {
    const parsed = parseCsvText('name\n"ok"\n"broken\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issue.code).toBe("csv_malformed");
  });
});

describe("writing", () => {
  it.each([
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ['-1+HYPERLINK("http://x")', '"\'-1+HYPERLINK(""http://x"")"'],
    ["\t=1", "'\t=1"],
    ["\r=1", '"\'\r=1"'],
    ["+82 53-000-0000", "'+82 53-000-0000"],
    ["a,b", '"a,b"'],
    ["대구", "대구"],
  ])("guards and quotes %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("writes numbers as numbers, and an exported guarded cell reads back as it was", () => {
    expect(csvCell(-3.5)).toBe("-3.5");
    expect(csvCell(null)).toBe("");
    const file = toCsv(["phone", "n"], [["+82 53-000-0000", 7]]);
    expect(file).toBe("\uFEFFphone,n\r\n'+82 53-000-0000,7\r\n");
    const parsed = parseCsvText(file);
    expect(parsed.ok && parsed.records[0]?.cells).toEqual(["+82 53-000-0000", "7"]);
  });
});
