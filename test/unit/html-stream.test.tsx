import { PassThrough, type Readable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NulStripper } from "~/entry.server";

/** A page of many short Korean texts, as the facility list is: React writes each into its 2,048-byte buffer. */
function KoreanList() {
  return (
    <ul>
      {Array.from({ length: 300 }, (_, i) => (
        <li key={i}>
          <input name={`name${i}`} defaultValue={`대구경북 첨단의료산업진흥재단 ${i}`} />
        </li>
      ))}
    </ul>
  );
}

function render(through?: () => PassThrough): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    sink.on("end", () => resolve(Buffer.concat(chunks)));
    const { pipe } = renderToPipeableStream(<KoreanList />, {
      onAllReady() {
        if (through) (pipe(through()) as Readable).pipe(sink);
        else pipe(sink);
      },
      onShellError: reject,
    });
  });
}

const nulCount = (bytes: Buffer) => bytes.filter((byte) => byte === 0).length;

describe("the HTML stream", () => {
  it("has React 18's NUL padding without the stripper, and none with it, the text otherwise byte for byte the same", async () => {
    const raw = await render();
    const stripped = await render(() => new NulStripper() as unknown as PassThrough);
    expect(nulCount(raw)).toBeGreaterThan(0);
    expect(nulCount(stripped)).toBe(0);
    expect(stripped.equals(Buffer.from(raw.filter((byte) => byte !== 0)))).toBe(true);
    expect(stripped.toString("utf8")).not.toContain("\uFFFD");
    expect(stripped.toString("utf8")).toContain('value="대구경북 첨단의료산업진흥재단 299"');
  });
});
