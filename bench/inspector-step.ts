import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS } from './chromium.js';

// How long a step takes in the inspector, in Debian's Chromium: from the click on "Step forward"
// until the frame after the page has drawn the new point, with and without an explanation open
// (whose analyses the page's worker answers meanwhile).

/** Starts `parley inspect` on a free port and returns its address, and a way to stop it. */
async function startInspector(file: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['dist/cli/main.js', 'inspect', file, '--no-open', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /http:\/\/\S+\//.exec(out);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`parley inspect exited with ${code}: ${out}`)));
  });
  return { url, stop: () => child.kill() };
}

function summarise(times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `median ${median.toFixed(1)} ms, slowest ${(sorted.at(-1) ?? 0).toFixed(1)} ms over ${times.length} steps`;
}

export async function benchInspectorStep(): Promise<void> {
  console.log('\n## The inspector in Chromium: the time a step takes, click to the next frame (article)');
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return;
  }
  if (!existsSync('dist/inspector/assets/app.js')) throw new Error('the inspector is not built: npm run build');
  const inspector = await startInspector('scenarios/article.yaml');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${inspector.url}#at=0`);
    await page.locator('.from-here table').waitFor();
    const steps = async () =>
      page.evaluate(async () => {
        const forward = document.getElementById('forward') as HTMLButtonElement;
        const times: number[] = [];
        while (!forward.disabled) {
          const started = performance.now();
          forward.click();
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          times.push(performance.now() - started);
        }
        return times;
      });
    const plain = await steps();
    await page.goto(`${inspector.url}#at=0`);
    await page.reload();
    await page.locator('.from-here button').first().click();
    await page.locator('.explanation #tornado-title').waitFor({ timeout: 120_000 });
    const explaining = await steps();
    console.log(`stepping the timeline: ${summarise(plain)}`);
    console.log(`stepping with an explanation open: ${summarise(explaining)}`);
  } finally {
    await browser.close();
    inspector.stop();
  }
}
