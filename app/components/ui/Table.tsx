import { useId, type ReactNode } from "react";

export interface TableColumn<Key extends string = string> {
  key: Key;
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

export interface TableSort<Key extends string = string> {
  key: Key;
  descending: boolean;
}

/**
 * A data table with a header row; the rows come as children (`<tr>`s). Given `onSort`, each header is a
 * button that sorts by its column and the sorted one carries `aria-sort`. Without `columns` the table
 * has no header row, for tables whose rows name themselves (`<th scope="row">`). Wide tables scroll
 * sideways in their own box so the page never does; the box takes keyboard focus, so arrow keys can
 * scroll it, and is named by the caption.
 */
export function Table<Key extends string>({
  columns,
  caption,
  sort,
  onSort,
  sortLabel,
  variant = "data",
  testId,
  className,
  children,
}: {
  columns?: readonly TableColumn<Key>[];
  caption?: ReactNode;
  sort?: TableSort<Key>;
  onSort?: (key: Key) => void;
  /** The button's name, e.g. "Sort by {column}". */
  sortLabel?: (column: string) => string;
  /** `figures` for tables of counts (the gap tables' look). */
  variant?: "data" | "figures";
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role={caption ? "region" : undefined}
      aria-labelledby={caption ? captionId : undefined}
    >
      <table
        className={[variant === "figures" ? "gap-table" : "data-table", className].filter(Boolean).join(" ")}
        data-testid={testId}
      >
        {caption ? (
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
        ) : null}
        {columns ? (
          <thead>
            <tr>
              {columns.map((column) => {
                const sorted = sort?.key === column.key;
                return (
                  <th
                    scope="col"
                    key={column.key}
                    aria-sort={sorted ? (sort.descending ? "descending" : "ascending") : undefined}
                    className={column.numeric ? "num" : undefined}
                  >
                    {onSort ? (
                      <button
                        type="button"
                        className="sort"
                        onClick={() => onSort(column.key)}
                        aria-label={sortLabel ? sortLabel(column.label) : undefined}
                      >
                        {column.label}
                        <span aria-hidden="true">{sorted ? (sort.descending ? " ▼" : " ▲") : ""}</span>
                      </button>
                    ) : (
                      column.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
        ) : null}
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
