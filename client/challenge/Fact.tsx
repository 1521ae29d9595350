/** One labelled number of a challenge or a run (inside a `<dl>`). */
import type { ReactNode } from 'react';

export function Fact({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="rounded-md bg-stone-100 px-2 py-1.5">
      <dt className="text-xs text-stone-600">{label}</dt>
      <dd className="font-semibold break-all tabular-nums">{children}</dd>
    </div>
  );
}
