import type { DemandCell, DemandFigures } from "~/domain/inquiries";
import { useT } from "~/i18n/react";

interface DemandSectionProps {
  demand: { minCell: number; total: { suppressed: boolean; figures: DemandFigures | null }; cells: DemandCell[] };
  regionName: Map<string, string>;
  divisionName: Map<string, string>;
  csvHref: string;
}

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
        <div className="table-scroll">
          <table className="gap-table" data-testid="gap-demand-table">
            <thead>
              <tr>
                <th scope="col">{t("inquiryRegion")}</th>
                <th scope="col">{t("inquiryClass")}</th>
                <th scope="col">{t("inquiryIndustry")}</th>
                <th scope="col" className="num">
                  {t("demandRequests")}
                </th>
                <th scope="col" className="num">
                  {t("demandOpen")}
                </th>
                <th scope="col" className="num">
                  {t("demandUnmet")}
                </th>
                <th scope="col" className="num">
                  {t("demandHelpedShare")}
                </th>
                <th scope="col" className="num">
                  {t("demandFirstAnswer")}
                </th>
                <th scope="col" className="num">
                  {t("demandToClose")}
                </th>
              </tr>
            </thead>
            <tbody>
              {demand.cells.map((cell) => (
                <tr
                  key={`${cell.regionCode}|${cell.pavittClass ?? ""}|${cell.ksicDivision ?? ""}`}
                  data-suppressed={cell.suppressed ? "true" : undefined}
                >
                  <td>{regionName.get(cell.regionCode) ?? cell.regionCode}</td>
                  <td>{cell.pavittClass ? t.label("pavittClass", cell.pavittClass) : "—"}</td>
                  <td>
                    {cell.ksicDivision ? `${cell.ksicDivision} ${divisionName.get(cell.ksicDivision) ?? ""}` : "—"}
                  </td>
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
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={csvHref}>{t("demandDownloadCsv")}</a>
      </p>
    </section>
  );
}
