/// <reference lib="dom" />
import { html } from './dom.js';

/** The largest zoom; the smallest is 1, the drawn size, at which no text is under 11 px. */
export const MAX_ZOOM = 3;
const STEP = 1.25;

/**
 * Zoom and pan for a chart: buttons (zoom out, fit, zoom in, expand), `+`, `-` and `0` while the
 * chart has the focus, Ctrl and the wheel over it, and dragging to pan its box. The zoom never goes
 * under the drawn size, so that no text is smaller than 11 px; "fit" shows the whole chart in its
 * box as far as that allows. Returns the toolbar and the box to put the drawing in.
 */
export function addChartZoom(
  chart: HTMLElement,
  drawing: SVGSVGElement,
  name: string,
): { readonly toolbar: HTMLElement; readonly box: HTMLElement } {
  const width = Number(drawing.getAttribute('width'));
  const height = Number(drawing.getAttribute('height'));
  const box = html('div', { class: 'chart-box', tabindex: '0', 'aria-label': `${name}: scroll or drag to pan` });
  box.append(drawing);
  let zoom = 1;
  const label = html('span', { class: 'zoom-level', 'aria-live': 'polite' }, '100%');
  const set = (next: number) => {
    zoom = Math.min(MAX_ZOOM, Math.max(1, next));
    drawing.setAttribute('width', String(width * zoom));
    drawing.setAttribute('height', String(height * zoom));
    label.textContent = `${Math.round(zoom * 100)}%`;
    chart.dataset.zoom = String(zoom);
  };
  // The largest zoom at which the whole chart shows in its box (its width, and its height as far
  // as the box may grow), never under the drawn size.
  const fit = () => {
    const tallest = parseFloat(getComputedStyle(box).maxHeight);
    set(Math.min(box.clientWidth / width, Number.isFinite(tallest) ? tallest / height : Infinity));
  };
  const button = (text: string, title: string, act: () => void) => {
    const b = html('button', { type: 'button', title, 'aria-label': `${title}: ${name}` }, text);
    b.addEventListener('click', act);
    return b;
  };
  const toggleExpanded = () => {
    const expanded = chart.classList.toggle('expanded');
    expand.textContent = expanded ? 'Collapse' : 'Expand';
    expand.setAttribute('aria-pressed', String(expanded));
    fit();
  };
  const expand = button('Expand', 'Expand the chart', () => toggleExpanded());
  // Escape collapses an expanded chart before anything else on the page hears it.
  chart.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !chart.classList.contains('expanded')) return;
    toggleExpanded();
    expand.focus();
    event.stopPropagation();
  });
  expand.setAttribute('aria-pressed', 'false');
  const toolbar = html(
    'div',
    { class: 'zoom', role: 'toolbar', 'aria-label': `Zoom: ${name}` },
    button('−', 'Zoom out', () => set(zoom / STEP)),
    button('Fit', 'Fit the chart', fit),
    button('+', 'Zoom in', () => set(zoom * STEP)),
    label,
    expand,
  );
  box.addEventListener('keydown', (event) => {
    if (event.key === '+' || event.key === '=') set(zoom * STEP);
    else if (event.key === '-') set(zoom / STEP);
    else if (event.key === '0') fit();
    else return;
    event.preventDefault();
    event.stopPropagation();
  });
  box.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      set(event.deltaY < 0 ? zoom * STEP : zoom / STEP);
    },
    { passive: false },
  );
  let drag: { x: number; y: number; left: number; top: number } | null = null;
  box.addEventListener('pointerdown', (event) => {
    if ((event.target as Element).closest('.stance')) return;
    drag = { x: event.clientX, y: event.clientY, left: box.scrollLeft, top: box.scrollTop };
    box.setPointerCapture(event.pointerId);
  });
  box.addEventListener('pointermove', (event) => {
    if (!drag) return;
    box.scrollLeft = drag.left - (event.clientX - drag.x);
    box.scrollTop = drag.top - (event.clientY - drag.y);
  });
  box.addEventListener('pointerup', () => (drag = null));
  chart.dataset.zoom = '1';
  return { toolbar, box };
}
