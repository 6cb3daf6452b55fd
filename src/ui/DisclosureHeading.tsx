// a panel heading whose button shows or hides the panel below it (filters, data menu).
import type { ReactNode } from 'react';

interface DisclosureHeadingProps {
  id: string;
  /** id of the panel the button shows and hides */
  controls: string;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}

export function DisclosureHeading({ id, controls, open, onToggle, children }: DisclosureHeadingProps) {
  return (
    <h2 id={id} className="panel-heading">
      <button type="button" className="disclosure" aria-expanded={open} aria-controls={controls} onClick={onToggle}>
        {children}
      </button>
    </h2>
  );
}
