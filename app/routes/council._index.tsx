import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/user.server";
import { listCouncilRegions } from "~/council/routes.server";
import { visibleRegions } from "~/domain/access";
import { pageTitle, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "councilWorkspace");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context.services);
  const visible = visibleRegions(user);
  if (visible && visible.length === 1) throw redirect(`/council/${visible[0]}`);
  return { regions: await listCouncilRegions(context.services) };
}

export default function CouncilHome() {
  const { regions } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main className="page">
      <h1>{t("councilWorkspace")}</h1>
      <p>{t("councilPickRegion")}</p>
      <ul>
        {regions.map((r) => (
          <li key={r.code}>
            <Link to={`/council/${r.code}`}>{t.nameOf(r)}</Link>
          </li>
        ))}
      </ul>
    </main>
  );
}

export { PageError as ErrorBoundary } from "~/components/PageError";
