import { Form } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { LegendSymbol, OverlayLegend } from "~/map/legend";
import { Button, Checkbox } from "./ui";

export interface LegendEntry {
  id: string;
  legend: OverlayLegend;
  symbol: LegendSymbol;
  shown: boolean;
}

/** Legend entries as checkboxes that show and hide their overlays; without JavaScript they post the form. */
export interface LegendToggle {
  /** The query parameter each checked entry's value is posted under. */
  name: string;
  onChange: (value: string, on: boolean) => void;
  /** Parameters a submission without JavaScript carries along (the search, the language). */
  hiddenFields: readonly (readonly [string, string])[];
  /** A hidden field saying the legend was posted, so no checked box means none shown. */
  marker: readonly [string, string];
  submitLabel: string;
}

export interface MapLegendProps {
  title: string;
  entries: readonly LegendEntry[];
  testId?: string;
  toggle?: LegendToggle;
}

function Mark({ symbol }: { symbol: LegendSymbol }) {
  if (symbol.type === "dot")
    return (
      <span className="swatch" style={{ background: symbol.fill, borderColor: symbol.stroke }} aria-hidden="true" />
    );
  return (
    <span
      className="ramp"
      style={{ background: `linear-gradient(to right, ${symbol.stops.join(", ")})` }}
      aria-hidden="true"
    />
  );
}

function Entry({ entry }: { entry: LegendEntry }) {
  const { legend, symbol } = entry;
  if (symbol.type === "ramp" && legend.low && legend.high)
    return (
      <>
        <span className="legend-label">{legend.label}</span>
        <span className="legend-ramp">
          {legend.low} <Mark symbol={symbol} /> {legend.high}
        </span>
        {legend.note ? <span className="legend-note">{legend.note}</span> : null}
      </>
    );
  return (
    <>
      <Mark symbol={symbol} />
      {legend.label}
      {legend.note ? <span className="legend-note">{legend.note}</span> : null}
    </>
  );
}

/** Where the legend starts folded: on a phone, open, it covers about two fifths of the map. */
const FOLDED_BELOW = "(max-width: 48rem)";

/** The legend's frame: open where there is room, folded to its title on a phone; its title opens it. */
function Foldable({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (details.current && window.matchMedia(FOLDED_BELOW).matches) details.current.open = false;
  }, []);
  return (
    <details ref={details} className="map-key" data-testid={testId} open>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

/** What a map's symbols mean, drawn with the colours of the layers themselves (see `legendSymbol`). */
export function MapLegend({ title, entries, testId, toggle }: MapLegendProps) {
  if (entries.length === 0) return null;
  if (toggle)
    return (
      <Foldable title={title} testId={testId}>
        <Form method="get" aria-label={title} preventScrollReset>
          <input type="hidden" name={toggle.marker[0]} value={toggle.marker[1]} />
          {toggle.hiddenFields.map(([name, value], i) => (
            <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
          ))}
          {entries.map((entry) => (
            <Checkbox
              key={entry.id}
              name={toggle.name}
              value={entry.legend.value}
              checked={entry.shown}
              onChange={(event) => toggle.onChange(entry.legend.value ?? entry.id, event.currentTarget.checked)}
              label={<Entry entry={entry} />}
            />
          ))}
          <noscript>
            <Button type="submit">{toggle.submitLabel}</Button>
          </noscript>
        </Form>
      </Foldable>
    );
  return (
    <Foldable title={title} testId={testId}>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            <Entry entry={entry} />
          </li>
        ))}
      </ul>
    </Foldable>
  );
}
