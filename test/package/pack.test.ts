import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/scenarios.js';

/** Returns the first fenced block in `language` after the heading that starts with `heading`. */
function readmeBlock(heading: string, language: string, startsWith = ''): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(`\n## ${heading}`));
  const fence = new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g');
  for (const match of section.matchAll(fence))
    if ((match[1] as string).startsWith(startsWith)) return match[1] as string;
  throw new Error(`no ${language} block in README section "${heading}"`);
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('a user’s project', () => {
  it('installs the packed tarball with Vitest and runs the README’s example test, types included', () => {
    const packDir = mkdtempSync(join(tmpdir(), 'parley-pack-'));
    // `npm test` has built dist/ already; rebuilding it here would race the other test files reading it.
    npm(['pack', '--ignore-scripts', '--pack-destination', packDir], ROOT);
    const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz')) as string);

    const project = mkdtempSync(join(tmpdir(), 'parley-user-'));
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
    );
    npm(
      ['install', '--prefer-offline', tarball, 'vitest@^4.1.0', 'typescript@~6.0.3', '@types/node@^20.19.0'],
      project,
    );

    writeFileSync(join(project, 'talks.yaml'), readmeBlock('The scenario format', 'yaml', 'parley: 1'));
    writeFileSync(join(project, 'talks.test.ts'), readmeBlock('Testing your scenarios', 'ts'));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        include: ['*.ts'],
      }),
    );

    const vitest = join(project, 'node_modules', '.bin', 'vitest');
    const passing = spawnSync(vitest, ['run', 'talks.test.ts'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    });
    expect(passing.status, passing.stdout + passing.stderr).toBe(0);
    expect(passing.stdout).toMatch(/Tests\s+4 passed/);

    // The matchers' types: a misspelt matcher or a wrong option must not compile, the example must.
    const tsc = join(project, 'node_modules', '.bin', 'tsc');
    const types = spawnSync(tsc, ['-p', '.'], { cwd: project, encoding: 'utf8' });
    expect(types.status, types.stdout).toBe(0);
    writeFileSync(
      join(project, 'wrong.ts'),
      "import { expect } from 'vitest';\nimport 'parley/vitest';\nexpect({}).toReachOutcome('deal', { within: 'soon' });\nexpect({}).toReachOutcom('deal');\n",
    );
    const wrong = spawnSync(tsc, ['-p', '.'], { cwd: project, encoding: 'utf8' });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toContain('wrong.ts(3,');
    expect(wrong.stdout).toContain("Property 'toReachOutcom' does not exist");

    // And a failing assertion fails, with parley's message.
    writeFileSync(
      join(project, 'failing.test.ts'),
      "import { expect, it } from 'vitest';\nimport { loadScenario } from 'parley';\nimport 'parley/vitest';\nit('fails', () => expect(loadScenario('talks.yaml')).toReachOutcome('deal', { within: { events: 1 } }));\n",
    );
    const failing = spawnSync(vitest, ['run', 'failing.test.ts'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    });
    expect(failing.status).toBe(1);
    expect(failing.stdout + failing.stderr).toContain('expected "deal" to be reachable from the end of the timeline');
  }, 300_000);
});
