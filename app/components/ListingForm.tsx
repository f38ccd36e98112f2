import { Form } from "@remix-run/react";
import { FACILITY_KIND_LABELS, PROGRAM_CATEGORY_LABELS, SERVICE_LABELS } from "~/domain/labels";
import { FACILITY_COLUMNS, PROGRAM_COLUMNS, TEXT_LIMITS, type ListingType } from "~/domain/listings";
import { COORD_PRECISIONS, FACILITY_KINDS, PROGRAM_CATEGORIES } from "~/domain/types";
import { translator, type MessageKey } from "~/i18n";
import { facilityText, type FacilityMessageKey } from "~/i18n/facilities";
import { useLang } from "~/root";
import { CsrfField } from "./CsrfField";

export interface FieldMessage {
  field: string;
  message: string;
}

const LONG_TEXT = new Set(["location_note", "summary_ko", "summary_en", "source"]);

/** The edit form of a facility or program; field names are the CSV column names. */
export function ListingForm({ type, values, expected, problems, submitLabel }: { type: ListingType; values: Record<string, string>; expected: string; problems: FieldMessage[]; submitLabel: string }) {
  const lang = useLang();
  const t = translator(lang);
  const ft = facilityText(lang);
  const columns = type === "facility" ? FACILITY_COLUMNS : PROGRAM_COLUMNS;
  const choices: Record<string, { value: string; label: string }[]> = {
    kind: FACILITY_KINDS.map((k) => ({ value: k, label: FACILITY_KIND_LABELS[k][lang] })),
    coord_precision: COORD_PRECISIONS.map((p) => ({ value: p, label: ft(`precision_${p}` as FacilityMessageKey) })),
    category: PROGRAM_CATEGORIES.map((c) => ({ value: c, label: PROGRAM_CATEGORY_LABELS[c][lang] })),
  };
  const hints: Record<string, string> = {
    services: `${t("hintList")} ${Object.keys(SERVICE_LABELS).join(", ")}`,
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
        const label = t(`field_${column}` as MessageKey);
        const common = { name: column, defaultValue: values[column] ?? "", "aria-invalid": fieldProblems.length > 0 || undefined };
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
