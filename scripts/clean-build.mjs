// The first step of `npm run build`: dist/ starts empty, so that nothing a past build wrote (a
// removed module, a map) is packed with this one.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
