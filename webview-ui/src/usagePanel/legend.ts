// An HTML legend: readable by screen readers, selectable text, and each entry a button that
// shows or hides its group in the chart.

import { el } from './dom';

export interface LegendEntry {
  key: string;
  label: string;
  colour: string;
  /** Formatted total for the period. */
  total: string;
  hidden: boolean;
}

export function legend(title: string, entries: LegendEntry[], onToggle: (key: string) => void): HTMLElement {
  const items = entries.map((entry) => {
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    // Setting a style property from script is allowed by the strict CSP; inline style markup is not.
    swatch.style.backgroundColor = entry.colour;
    const button = el(
      'button',
      { type: 'button', class: 'legend-entry', 'aria-pressed': entry.hidden ? 'false' : 'true', 'data-key': entry.key },
      swatch,
      el('span', { class: 'legend-label' }, entry.label),
      el('span', { class: 'legend-total' }, entry.total),
    );
    button.addEventListener('click', () => onToggle(entry.key));
    return el('li', {}, button);
  });
  return el('nav', { class: 'legend', 'aria-label': title }, el('ul', {}, ...items));
}
