import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { PLAIN } from '../../src/report/colors.js';
import { renderDiagnostics } from '../../src/report/render-diagnostics.js';

function render(text: string, diagnostic: Diagnostic): string[] {
  const lineCounter = new LineCounter();
  parseDocument(text, { lineCounter });
  return renderDiagnostics({ file: 'f.yaml', text, lineCounter }, [diagnostic], PLAIN).split('\n');
}

describe('renderDiagnostics', () => {
  it('shows the source line with carets under the span', () => {
    const text = 'parley: 1\ntitle: [oops\n';
    const lines = render(text, { code: 'yaml-syntax', severity: 'error', message: 'm', span: { start: 17, end: 21 } });
    expect(lines.slice(0, 3)).toEqual(['f.yaml:2:8: error: m [yaml-syntax]', '2 | title: [oops', '  |        ^^^^']);
  });

  it('shows a window of a very long line around the span, its carets still under it', () => {
    const line = `${'a'.repeat(100_000)}HERE${'b'.repeat(100_000)}`;
    const start = 10 + 100_000;
    const [, source = '', carets = ''] = render(`parley: 1\n${line}\n`, {
      code: 'invalid-value',
      severity: 'error',
      message: 'm',
      span: { start, end: start + 4 },
    });
    expect(source.length).toBeLessThan(200);
    expect(source).toMatch(/^2 \| …a+HEREb+…$/);
    expect(source.indexOf('HERE')).toBe(carets.indexOf('^'));
    expect(carets.slice(carets.indexOf('^'))).toBe('^^^^');
  });
});
