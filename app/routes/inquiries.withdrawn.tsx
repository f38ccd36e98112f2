import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { metaT, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("inquiryWithdrawnTitle")} — ${t("appName")}` }];
};

/** Where a withdrawal lands: the status link itself answers 404 from now on. */
export function loader({ request }: LoaderFunctionArgs) {
  const reference = new URL(request.url).searchParams.get("reference") ?? "";
  return { reference: /^CL-\d{6}-[2-9A-Z]{6}$/.test(reference) ? reference : "" };
}

export default function InquiryWithdrawnPage() {
  const { reference } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main className="page inquiry-page">
      <h1>{t("inquiryWithdrawnTitle")}</h1>
      <p role="status">{t("inquiryWithdrawnBody", { reference })}</p>
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
