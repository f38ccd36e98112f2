import { now } from "~/clock";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Table } from "~/components/ui";
import { BackLinkPage } from "~/components/BackLinkPage";
import { requireUser } from "~/auth/user.server";
import { loadRegion } from "~/council/routes.server";
import { pageTitle, useT } from "~/i18n/react";
import { loadInbox } from "~/inquiries/council.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "inquiryInbox");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services);
  const region = await loadRegion(context.services, params.region);
  return loadInbox(context.services, user, region, now());
}

export default function InquiryInbox() {
  const { region, items, open, overdueDays } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/council/${region.code}/inquiries`;
  return (
    <BackLinkPage backTo={`/council/${region.code}`} backLabel={`${t("councilWorkspace")} — ${t.nameOf(region)}`}>
      <h1>
        {t("inquiryInbox")} — {t.nameOf(region)}
      </h1>
      <p>{t("inquiryOpenCount", { count: open })}</p>
      {items.length === 0 ? (
        <p>{t("inquiryInboxEmpty")}</p>
      ) : (
        <Table
          testId="inquiry-inbox"
          columns={[
            { key: "inquiryReference", label: t("inquiryReference") },
            { key: "inquiryTarget", label: t("inquiryTarget") },
            { key: "inquiryName", label: t("inquiryName") },
            { key: "inquiryState", label: t("inquiryState") },
            { key: "inquiryReceived", label: t("inquiryReceived") },
          ]}
        >
          {items.map((item) => (
            <tr key={item.id} data-inquiry-id={item.id} data-state={item.state}>
              <td>
                <Link to={`${base}/${item.id}`}>{item.reference}</Link>
              </td>
              <td>{item.target ? t.nameOf(item.target) : "—"}</td>
              <td>{item.name ?? "—"}</td>
              <td>
                {t(`inquiryState_${item.state}`)}
                {item.outcome ? ` · ${t(`inquiryOutcome_${item.outcome}`)}` : ""}{" "}
                {item.overdue && <span className="badge overdue">{t("inquiryOverdue", { days: overdueDays })}</span>}
              </td>
              <td>{t.format.dateTime(item.createdAt)}</td>
            </tr>
          ))}
        </Table>
      )}
    </BackLinkPage>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
