import { Table } from "./ui";
import type { DemandCell, DemandFigures } from "~/domain/inquiries";
import { useT } from "~/i18n/react";

interface DemandSectionProps {
  demand: { minCell: number; total: { suppressed: boolean; figures: DemandFigures | null }; cells: DemandCell[] };
  regionName: Map<string, string>;
  divisionName: Map<string, string>;
  csvHref: string;
}

/** The table's columns, named by their catalogue keys: where the requests are, then their figures. */
const DEMAND_COLUMNS = [
  { key: "inquiryRegion", numeric: false },
  { key: "inquiryClass", numeric: false },
  { key: "inquiryIndustry", numeric: false },
  ...(
    ["demandRequests", "demandOpen", "demandUnmet", "demandHelpedShare", "demandFirstAnswer", "demandToClose"] as const
  ).map((key) => ({ key, numeric: true })),
] as const;

/** The demand beside the supply: requests for help by region × class × industry, small cells shown as "fewer than N". */
export function DemandSection({ demand, regionName, divisionName, csvHref }: DemandSectionProps) {
  const t = useT();
  const f = t.format;
  const value = (n: number | null) => (n === null ? "—" : f.number(n, { maximumFractionDigits: 1 }));
  const share = (n: number | null) => (n === null ? "—" : f.percent(n));
  const withheld = t("demandSuppressed", { min: demand.minCell });
  return (
    <section aria-labelledby="gap-demand-title" data-testid="gap-demand">
      <h2 id="gap-demand-title">{t("demandTitle")}</h2>
      <p className="hint">{t("demandIntro", { min: demand.minCell })}</p>
      {demand.cells.length === 0 ? (
        <p>{t("demandEmpty")}</p>
      ) : (
        <Table
          variant="figures"
          testId="gap-demand-table"
          columns={DEMAND_COLUMNS.map(({ key, numeric }) => ({ key, label: t(key), numeric }))}
        >
          {demand.cells.map((cell) => (
            <tr
              key={`${cell.regionCode}|${cell.pavittClass ?? ""}|${cell.ksicDivision ?? ""}`}
              data-suppressed={cell.suppressed ? "true" : undefined}
            >
              <td>{regionName.get(cell.regionCode) ?? cell.regionCode}</td>
              <td>{cell.pavittClass ? t.label("pavittClass", cell.pavittClass) : "—"}</td>
              <td>{cell.ksicDivision ? `${cell.ksicDivision} ${divisionName.get(cell.ksicDivision) ?? ""}` : "—"}</td>
              {cell.suppressed ? (
                <td className="num" colSpan={6}>
                  {withheld}
                </td>
              ) : (
                <>
                  <td className="num">{f.number(cell.figures.requests)}</td>
                  <td className="num">{f.number(cell.figures.open)}</td>
                  <td className="num">{f.number(cell.figures.unmet)}</td>
                  <td className="num">{share(cell.figures.helpedShare)}</td>
                  <td className="num">{value(cell.figures.medianHoursToFirstAnswer)}</td>
                  <td className="num">{value(cell.figures.medianDaysToClose)}</td>
                </>
              )}
            </tr>
          ))}
        </Table>
      )}
      <p>
        <a href={csvHref}>{t("demandDownloadCsv")}</a>
      </p>
    </section>
  );
}
