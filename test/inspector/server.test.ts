import { createInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/scenario.js';
import { startInspectorServer, type InspectorServer } from '../../src/inspector/server.js';
import { ARTICLE, DEADLINE } from '../helpers/scenarios.js';

/**
 * A raw HTTP request, so that the Host header and the path are sent exactly as written. A server
 * may answer (413) before a large body is sent and then close the connection: the answer counts,
 * not the broken write that follows it.
 */
function send(
  server: InspectorServer,
  path: string,
  options: { host?: string; method?: string; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: '127.0.0.1',
        port: server.address.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${server.address.port}`, 'content-type': 'application/json' },
      },
      (res) => {
        answered = true;
        let body = '';
        const done = () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        res.on('data', (chunk) => (body += chunk));
        res.on('end', done);
        res.on('close', done);
      },
    );
    req.on('error', (error) => setTimeout(() => answered || reject(error), 200));
    req.end(options.body);
  });
}

const scenario = loadScenario(ARTICLE);
let server: InspectorServer;
beforeAll(async () => {
  server = await startInspectorServer({ scenario });
});
afterAll(() => server.close());

describe('the inspector’s server', () => {
  it('binds 127.0.0.1 by default', () => {
    expect(server.address.address).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.address.port}/`);
  });

  it('binds another address only when asked to (`--host`)', async () => {
    const everywhere = await startInspectorServer({ scenario, host: '0.0.0.0' });
    try {
      expect(everywhere.address.address).toBe('0.0.0.0');
      expect((await send(everywhere, '/')).status).toBe(200);
      expect((await send(everywhere, '/', { host: 'attacker.example' })).status).toBe(403);
      expect((await send(everywhere, '/', { host: `attacker.example:${everywhere.address.port}` })).status).toBe(403);
      // Another machine addresses it by one of this machine's IP addresses.
      expect((await send(everywhere, '/', { host: `192.0.2.7:${everywhere.address.port}` })).status).toBe(200);
      expect((await send(everywhere, '/', { host: `[2001:db8::7]:${everywhere.address.port}` })).status).toBe(200);
    } finally {
      await everywhere.close();
    }
    // Bound to loopback only, an outside address is refused.
    expect((await send(server, '/', { host: `192.0.2.7:${server.address.port}` })).status).toBe(403);
  });

  it('serves the page, its assets and the scenario, with a policy that keeps the page offline', async () => {
    const page = await send(server, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/assets/app.js">');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await send(server, '/assets/app.js')).status).toBe(200);
    expect((await send(server, '/assets/app.css')).status).toBe(200);
    const session = JSON.parse((await send(server, '/api/session')).body);
    expect(session.model.title).toBe(scenario.model.title);
    expect(session.trace).toBeNull();
  });

  it('refuses requests whose Host is not this machine', async () => {
    const port = server.address.port;
    expect((await send(server, '/', { host: 'evil.example' })).status).toBe(403);
    expect((await send(server, '/api/session', { host: `evil.example:${port}` })).status).toBe(403);
    expect((await send(server, '/', { host: '127.0.0.1' })).status).toBe(403);
    expect((await send(server, '/', { host: `127.0.0.1:${port + 1}` })).status).toBe(403);
    expect((await send(server, '/', { host: `localhost:${port}` })).status).toBe(200);
    expect((await send(server, '/', { host: `[::1]:${port}` })).status).toBe(200);
  });

  it('serves nothing but its own assets: path traversal finds nothing', async () => {
    for (const path of [
      '/assets/../package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/../../etc/passwd',
      '/scenarios/article.yaml',
      '/assets/app.js.map',
      '/dist/cli/main.js',
    ]) {
      const response = await send(server, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('"name": "parley"');
    }
  });

  it('refuses an oversized request and has no position endpoint without --stately', async () => {
    const big = JSON.stringify({ moves: Array(20_000).fill('architecture-established') });
    expect((await send(server, '/api/position', { method: 'POST', body: big })).status).toBe(413);
    expect((await send(server, '/api/position', { method: 'POST', body: '{"moves":[]}' })).status).toBe(404);
  });
});

describe('streaming to Stately’s inspector (offline, through a capturing adapter)', () => {
  it('registers every party’s actor, then sends each position as events and snapshots', async () => {
    const sent: StatelyInspectionEvent[] = [];
    const inspector = createInspector({ send: (event) => void sent.push(event) });
    const stately = await startInspectorServer({ scenario, stately: inspector });
    try {
      expect(sent.filter((e) => e.type === '@xstate.actor').map((e) => e.sessionId)).toEqual([
        'ukraine',
        'russia',
        'united-states',
        'europe',
        'turkey',
      ]);
      const actor = sent.find((e) => e.type === '@xstate.actor') as { definition?: string; name: string };
      expect(actor.name).toBe('ukraine');
      expect(JSON.parse(actor.definition ?? '{}')).toMatchObject({ id: 'ukraine', initial: 'ceasefire-first' });
      const moves = [...scenario.timeline, 'architecture-established'];
      expect((await send(stately, '/api/position', { method: 'POST', body: JSON.stringify({ moves }) })).status).toBe(
        204,
      );
      const ukraine = sent.filter((e) => e.sessionId === 'ukraine');
      expect(ukraine.at(-2)).toMatchObject({ type: '@xstate.event', event: { type: 'architecture-established' } });
      expect(ukraine.at(-1)).toMatchObject({
        type: '@xstate.snapshot',
        snapshot: { value: 'seeking-trilateral-meeting' },
      });
      expect(
        (await send(stately, '/api/position', { method: 'POST', body: '{"moves":["trilateral-held"]}' })).status,
      ).toBe(400);
      expect((await send(stately, '/api/position', { method: 'POST', body: 'not json' })).status).toBe(400);
      const negative = JSON.stringify({ moves, base: -1 });
      expect((await send(stately, '/api/position', { method: 'POST', body: negative })).status).toBe(400);
    } finally {
      await stately.close();
    }
  });

  it('shows a branch that keeps a trace’s limit on events, and refuses it without the limit', async () => {
    const sent: StatelyInspectionEvent[] = [];
    const deadline = loadScenario(DEADLINE);
    const stately = await startInspectorServer({
      scenario: deadline,
      stately: createInspector({ send: (e) => void sent.push(e) }),
    });
    try {
      const moves = ['start', 'offer', '+1 day', '+1 day'];
      const limited = JSON.stringify({ moves, base: 1, maxEvents: 1 });
      expect((await send(stately, '/api/position', { method: 'POST', body: limited })).status).toBe(204);
      const open = JSON.stringify({ moves, base: 1 });
      expect((await send(stately, '/api/position', { method: 'POST', body: open })).status).toBe(400);
    } finally {
      await stately.close();
    }
  });
});
