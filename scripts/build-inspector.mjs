// Bundles the inspector page (the same engine modules the command line runs) for the browser,
// into dist/inspector/assets, which the inspector's server serves and nothing else.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const out = 'dist/inspector/assets';
mkdirSync(out, { recursive: true });
// The page, and the worker that answers its questions off the page's thread.
await build({
  entryPoints: { app: 'src/inspector/page/main.ts', worker: 'src/inspector/page/analysis-worker.ts' },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  outdir: out,
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
copyFileSync('src/inspector/page/app.css', `${out}/app.css`);
