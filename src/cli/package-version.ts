import { readFileSync } from 'node:fs';

/** Returns the version in parley's own package.json. */
export function readPackageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}
