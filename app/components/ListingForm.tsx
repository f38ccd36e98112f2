import { Form } from "@remix-run/react";
import { FACILITY_COLUMNS, PROGRAM_COLUMNS, TEXT_LIMITS, type ListingType } from "~/domain/listings";
import { COORD_PRECISIONS, FACILITY_KINDS, FACILITY_SERVICES, PROGRAM_CATEGORIES } from "~/domain/types";
import { useT } from "~/i18n/react";
import { CsrfField } from "./CsrfField";
import { fieldLang } from "./FieldsTable";

export interface FieldMessage {
  field: string;
  message: string;
}

const LONG_TEXT = new Set(["location_note", "summary_ko", "summary_en", "source"]);

/** The edit form of a facility or program; field names are the CSV column names. */
export function ListingForm({ type, values, expected, problems, submitLabel }: { type: ListingType; values: Record<string, string>; expected: string; problems: FieldMessage[]; submitLabel: string }) {
  const t = useT();
  const columns = type === "facility" ? FACILITY_COLUMNS : PROGRAM_COLUMNS;
  const choices: Record<string, { value: string; label: string }[]> = {
    kind: FACILITY_KINDS.map((k) => ({ value: k, label: t.label("facilityKind", k) })),
    coord_precision: COORD_PRECISIONS.map((p) => ({ value: p, label: t(`precision_${p}`) })),
    category: PROGRAM_CATEGORIES.map((c) => ({ value: c, label: t.label("programCategory", c) })),
  };
  const hints: Record<string, string> = {
    services: `${t("hintList")} ${FACILITY_SERVICES.join(", ")}`,
    industries: t("hintKsic"),
    sectors: t("hintKsic"),
    period_start: "YYYY-MM-DD",
    period_end: "YYYY-MM-DD",
    lat: t("hintLat"),
    lng: t("hintLng"),
  };
  return (
    <Form method="post" className="stacked-form" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="expected" value={expected} />
      {problems.length > 0 && (
        <div className="form-error" role="alert">
          {t("formHasProblems")}
        </div>
      )}
      {columns.map((column) => {
        const fieldProblems = problems.filter((p) => p.field === column);
        const label = t(`field_${column}`);
        const common = { name: column, defaultValue: values[column] ?? "", "aria-invalid": fieldProblems.length > 0 || undefined, lang: fieldLang(column, t.lang) };
        return (
          <label key={column}>
            {label}
            {choices[column] ? (
              <select {...common}>
                <option value="">—</option>
                {choices[column].map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            ) : LONG_TEXT.has(column) ? (
              <textarea {...common} rows={3} maxLength={TEXT_LIMITS.longText} />
            ) : (
              <input {...common} type="text" />
            )}
            {hints[column] && <small>{hints[column]}</small>}
            {fieldProblems.map((p) => (
              <span key={p.message} className="field-error">
                {p.message}
              </span>
            ))}
          </label>
        );
      })}
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}
