import { type RefObject, useEffect } from "react";
import type { FocusTarget } from "./use-checker";

/**
 * Moves keyboard focus to an element when the pane asks for it: the results heading after a file
 * opens, the Settings button after saving, the message after an error.
 */
export function useFocusTarget(
  request: { target: FocusTarget; seq: number } | null,
  target: FocusTarget,
  ref: RefObject<HTMLElement | null>
): void {
  useEffect(() => {
    if (request?.target === target) ref.current?.focus();
  }, [request, target, ref]);
}
