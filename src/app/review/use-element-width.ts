import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of an element, read before its first paint and followed on resize: a chart can
 * draw at its size in the first frame instead of rendering empty, measuring, then drawing
 * (recharts' ResponsiveContainer costs a render and a frame per chart).
 */
export function useElementWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.getBoundingClientRect().width));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
