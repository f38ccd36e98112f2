import { Button } from "./ui";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { listItems } from "~/domain/listings";
import { matchesIndustry, type IndustryChoice } from "~/search/industry-choice";
import { useT } from "~/i18n/react";

/** Suggestions shown at once; typing more narrows them. */
const SHOWN_SUGGESTIONS = 8;

/**
 * KSIC divisions picked by searching their names and class words (금형 → 29),
 * each pick a removable chip. The search box is a WAI-ARIA combobox with a listbox
 * popup: arrows move through the suggestions, Enter adds one, Escape closes them. Every chip posts one value under `name`, as the
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
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<number | null>(null);
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
  const expanded = open && suggestions.length > 0;
  const activeIndex = expanded && active !== null && active < suggestions.length ? active : null;
  const listboxId = `${ids}-suggestions`;
  const optionId = (index: number) => `${ids}-option-${index}`;
  const add = (code: string) => {
    setChosen((now) => (now.includes(code) ? now : [...now, code]));
    setQuery("");
    setActive(null);
    search.current?.focus();
  };
  const remove = (code: string) => {
    setChosen((now) => now.filter((c) => c !== code));
    search.current?.focus();
  };
  const move = (step: 1 | -1) => {
    if (suggestions.length === 0) return;
    setOpen(true);
    setActive((now) =>
      now === null || !expanded
        ? step === 1
          ? 0
          : suggestions.length - 1
        : (now + step + suggestions.length) % suggestions.length,
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter") {
      // Enter picks the active suggestion (the first if none is) instead of submitting the half-filled form.
      event.preventDefault();
      const picked = suggestions[activeIndex ?? 0];
      if (picked) add(picked.code);
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(null);
      } else if (query !== "") {
        event.preventDefault();
        setQuery("");
      }
    }
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
                <Button
                  type="button"
                  aria-label={t("industriesRemove", { name: named(code) })}
                  onClick={() => remove(code)}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">{t("industriesNone")}</p>
        )}
      </div>
      <div className="field combobox">
        <label htmlFor={fieldId}>{t("industriesSearch")}</label>
        <input
          ref={search}
          type="text"
          id={fieldId}
          role="combobox"
          value={query}
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={activeIndex !== null ? optionId(activeIndex) : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={`${ids}-hint`}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setOpen(true);
            setActive(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
        <small className="field-hint" id={`${ids}-hint`}>
          {t("industriesSearchHint")}
        </small>
        <ul
          id={listboxId}
          role="listbox"
          aria-label={t("industriesSuggestions")}
          className="industry-suggestions"
          data-testid={`suggestions-${name}`}
          hidden={!expanded}
        >
          {suggestions.map((c, index) => (
            // Keys reach the options through the combobox, which keeps the focus (the APG pattern).
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={c.code}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              // The input keeps the focus while a suggestion is clicked.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(c.code)}
            >
              {named(c.code)}
            </li>
          ))}
        </ul>
        <p className="visually-hidden" role="status">
          {typed === ""
            ? ""
            : suggestions.length === 0
              ? ""
              : t("industriesSuggestionsCount", { count: suggestions.length })}
        </p>
        {typed !== "" && suggestions.length === 0 ? <p className="hint">{t("industriesNoMatch")}</p> : null}
      </div>
      {errors}
    </fieldset>
  );
}
