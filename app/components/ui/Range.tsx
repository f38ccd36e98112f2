import { useEffect, useState, type CSSProperties, type ReactNode } from "react";
import { describe, FieldHint } from "./Field";

/**
 * A slider with its label and its value spelled out beside it (and to a screen reader, through
 * `aria-valuetext`): the value follows the thumb as it moves, before the form sends it. Arrow keys
 * step it, Page Up/Down and Home/End jump, as on every native range. The row is 48 px high, the
 * thumb 28 px, and the track left of the thumb is filled.
 */
export function Range({
  id,
  name,
  label,
  hint,
  min,
  max,
  step = 1,
  defaultValue,
  formatValue,
  testId,
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  min: number;
  max: number;
  step?: number;
  defaultValue: number;
  /** The value as read: "5 km". */
  formatValue: (value: number) => string;
  /** On the output that shows the value. */
  testId?: string;
}) {
  const [value, setValue] = useState(defaultValue);
  // A new answer from the server (the back button, a link) moves the thumb.
  useEffect(() => setValue(defaultValue), [defaultValue]);
  const { hintId } = describe(id, hint, undefined);
  const filled = max > min ? ((value - min) / (max - min)) * 100 : 0;
  return (
    <div className="field range">
      <div className="range-head">
        <label htmlFor={id}>{label}</label>
        <output htmlFor={id} id={`${id}-value`} data-testid={testId} aria-hidden="true">
          {formatValue(value)}
        </output>
      </div>
      <input
        id={id}
        type="range"
        name={name}
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(event) => setValue(Number(event.currentTarget.value))}
        aria-valuetext={formatValue(value)}
        aria-describedby={hintId}
        style={{ "--range-filled": `${filled}%` } as CSSProperties}
      />
      <div className="range-scale" aria-hidden="true">
        <span>{formatValue(min)}</span>
        <span>{formatValue(max)}</span>
      </div>
      {hintId ? <FieldHint id={hintId}>{hint}</FieldHint> : null}
    </div>
  );
}
