/// <reference lib="dom" />

const SVG = 'http://www.w3.org/2000/svg';

/** Creates an HTML element with attributes and children (text or elements). */
export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** Creates an SVG element with attributes and children. */
export function svg(
  tag: string,
  attributes: Record<string, string | number | undefined> = {},
  ...children: (Node | string)[]
): SVGElement {
  const element = document.createElementNS(SVG, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** A column heading: its text, and what it means on hover. */
export type ColumnHead = string | { readonly text: string; readonly title: string };

/** Creates a table with a row of column headings (`th scope="col"`) and the given bodies. */
export function table(heads: readonly ColumnHead[], ...bodies: HTMLElement[]): HTMLTableElement {
  const cells = heads.map((h) =>
    typeof h === 'string' ? html('th', { scope: 'col' }, h) : html('th', { scope: 'col', title: h.title }, h.text),
  );
  return html('table', {}, html('thead', {}, html('tr', {}, ...cells)), ...bodies);
}
