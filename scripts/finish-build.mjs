// The last step of `npm run build`: the command-line entry stays executable (tsc rewrites it
// without its mode), and a stamp records when dist/ was built, so that the test runner can tell a
// build older than the sources it was made from (see test/global-setup.ts).
import { chmodSync, writeFileSync } from 'node:fs';

chmodSync('dist/cli/main.js', 0o755);
writeFileSync('dist/.build-stamp', `${new Date().toISOString()}\n`);
