import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireMutation } from "~/auth/csrf.server";
import { signOut } from "~/auth/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireMutation(request, context.services);
  const cleared = await signOut(request, context.services);
  return redirect("/", { headers: { "Set-Cookie": cleared } });
}
