/**
 * Turning an uploaded CSV file's bytes into text. Korean spreadsheet programs
 * save CP949 (the superset of EUC-KR); everything else saves UTF-8. A file is
 * read in exactly one of them: a file that mixes the two (a UTF-8 file with a
 * row pasted from a CP949 one) or holds bytes that neither can read is
 * refused with the lines at fault, never stored as mojibake or U+FFFD.
 */
import iconv from "iconv-lite";
import { issue, type FieldIssue } from "~/validation";

export type CsvEncoding = "utf-8" | "cp949";

export type Decoded = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; issue: FieldIssue };

const utf8 = new TextDecoder("utf-8", { fatal: true });
const REPLACEMENT = "\uFFFD";
/** Lines named in a message; the rest are counted. */
const SHOWN_LINES = 10;

function linesOf(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return lines;
}

function isAscii(line: Uint8Array): boolean {
  for (const byte of line) if (byte >= 0x80) return false;
  return true;
}

function isUtf8(line: Uint8Array): boolean {
  try {
    utf8.decode(line);
    return true;
  } catch {
    return false;
  }
}

function lineList(numbers: number[]): string {
  const shown = numbers.slice(0, SHOWN_LINES).join(", ");
  return numbers.length > SHOWN_LINES ? `${shown} … (+${numbers.length - SHOWN_LINES})` : shown;
}

function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** Decodes the file in the encoding it was saved in; `field` names the upload in an issue. */
export function decodeCsvBytes(bytes: Uint8Array, field = "file"): Decoded {
  const body = withoutBom(bytes);
  try {
    return { ok: true, text: utf8.decode(body), encoding: "utf-8" };
  } catch {
    // Not UTF-8 as a whole: find out, line by line, whether it is CP949 throughout.
  }
  const utf8Lines: number[] = [];
  const otherLines: number[] = [];
  linesOf(body).forEach((line, index) => {
    if (isAscii(line)) return;
    (isUtf8(line) ? utf8Lines : otherLines).push(index + 1);
  });
  if (utf8Lines.length > 0) {
    const minority = utf8Lines.length >= otherLines.length ? otherLines : utf8Lines;
    return { ok: false, issue: issue(field, "csv_mixed_encoding", { rows: lineList(minority) }) };
  }
  const text = iconv.decode(Buffer.from(body), "cp949");
  if (text.includes(REPLACEMENT)) {
    const bad = text
      .split("\n")
      .map((line, index) => (line.includes(REPLACEMENT) ? index + 1 : 0))
      .filter((line) => line > 0);
    return { ok: false, issue: issue(field, "csv_invalid_bytes", { rows: lineList(bad) }) };
  }
  return { ok: true, text, encoding: "cp949" };
}
