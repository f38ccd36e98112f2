import { useNavigation } from "@remix-run/react";
import { useEffect, useRef, type RefObject } from "react";

/**
 * Filters that submit on change keep the keyboard where it was: the field's name is noted
 * before the submission and the field is focused again once the navigation has rendered.
 */
export function useKeepFocus(form: RefObject<HTMLFormElement>): () => void {
  const navigation = useNavigation();
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (navigation.state !== "idle" || !pending.current) return;
    const field = form.current?.elements.namedItem(pending.current);
    pending.current = null;
    if (field instanceof HTMLElement && document.activeElement !== field) field.focus();
  }, [navigation.state, form]);
  return () => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && form.current?.contains(active)) pending.current = active.getAttribute("name");
  };
}
