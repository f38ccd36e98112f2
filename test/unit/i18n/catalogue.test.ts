import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { both, labelOf, nameOf, t, translator } from "~/i18n";
import { FEATURES, LABELS, MESSAGES } from "~/i18n/catalogue";
import { placeholdersOf, renderMessage, type Message } from "~/i18n/message";
import { reasonText } from "~/i18n/reasons";

const HANGUL = /\p{Script=Hangul}/u;
const PLURAL_CATEGORIES = {
  ko: new Intl.PluralRules("ko-KR").resolvedOptions().pluralCategories,
  en: new Intl.PluralRules("en-GB").resolvedOptions().pluralCategories,
};

describe("the catalogue", () => {
  it("has, in every feature, the same keys in English as in Korean", () => {
    for (const feature of Object.keys(FEATURES.ko) as (keyof typeof FEATURES.ko)[]) {
      expect(Object.keys(FEATURES.en[feature]).sort(), feature).toEqual(Object.keys(FEATURES.ko[feature]).sort());
    }
  });

  it("gives every English message exactly the placeholders of its Korean one", () => {
    const differing = Object.keys(MESSAGES.ko).filter((key) => {
      const korean = placeholdersOf(MESSAGES.ko[key as keyof typeof MESSAGES.ko]);
      const english = placeholdersOf(MESSAGES.en[key as keyof typeof MESSAGES.en]);
      return korean.join() !== english.join();
    });
    expect(differing).toEqual([]);
  });

  it("uses each key in one feature only", () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const [feature, messages] of Object.entries(FEATURES.ko)) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) repeated.push(`${key} (${seen.get(key)}, ${feature})`);
        seen.set(key, feature);
      }
    }
    expect(repeated).toEqual([]);
  });

  it("writes plural forms only with the categories the language has, always with 'other'", () => {
    for (const lang of ["ko", "en"] as const) {
      for (const [key, message] of Object.entries(MESSAGES[lang]) as [string, Message][]) {
        if (typeof message === "string") continue;
        expect(message.other, `${lang} ${key}`).toBeTypeOf("string");
        for (const category of Object.keys(message))
          expect(PLURAL_CATEGORIES[lang], `${lang} ${key}`).toContain(category);
      }
    }
  });

  it("has no empty message and no Hangul in English apart from the switch to Korean", () => {
    for (const lang of ["ko", "en"] as const) {
      for (const [key, message] of Object.entries(MESSAGES[lang]) as [string, Message][]) {
        const texts = typeof message === "string" ? [message] : Object.values(message);
        for (const text of texts)
          expect(text.trim().length > 0 || key.endsWith("Separator"), `${lang} ${key}`).toBe(true);
        if (lang === "en" && !key.startsWith("languageSwitch"))
          for (const text of texts) expect(HANGUL.test(text), `en ${key}: ${text}`).toBe(false);
      }
    }
  });

  it("names every code of every label table in both languages", () => {
    for (const table of Object.keys(LABELS.ko) as (keyof typeof LABELS.ko)[]) {
      expect(Object.keys(LABELS.en[table]).sort(), table).toEqual(Object.keys(LABELS.ko[table]).sort());
      for (const name of [...Object.values(LABELS.ko[table]), ...Object.values(LABELS.en[table])])
        expect(name.trim(), table).not.toBe("");
    }
  });

  it("leaves no placeholder unfilled when every value is given", () => {
    for (const lang of ["ko", "en"] as const) {
      for (const [key, message] of Object.entries(MESSAGES[lang]) as [string, Message][]) {
        const values = Object.fromEntries(placeholdersOf(message).map((name) => [name, name === "count" ? 2 : "x"]));
        expect(renderMessage(lang, message, values), `${lang} ${key}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe("messages", () => {
  it("pick the plural form by count and group digits in the page's language", () => {
    expect(t("en", "listCount", { count: 1 })).toBe("1 place");
    expect(t("en", "listCount", { count: 1234 })).toBe("1,234 places");
    expect(t("ko", "listCount", { count: 1 })).toBe("1곳");
    expect(t("ko", "listCount", { count: 1234 })).toBe("1,234곳");
  });

  it("come in both languages for API bodies", () => {
    expect(both("listCount", { count: 2 })).toEqual({ ko: "2곳", en: "2 places" });
  });

  it("look keys made at run time up, and give an unknown one back as it is", () => {
    expect(translator("en").dynamic("kmAway", { km: 1200 })).toBe("about 1,200 km");
    expect(translator("ko").dynamic("no_such_code")).toBe("no_such_code");
  });

  it("name codes and bilingual records", () => {
    expect(labelOf("ko", "pavittClass", "science_based")).toBe("과학 기반형");
    expect(labelOf("en", "diffusionLevel", 2)).toBe("level 2 (general technology receptor capacity)");
    expect(labelOf("en", "facilityKind", "spaceport")).toBe("spaceport");
    expect(nameOf("en", { nameKo: "대구", nameEn: "Daegu" })).toBe("Daegu");
    expect(nameOf("ko", { ko: "대구", en: "Daegu" })).toBe("대구");
    expect(nameOf("en", { nameKo: "대구", nameEn: "" })).toBe("대구");
  });
});

describe("reasons", () => {
  it("take their words from the catalogue, with plural forms, labels and units", () => {
    expect(reasonText("en", { rule: "capability.patents", params: { patents: 1 } })).toBe("Holds 1 patent.");
    expect(reasonText("en", { rule: "capability.patents", params: { patents: 3 } })).toBe("Holds 3 patents.");
    expect(reasonText("ko", { rule: "proximity.decay", params: { km: 0.4 } })).toBe(
      "회사에서 1 km 이내 거리에 있습니다.",
    );
    expect(reasonText("ko", { rule: "needs.match", params: { needs: ["technology", "export"] } })).toBe(
      "요청하신 지원 분야(기술, 수출)를 다룹니다.",
    );
  });
});

/** User-facing Hangul text literals in a file: strings, template parts and JSX text (comments are not literals). */
function hangulLiterals(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteralLike(node) ||
      ts.isJsxText(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const text = node.getText(source);
      if (HANGUL.test(text))
        found.push(
          `${path.relative(process.cwd(), file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${text.trim()}`,
        );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("copy outside the catalogue", () => {
  it("has no Hangul text in routes, components or the root page", () => {
    const app = path.resolve(__dirname, "../../../app");
    const files = [
      ...sourceFiles(path.join(app, "routes")),
      ...sourceFiles(path.join(app, "components")),
      path.join(app, "root.tsx"),
    ];
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(hangulLiterals)).toEqual([]);
  });

  it("is found by the scan when it is there", () => {
    const probe = path.join(
      fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? "/tmp"), "scan-")),
      "probe.tsx",
    );
    fs.writeFileSync(
      probe,
      '// 주석은 괜찮습니다\nexport const A = () => <p title={`${1}개`}>안녕하세요 {"세계"}</p>;\n',
    );
    expect(hangulLiterals(probe)).toHaveLength(3);
  });
});
