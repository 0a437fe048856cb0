import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { runParley } from '../helpers/run-cli.js';
import { startInspector } from '../helpers/spawn-cli.js';

describe('parley inspect', () => {
  it('serves the inspector on loopback, prints its address, and stops cleanly on Ctrl-C', async () => {
    const { url, stop } = await startInspector(['scenarios/article.yaml', '--no-open']);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>parley inspector</title>');
    const session = await (await fetch(`${url}api/session`)).json();
    expect(session.file).toBe('scenarios/article.yaml');
    expect((await stop()).code).toBe(0);
  });

  it('opens a trace saved with --max-events as a branch that keeps its limit (the built command)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-inspect-trace-'));
    const deadline = 'test/fixtures/deadline.yaml';
    await runParley(['explore', deadline, '--max-events', '1', '--save-traces', dir]);
    const path = join(dir, 'late-offer.trace.json');
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    const { url, stop } = await startInspector([deadline, '--trace', path, '--no-open']);
    try {
      const session = await (await fetch(`${url}api/session`)).json();
      expect(session.trace).toMatchObject({
        whatIf: saved.moves,
        key: saved.key,
        maxEvents: 1,
        name: 'Trace to late-offer',
      });
    } finally {
      expect((await stop()).code).toBe(0);
    }
  });

  it('refuses a trace that does not replay, exit 2', async () => {
    const result = await runParley([
      'inspect',
      'scenarios/article.yaml',
      '--trace',
      'test/fixtures/tiny.yaml',
      '--no-open',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('test/fixtures/tiny.yaml:1:1: error:');
  });

  it('refuses a port in use or out of range with a message and exit 2, no stack trace', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      const inUse = await runParley(['inspect', 'scenarios/article.yaml', '--no-open', '--port', String(port)]);
      expect(inUse).toMatchObject({
        code: 2,
        stdout: '',
        stderr: `error: cannot listen on 127.0.0.1 port ${port}: the port is in use (choose another with --port, or 0 for any free port)\n`,
      });
    } finally {
      busy.close();
    }
    const outOfRange = await runParley(['inspect', 'scenarios/article.yaml', '--no-open', '--port', '70000']);
    expect(outOfRange.code).toBe(2);
    expect(outOfRange.stderr).toContain('expected a whole number from 0 to 65,535, got "70000"');
  });

  it('says where --stately ws://… streams, and keeps serving while nothing listens there', async () => {
    const { url, stderr, stop } = await startInspector([
      'scenarios/article.yaml',
      '--no-open',
      '--stately',
      'ws://127.0.0.1:9/',
    ]);
    expect((await fetch(url)).status).toBe(200);
    await stop();
    expect(stderr()).toBe(
      "streaming the parties' actors to the WebSocket inspector at ws://127.0.0.1:9/ (kept until it accepts a connection)\n",
    );
  });

  it('refuses a --host that is not an address or a host name, the empty one first: exit 2, no stack trace', async () => {
    for (const host of ['', ' ', 'http://localhost', 'local host']) {
      const result = await runParley(['inspect', 'scenarios/article.yaml', '--no-open', '--host', host]);
      expect(result.code, JSON.stringify(host)).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')[0]).toBe(
        `error: option '--host <host>' argument '${host}' is invalid. expected an IP address (127.0.0.1, ::1, 0.0.0.0 for every interface) or a host name, got ${JSON.stringify(host)}`,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('bound beyond loopback, warns on stderr who can reach it; on loopback, says nothing', async () => {
    const serveOn = async (host: string) => {
      const { url, stderr, stop } = await startInspector(['scenarios/article.yaml', '--no-open', '--host', host]);
      const port = new URL(url).port;
      // Stopped once it serves, as a person would press Ctrl-C: it ends cleanly, not by the signal.
      expect((await fetch(`http://127.0.0.1:${port}/`, { headers: { host: `127.0.0.1:${port}` } })).status).toBe(200);
      const { code, signal } = await stop();
      expect(`${code} ${signal}`).toBe('0 null');
      return { port, stderr: stderr() };
    };
    const everywhere = await serveOn('0.0.0.0');
    expect(everywhere.stderr).toBe(
      `warning: listening on every network interface (0.0.0.0), not only this machine: any machine that can reach this one on port ${everywhere.port}: the networks it is on, and beyond them wherever a router forwards the port can open the inspector and read the scenario; use --host 127.0.0.1 (the default) to keep it to this machine\n`,
    );
    expect((await serveOn('localhost')).stderr).toBe('');
  });

  it('documents its options in --help', async () => {
    const { code, stdout } = await runParley(['inspect', '--help']);
    expect(code).toBe(0);
    expectGolden('help/inspect.txt', stdout);
  });
});
