/**
 * Returns the URL of a file of parley's build, next to the module asking for it. Running from the
 * TypeScript sources (as the test runner does), the file is taken from the build in `dist/`, which
 * the test runner rebuilds first when it is older than the sources (test/setup/global-setup.ts):
 * worker threads and the browser cannot run TypeScript.
 */
export function getBuiltFileUrl(moduleUrl: string, relative: string): URL {
  const here = new URL(relative, moduleUrl);
  if (!moduleUrl.endsWith('.ts')) return here;
  return new URL(here.href.replace('/src/', '/dist/'));
}
