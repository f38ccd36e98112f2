import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { listItems } from "~/domain/listings";
import { matchesIndustry, type IndustryChoice } from "~/search/industry-choice";
import { useT } from "~/i18n/react";

/** Suggestions shown at once; typing more narrows them. */
const SHOWN_SUGGESTIONS = 8;

/**
 * KSIC divisions picked by searching their names and class words (금형 → 29),
 * each pick a removable chip. Every chip posts one value under `name`, as the
 * multi-select does that stands in without JavaScript, so the server reads
 * and checks both the same way.
 */
export function IndustryPicker({
  name,
  label,
  value,
  choices,
  invalid,
  errors,
}: {
  name: string;
  label: string;
  value: string;
  choices: IndustryChoice[];
  invalid: boolean;
  errors: ReactNode;
}) {
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [chosen, setChosen] = useState(() => listItems(value));
  const [query, setQuery] = useState("");
  const search = useRef<HTMLInputElement>(null);
  const ids = useId();
  const fieldId = `field-${name}`;
  const byCode = new Map(choices.map((c) => [c.code, c]));
  const named = (code: string) => {
    const choice = byCode.get(code);
    return choice ? `${code} ${t.nameOf(choice)}` : code;
  };

  if (!hydrated) {
    const unknown = chosen.filter((code) => !byCode.has(code));
    return (
      <label>
        {label}
        <select
          name={name}
          id={fieldId}
          multiple
          size={8}
          defaultValue={chosen}
          aria-invalid={invalid || undefined}
          aria-describedby={`${ids}-select-hint`}
        >
          {[...choices.map((c) => c.code), ...unknown].map((code) => (
            <option key={code} value={code}>
              {named(code)}
            </option>
          ))}
        </select>
        <small id={`${ids}-select-hint`}>{t("industriesSelectHint")}</small>
        {errors}
      </label>
    );
  }

  const typed = query.trim();
  const suggestions =
    typed === ""
      ? []
      : choices.filter((c) => !chosen.includes(c.code) && matchesIndustry(c, typed)).slice(0, SHOWN_SUGGESTIONS);
  const add = (code: string) => {
    setChosen((now) => (now.includes(code) ? now : [...now, code]));
    setQuery("");
    search.current?.focus();
  };
  const remove = (code: string) => {
    setChosen((now) => now.filter((c) => c !== code));
    search.current?.focus();
  };
  return (
    <fieldset className="industry-picker" data-testid={`picker-${name}`}>
      <legend>{label}</legend>
      <div aria-live="polite">
        {chosen.length > 0 ? (
          <ul className="chips" aria-label={t("industriesChosen")}>
            {chosen.map((code) => (
              <li key={code} className="chip">
                <input type="hidden" name={name} value={code} />
                <span>{named(code)}</span>
                <button
                  type="button"
                  aria-label={t("industriesRemove", { name: named(code) })}
                  onClick={() => remove(code)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">{t("industriesNone")}</p>
        )}
      </div>
      <label>
        {t("industriesSearch")}
        <input
          ref={search}
          type="search"
          id={fieldId}
          value={query}
          autoComplete="off"
          aria-invalid={invalid || undefined}
          aria-describedby={`${ids}-hint`}
          aria-controls={`${ids}-suggestions`}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter picks the first suggestion instead of submitting the half-filled form.
            if (event.key !== "Enter") return;
            event.preventDefault();
            if (suggestions[0]) add(suggestions[0].code);
          }}
        />
      </label>
      <small id={`${ids}-hint`}>{t("industriesSearchHint")}</small>
      <ul id={`${ids}-suggestions`} className="industry-suggestions" data-testid={`suggestions-${name}`}>
        {suggestions.map((c) => (
          <li key={c.code}>
            <button type="button" onClick={() => add(c.code)}>
              {t("industriesAdd", { name: named(c.code) })}
            </button>
          </li>
        ))}
        {typed !== "" && suggestions.length === 0 && <li className="hint">{t("industriesNoMatch")}</li>}
      </ul>
      {errors}
    </fieldset>
  );
}
