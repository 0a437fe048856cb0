// Contrast in a real browser, measured on what is drawn (axe-core checks the page's HTML text;
// this checks the charts' SVG): text at least 4.5:1 against what it is drawn on, lines at least 3:1.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/scenario.js';
import { useInspector } from '../helpers/inspector-page.js';
import { ARTICLE } from '../helpers/scenarios.js';

const scenario = loadScenario(ARTICLE);
const { open } = useInspector(scenario);

/** Below these, what `page.evaluate` measured is listed, with its contrast. */
const TEXT = 4.5;
const LINE = 3;

describe('the inspector’s contrast', () => {
  it('draws chart text at 4.5:1 or more and lines at 3:1 or more, on the timeline and on a branch', async () => {
    for (const hash of ['#at=12', '#at=18&base=16&whatif=architecture-established~ukraine-accepts-raised-level']) {
      const { page } = await open(hash);
      await page.locator('.odds-chart').waitFor();
      const found = await page.evaluate(
        ({ text, line }) => {
          const rgb = (colour: string) => {
            const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?/.exec(colour);
            return m ? { r: +m[1]!, g: +m[2]!, b: +m[3]!, a: m[4] === undefined ? 1 : +m[4] } : null;
          };
          const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
            const f = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
          };
          const ratio = (a: string, b: string) => {
            const [x, y] = [rgb(a), rgb(b)].map((c) => (c ? luminance(c) : 0)) as [number, number];
            return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
          };
          // What an element is drawn on: its stance box's fill, else the nearest HTML background.
          const backdrop = (element: Element) => {
            const box = element.closest('g.stance')?.querySelector('rect');
            if (box) return getComputedStyle(box).fill;
            for (let e: Element | null = element; e; e = e.parentElement) {
              const colour = getComputedStyle(e).backgroundColor;
              if ((rgb(colour)?.a ?? 0) > 0) return colour;
            }
            return 'rgb(255, 255, 255)';
          };
          const failures: string[] = [];
          let counted = 0;
          for (const t of document.querySelectorAll<SVGTextElement>('svg text')) {
            counted++;
            const r = ratio(getComputedStyle(t).fill, backdrop(t));
            if (r < text) failures.push(`text "${t.textContent}" ${r.toFixed(2)}:1`);
          }
          const lines = document.querySelectorAll<SVGElement>(
            '.transition path, marker path, .stance rect, .odds-chart polyline, .odds-chart line',
          );
          for (const l of lines) {
            counted++;
            const style = getComputedStyle(l);
            const colour = l.closest('marker') ? style.fill : style.stroke;
            const r = ratio(colour, backdrop(l.closest('svg') as Element));
            if (r < line) failures.push(`${l.tagName} ${l.getAttribute('class') ?? ''} ${r.toFixed(2)}:1`);
          }
          return { failures: [...new Set(failures)], counted };
        },
        { text: TEXT, line: LINE },
      );
      expect(found.counted).toBeGreaterThan(100);
      expect(found.failures).toEqual([]);
      await page.close();
    }
  });
});
