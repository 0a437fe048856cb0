/// <reference lib="dom" />
import type { Model } from '../../model/model.js';
import { renderStatecharts, type GraphFormat } from '../../report/graph-export.js';
import { html } from './dom.js';

const FORMATS: readonly { readonly format: GraphFormat; readonly name: string; readonly file: string }[] = [
  { format: 'mermaid', name: 'Mermaid', file: 'statecharts.mmd' },
  { format: 'dot', name: 'Graphviz dot', file: 'statecharts.dot' },
];

/**
 * Links that download the parties' statecharts as `parley graph` writes them, for reports: the
 * text is made in the page by the same function, so nothing is fetched.
 */
export function renderExports(model: Model): HTMLElement {
  const links = FORMATS.map(({ format, name, file }) => {
    const url = URL.createObjectURL(new Blob([renderStatecharts(model, format)], { type: 'text/plain' }));
    return html('a', { href: url, download: file }, name);
  });
  return html(
    'p',
    { class: 'exports' },
    'Download the statecharts: ',
    ...links.flatMap((link, i) => (i === 0 ? [link] : [' · ', link])),
  );
}
