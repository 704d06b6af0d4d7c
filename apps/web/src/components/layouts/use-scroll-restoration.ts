import { type RefObject, useEffect, useLayoutEffect, useRef } from "react";
import { useLocation, useNavigationType } from "react-router";

const STORAGE_KEY = "allot.scroll";
/**
 * How long Back keeps trying to reach the old position while the page's lists are still filling in (on a slow
 * connection or a busy machine that takes seconds). Any scrolling by the person ends it at once.
 */
const RESTORE_FOR_MS = 8_000;

function readPositions(): Map<string, number> {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? "[]") as unknown;
    return new Map(Array.isArray(stored) ? (stored as [string, number][]) : []);
  } catch {
    return new Map();
  }
}

function writePositions(positions: Map<string, number>) {
  try {
    // The newest hundred entries are plenty for Back and Forward.
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...positions].slice(-100)));
  } catch {
    // Storage can be unavailable (private mode); positions then last for this page only.
  }
}

/**
 * Scroll positions of the frame's scrolling area (the page scrolls inside `main`, not the window, so react-router's
 * <ScrollRestoration> cannot do this): a new page starts at its top, Back and Forward return to where each history
 * entry was left. Filters and panels that only replace the query string (useQueryParams) keep the position.
 */
export function useScrollRestoration(container: RefObject<HTMLElement | null>) {
  const location = useLocation();
  const navigationType = useNavigationType();
  const positions = useRef<Map<string, number> | null>(null);
  positions.current ??= readPositions();
  const currentKey = useRef(location.key);
  const previousPath = useRef(location.pathname);

  // Remember the position of the entry on screen whenever it scrolls.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onScroll = () => positions.current?.set(currentKey.current, element.scrollTop);
    element.addEventListener("scroll", onScroll, { passive: true });
    const onHide = () => positions.current && writePositions(positions.current);
    window.addEventListener("pagehide", onHide);
    return () => {
      element.removeEventListener("scroll", onScroll);
      window.removeEventListener("pagehide", onHide);
    };
  }, [container]);

  useLayoutEffect(() => {
    const element = container.current;
    const map = positions.current;
    if (!element || !map || currentKey.current === location.key) return;
    currentKey.current = location.key;
    const pathChanged = previousPath.current !== location.pathname;
    previousPath.current = location.pathname;
    writePositions(map);

    if (navigationType !== "POP") {
      // A link or a redirect: the new page starts at its top; a filter replacing the query string stays put.
      if (navigationType === "PUSH" || pathChanged) {
        element.scrollTop = 0;
        map.set(location.key, 0);
      }
      return;
    }
    const target = map.get(location.key);
    if (target === undefined) {
      if (pathChanged) element.scrollTop = 0;
      return;
    }
    // Back or Forward: the page may still be loading its lists, so keep trying until it is tall enough, the
    // person scrolls, or time runs out.
    let frame = 0;
    const until = performance.now() + RESTORE_FOR_MS;
    const stop = () => {
      window.cancelAnimationFrame(frame);
      element.removeEventListener("wheel", stop);
      element.removeEventListener("touchstart", stop);
      element.removeEventListener("keydown", stop);
      element.removeEventListener("pointerdown", stop);
    };
    const attempt = () => {
      element.scrollTop = target;
      if (Math.abs(element.scrollTop - target) <= 1 || performance.now() > until) stop();
      else frame = window.requestAnimationFrame(attempt);
    };
    element.addEventListener("wheel", stop, { passive: true });
    element.addEventListener("touchstart", stop, { passive: true });
    element.addEventListener("keydown", stop);
    // A drag of the scrollbar fires no wheel event.
    element.addEventListener("pointerdown", stop, { passive: true });
    attempt();
    return stop;
  }, [container, location.key, location.pathname, navigationType]);
}
