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
    const installed = spawnSync(
      'npm',
      ['install', '--prefer-offline', tarball, 'vitest@^4.1.0', 'typescript@~6.0.3', '@types/node@^20.19.0'],
      { cwd: project, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } },
    );
    expect(installed.status, installed.stderr).toBe(0);
    // parley runs nothing when installed, so npm has no install script of its own to warn about.
    expect(installed.stdout + installed.stderr).not.toMatch(/install-scripts|parley@[^\n]*(prepare|install)/);
    // Its source maps carry their sources, which the package does not ship otherwise.
    const dist = join(project, 'node_modules', 'parley', 'dist');
    const maps = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(50);
    for (const map of maps) {
      const parsed = JSON.parse(readFileSync(join(dist, map), 'utf8')) as {
        sources: string[];
        sourcesContent?: string[];
      };
      expect(parsed.sourcesContent?.length, map).toBe(parsed.sources.length);
    }

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
    // The project's own Vitest on one of its test files, as its user runs it in CI.
    const runTests = (file: string) =>
      spawnSync(vitest, ['run', file], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true', NO_COLOR: '1' },
      });
    const passing = runTests('talks.test.ts');
    expect(passing.status, passing.stdout + passing.stderr).toBe(0);
    expect(passing.stdout).toMatch(/Tests\s+5 passed/);

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

    // From plain JavaScript: options checked, probability queries, scenarios changed in code, frozen results.
    writeFileSync(
      join(project, 'more.test.mjs'),
      [
        "import { expect, it } from 'vitest';",
        "import { explore, loadScenario, OptionError, withLikelihood } from 'parley';",
        "import 'parley/vitest';",
        "const talks = loadScenario('talks.yaml');",
        "const deal = (s) => explore(s).outcomes.find((o) => o.id === 'deal').probability;",
        "it('refuses misspelt and mistyped options', () => {",
        "  expect(() => expect(talks).toReachOutcome('deal', { witihn: 14 })).toThrow(OptionError);",
        "  expect(() => expect(talks).toReachOutcome('deal', { within: 'seven' })).toThrow(/option \"within\" expected/);",
        '});',
        "it('answers probability queries', () => expect(talks).toSatisfy('P >= 0.1 [eventually deal within 14 days]'));",
        "it('changes a likelihood in code', () => expect(deal(withLikelihood(talks, 'softened', 'almost certain'))).toBeGreaterThan(deal(talks)));",
        "it('returns frozen results', () => expect(Object.isFrozen(explore(talks).outcomes)).toBe(true));",
        '',
      ].join('\n'),
    );
    const more = runTests('more.test.mjs');
    expect(more.status, more.stdout + more.stderr).toBe(0);
    expect(more.stdout).toMatch(/Tests\s+4 passed/);

    // And a failing assertion fails, with parley's message.
    writeFileSync(
      join(project, 'failing.test.ts'),
      "import { expect, it } from 'vitest';\nimport { loadScenario } from 'parley';\nimport 'parley/vitest';\nit('fails', () => expect(loadScenario('talks.yaml')).toReachOutcome('deal', { within: { events: 1 } }));\n",
    );
    const failing = runTests('failing.test.ts');
    expect(failing.status).toBe(1);
    expect(failing.stdout + failing.stderr).toContain('expected "deal" to be reachable from the end of the timeline');
  });
});
