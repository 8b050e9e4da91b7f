import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/**
 * The latest value of an observable, re-subscribing when `deps` change. RxDB queries emit their
 * current result first, so screens render from local data without waiting for the network.
 */
export function useObservable<T>(
  factory: () => Observable<T>,
  initial: T,
  deps: readonly unknown[],
): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = factory().subscribe({ next: setValue });
    return () => {
      subscription.unsubscribe();
    };
    // The caller names what the factory depends on, as with useMemo.
  }, deps);
  return value;
}
