import { describe, expect, it } from "vitest";
import { t, translator } from "~/i18n";
import type { CheckedTranslation } from "~/i18n/message";

/**
 * The type checker (`tsc --noEmit`, part of `npm test`) fails this file when a call
 * below that should not compile does: a missing or mistyped placeholder, an unknown key,
 * a translation whose placeholders differ from the Korean.
 */
function misuses(): void {
  // @ts-expect-error `count` is required
  t("ko", "listCount");
  // @ts-expect-error `count` is a number
  t("ko", "listCount", { count: "3" });
  // @ts-expect-error the message has no placeholders
  t("en", "appName", { count: 1 });
  // @ts-expect-error unknown key
  t("en", "noSuchMessage");
  // @ts-expect-error `synthetic` is missing
  translator("en")("gapsSynthetic", { total: 3 });
  type Korean = { readonly greeting: "{name}님, 안녕하세요"; readonly count: "{count}곳" };
  const wrong: CheckedTranslation<Korean, { greeting: "Hello {who}"; count: "{count} places" }> = {
    // @ts-expect-error the English placeholder is not the Korean one
    greeting: "Hello {who}",
    count: "{count} places",
  };
  const right: CheckedTranslation<
    Korean,
    { greeting: "Hello, {name}"; count: { one: "{count} place"; other: "{count} places" } }
  > = {
    greeting: "Hello, {name}",
    count: { one: "{count} place", other: "{count} places" },
  };
  void [wrong, right];
}

describe("typed messages", () => {
  it("compile only with the right placeholders (checked by tsc; see the calls above)", () => {
    expect(misuses).toBeTypeOf("function");
    expect(t("en", "gapsSynthetic", { total: 10, synthetic: 4 })).toBe(
      "Synthetic data: 4 of 10 firms are generated for demonstration",
    );
  });
});
