// A tiny element builder. Text goes in through textContent only (never innerHTML), so labels
// from Azure — resource names, tag values — cannot inject markup.

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) { continue; }
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) { continue; }
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function option(value: string, label: string, selected: boolean, disabled = false): HTMLOptionElement {
  const o = el('option', { value, disabled }, label);
  o.selected = selected;
  return o;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}
