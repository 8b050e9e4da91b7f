import { useEffect, useState } from 'react';

/**
 * The clock for countdowns and waiting times, ticking every `intervalMs`. Components read time
 * only through this hook so the rules they call stay pure (now is a parameter).
 */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, intervalMs);
    return () => {
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
