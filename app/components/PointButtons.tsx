import { useEffect, useState, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import { Button } from "./ui";

/**
 * The buttons that set a point for a search or a match: the device's location, a point picked on the
 * map (a toggle, with a spoken hint while it is on) and clearing the point. They need JavaScript, so
 * they appear once the page is interactive; `children` (links that work without it) always show.
 */
export function PointButtons({
  labels,
  picking,
  onPickingChange,
  onLocate,
  onClear,
  pickTestId,
  children,
}: {
  labels: { locate: string; pick: string; clear: string };
  picking: boolean;
  onPickingChange: (picking: boolean) => void;
  onLocate: () => void;
  /** Without it there is no point to clear, and no button for it. */
  onClear?: () => void;
  pickTestId: string;
  children?: ReactNode;
}) {
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <>
      <div className="search-near">
        {hydrated ? (
          <>
            <Button onClick={onLocate}>{labels.locate}</Button>
            <Button onClick={() => onPickingChange(!picking)} aria-pressed={picking} data-testid={pickTestId}>
              {labels.pick}
            </Button>
            {onClear ? <Button onClick={onClear}>{labels.clear}</Button> : null}
          </>
        ) : null}
        {children}
      </div>
      {picking ? (
        <p className="hint" role="status">
          {t("pickingHint")}
        </p>
      ) : null}
    </>
  );
}
