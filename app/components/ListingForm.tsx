import { Form } from "@remix-run/react";
import { Fragment, useEffect, useRef, useState, type FormEvent } from "react";
import { FACILITY_COLUMNS, listItems, PROGRAM_COLUMNS, TEXT_LIMITS, type ListingType } from "~/domain/listings";
import { COORD_PRECISIONS, FACILITY_KINDS, FACILITY_SERVICES, PROGRAM_CATEGORIES } from "~/domain/types";
import type { GeocodeMatch } from "~/domain/geocode";
import type { IndustryChoice } from "~/search/industry-choice";
import { useT } from "~/i18n/react";
import { CsrfField } from "./CsrfField";
import { FacilityMap } from "./FacilityMap";
import { IndustryPicker } from "./IndustryPicker";
import { fieldLang } from "./FieldsTable";
import { Button, Checkbox, ErrorSummary, Field, FieldError, Select, type SelectOption } from "./ui";

export interface FieldMessage {
  field: string;
  message: string;
}

const LONG_TEXT = new Set(["location_note", "summary_ko", "summary_en", "source"]);
const DATES = new Set(["period_start", "period_end"]);
const INDUSTRY_PICKERS = new Set(["industries", "sectors"]);
/** The fields the address and a map click write; the form keeps them in step. */
const PLACE_FIELDS = new Set(["lat", "lng", "coord_precision", "address_ko"]);
const GEOCODE_DELAY_MS = 400;

/** The element a field's error links to: `#field-<column>` (for a group, its first box). */
export function fieldId(column: string): string {
  return `field-${column}`;
}

/**
 * The edit form of a facility or program; field names are the CSV column names.
 * Codes are picked, never typed: kinds and categories from lists, services as
 * boxes, industries by searching their names.
 */
export function ListingForm({
  type,
  values,
  expected,
  problems,
  industries,
  submitLabel,
}: {
  type: ListingType;
  values: Record<string, string>;
  expected: string;
  problems: FieldMessage[];
  industries: IndustryChoice[];
  submitLabel: string;
}) {
  const t = useT();
  const columns: readonly string[] = type === "facility" ? FACILITY_COLUMNS : PROGRAM_COLUMNS;
  const place = usePlace(values);
  // The map opens at the listing's point; later picks and addresses move the marker, not the map.
  const [openingPoint] = useState(place.point);
  // A half-typed date posts as empty, which would save silently without it; the browser knows and says so here.
  const [incompleteDates, setIncompleteDates] = useState<FieldMessage[]>([]);
  useEffect(() => setIncompleteDates([]), [problems]);
  const shown = incompleteDates.length > 0 ? incompleteDates : problems;
  const checkDates = (event: FormEvent<HTMLFormElement>) => {
    const incomplete = [...DATES].flatMap((column): FieldMessage[] => {
      const input = event.currentTarget.elements.namedItem(column);
      return input instanceof HTMLInputElement && input.validity.badInput
        ? [{ field: column, message: t("dateIncomplete") }]
        : [];
    });
    if (incomplete.length === 0) return;
    event.preventDefault();
    setIncompleteDates(incomplete);
  };
  const choices: Record<string, SelectOption[]> = {
    kind: FACILITY_KINDS.map((k) => ({ value: k, label: t.label("facilityKind", k) })),
    coord_precision: COORD_PRECISIONS.map((p) => ({ value: p, label: t(`precision_${p}`) })),
    category: PROGRAM_CATEGORIES.map((c) => ({ value: c, label: t.label("programCategory", c) })),
  };
  const hints: Record<string, string> = {
    lat: t("hintLat"),
    lng: t("hintLng"),
  };
  return (
    <Form method="post" className="stacked-form" noValidate onSubmit={checkDates}>
      <CsrfField />
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="expected" value={expected} />
      <ErrorSummary
        title={t("errorSummaryTitle")}
        focusOn={shown}
        data-testid="error-summary"
        items={shown.map((p, index) => ({
          key: `${p.field}:${index}`,
          href: columns.includes(p.field) ? `#${fieldId(p.field)}` : undefined,
          text: columns.includes(p.field) ? `${t.dynamic(`field_${p.field}`)}: ${p.message}` : p.message,
        }))}
      />
      {columns.map((column) => {
        const fieldProblems = shown.filter((p) => p.field === column);
        const invalid = fieldProblems.length > 0;
        const label = t.dynamic(`field_${column}`);
        const errors = fieldProblems.map((p) => <FieldError key={p.message}>{p.message}</FieldError>);
        if (INDUSTRY_PICKERS.has(column)) {
          return (
            <IndustryPicker
              key={column}
              name={column}
              label={label}
              value={values[column] ?? ""}
              choices={industries}
              invalid={invalid}
              errors={errors}
            />
          );
        }
        if (column === "services") {
          const chosen = new Set(listItems(values[column] ?? ""));
          return (
            <fieldset key={column} className="choice-group">
              <legend>{label}</legend>
              {FACILITY_SERVICES.map((service, index) => (
                <Checkbox
                  key={service}
                  name={column}
                  value={service}
                  id={index === 0 ? fieldId(column) : undefined}
                  defaultChecked={chosen.has(service)}
                  aria-invalid={invalid || undefined}
                  label={t.label("service", service)}
                />
              ))}
              {errors}
            </fieldset>
          );
        }
        const value =
          type === "facility" && PLACE_FIELDS.has(column)
            ? {
                value: place.fields[column],
                onChange: (e: { target: { value: string } }) => place.edit(column, e.target.value),
              }
            : { defaultValue: values[column] ?? "" };
        return (
          <Fragment key={column}>
            <Field id={fieldId(column)} label={label} hint={hints[column]} error={invalid ? errors : undefined}>
              {(control) => {
                const common = { ...control, name: column, ...value, lang: fieldLang(column, t.lang) };
                return choices[column] ? (
                  <Select {...common} placeholder="—" options={choices[column]} />
                ) : LONG_TEXT.has(column) ? (
                  <textarea {...common} rows={3} maxLength={TEXT_LIMITS.longText} />
                ) : DATES.has(column) ? (
                  <input {...common} type="date" min="1900-01-01" max="2999-12-31" />
                ) : (
                  <input {...common} type="text" />
                );
              }}
            </Field>
            {type === "facility" && column === "address_ko" && (
              <p className="hint" role="status" data-testid="place-status">
                {place.status.kind === "address"
                  ? t("placedFromAddress", {
                      place: place.status.label[t.lang],
                      precision: t(`precision_${place.status.precision}`),
                    })
                  : place.status.kind === "exact"
                    ? t("placedExact")
                    : place.status.kind === "unknown"
                      ? t("placeNotFound")
                      : t("placeHint")}
              </p>
            )}
          </Fragment>
        );
      })}
      {type === "facility" && (
        <div className="place-map" aria-label={t("placeMap")}>
          <FacilityMap
            facilities={[]}
            kinds={[]}
            visibleKinds={[]}
            regions={[]}
            lang={t.lang}
            t={t}
            near={place.point}
            focus={openingPoint ? { ...openingPoint, zoom: 12 } : undefined}
            picking
            onPickPoint={place.pick}
          />
        </div>
      )}
      <Button type="submit">{submitLabel}</Button>
    </Form>
  );
}

type PlaceStatus =
  | { kind: "idle" }
  | { kind: "unknown" }
  | { kind: "exact" }
  | { kind: "address"; label: GeocodeMatch["label"]; precision: GeocodeMatch["precision"] };

/**
 * The point follows the typed address (GET /api/geocode: the centroid of its
 * 읍면동 or 시군구, with that precision) until a map click sets the exact spot.
 * Without JavaScript the server does the same when the form is saved.
 */
function usePlace(values: Record<string, string>) {
  const [fields, setFields] = useState<Record<string, string>>(() =>
    Object.fromEntries([...PLACE_FIELDS].map((f) => [f, values[f] ?? ""])),
  );
  const [status, setStatus] = useState<PlaceStatus>({ kind: values.coord_precision === "exact" ? "exact" : "idle" });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const locate = (address: string) => {
    clearTimeout(timer.current);
    if (address.trim() === "") return;
    timer.current = setTimeout(async () => {
      const answer = await fetch(`/api/geocode?q=${encodeURIComponent(address)}`, {
        headers: { accept: "application/json" },
      }).catch(() => null);
      if (!answer) return;
      if (!answer.ok) {
        setStatus({ kind: "unknown" });
        return;
      }
      const match = (await answer.json()) as GeocodeMatch;
      setFields((now) =>
        now.coord_precision === "exact"
          ? now
          : { ...now, lat: match.lat.toFixed(5), lng: match.lng.toFixed(5), coord_precision: match.precision },
      );
      setStatus((now) =>
        now.kind === "exact" ? now : { kind: "address", label: match.label, precision: match.precision },
      );
    }, GEOCODE_DELAY_MS);
  };

  const edit = (column: string, value: string) => {
    setFields((now) => ({ ...now, [column]: value }));
    if (column === "address_ko") {
      if (status.kind !== "exact") setStatus({ kind: "idle" });
      locate(value);
    }
    if (column === "coord_precision" && value !== "exact" && status.kind === "exact") setStatus({ kind: "idle" });
  };

  const pick = (point: { lat: number; lng: number }) => {
    setFields((now) => ({ ...now, lat: point.lat.toFixed(6), lng: point.lng.toFixed(6), coord_precision: "exact" }));
    setStatus({ kind: "exact" });
  };

  const lat = Number(fields.lat);
  const lng = Number(fields.lng);
  const point = fields.lat && fields.lng && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
  return { fields, status, edit, pick, point };
}
