import { createInspector } from '@statelyai/inspect';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/scenario.js';
import { startInspectorServer, type InspectorServer } from '../../src/inspector/server.js';
import { ARTICLE, ROOT } from '../helpers/scenarios.js';

const scenario = loadScenario(ARTICLE);
const appJs = readFileSync(join(ROOT, 'dist', 'inspector', 'assets', 'app.js'), 'utf8');
let server: InspectorServer;
let positionsShown = 0;

beforeAll(async () => {
  // With a (capturing) Stately bridge, so that the position endpoint is live too.
  const stately = createInspector({ send: (event) => void (event.type === '@xstate.event' && positionsShown++) });
  server = await startInspectorServer({ scenario, stately });
});
afterAll(() => server.close());

interface Probe {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  readonly host?: string;
  check(status: number, body: string): void;
}

const validMoves = JSON.stringify({ moves: [...scenario.timeline, 'architecture-established'] });
const PROBES: readonly Probe[] = [
  {
    name: 'the page',
    method: 'GET',
    path: '/',
    check: (s, b) => (expect(s).toBe(200), expect(b).toContain('<title>parley inspector</title>')),
  },
  {
    name: 'the script',
    method: 'GET',
    path: '/assets/app.js',
    check: (s, b) => (expect(s).toBe(200), expect(b).toBe(appJs)),
  },
  {
    name: 'the session',
    method: 'GET',
    path: '/api/session',
    check: (s, b) => (expect(s).toBe(200), expect(JSON.parse(b).model.title).toBe(scenario.model.title)),
  },
  { name: 'a position', method: 'POST', path: '/api/position', body: validMoves, check: (s) => expect(s).toBe(204) },
  {
    name: 'a malformed position',
    method: 'POST',
    path: '/api/position',
    body: '{"moves": [1, 2',
    check: (s) => expect(s).toBe(400),
  },
  {
    name: 'moves that do not replay',
    method: 'POST',
    path: '/api/position',
    body: '{"moves":["trilateral-held"]}',
    check: (s) => expect(s).toBe(400),
  },
  {
    name: 'a traversal',
    method: 'GET',
    path: '/assets/..%2f..%2fpackage.json',
    check: (s, b) => (expect(s).toBe(404), expect(b).not.toContain('"name"')),
  },
  {
    name: 'a foreign Host',
    method: 'GET',
    path: '/api/session',
    host: 'attacker.example',
    check: (s, b) => (expect(s).toBe(403), expect(b).not.toContain('title')),
  },
  {
    name: 'an oversized body',
    method: 'POST',
    path: '/api/position',
    body: 'x'.repeat(100_000),
    check: (s) => expect(s).toBe(413),
  },
];

describe('the inspector under load', () => {
  it('answers 1,000 concurrent page and API requests on loopback, each correctly', async () => {
    // One connection per request, all opened at once.
    const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
    const probes = Array.from({ length: 1000 }, (_, i) => PROBES[i % PROBES.length] as Probe);
    const shownBefore = positionsShown;
    const answers = await Promise.all(probes.map((probe) => send(agent, probe)));
    answers.forEach(({ status, body }, i) => {
      const probe = probes[i] as Probe;
      try {
        probe.check(status, body);
      } catch (cause) {
        throw new Error(`request ${i} (${probe.name}): ${(cause as Error).message}`, { cause });
      }
    });
    // Every valid position reached Stately's inspector: its last event, to each party's actor.
    const valid = probes.filter((p) => p.name === 'a position').length;
    expect(positionsShown - shownBefore).toBe(valid * scenario.model.parties.length);
    agent.destroy();
  });
});

function send(agent: Agent, probe: Probe): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let failure: Error | undefined;
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: server.address.port,
        path: probe.path,
        method: probe.method,
        headers: { host: probe.host ?? `127.0.0.1:${server.address.port}`, 'content-type': 'application/json' },
      },
      (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('close', () => res.complete || reject(new Error(`the answer was cut off: ${body.slice(0, 100)}`)));
      },
    );
    // A server refusing an oversized body answers before reading it and closes, so writing the
    // rest fails: the answer still counts. The request is over when it closes; no answer by then
    // is a failure.
    req.on('error', (error) => (failure = error));
    req.on('close', () => answered || reject(failure ?? new Error('the connection closed without an answer')));
    req.end(probe.body);
  });
}
