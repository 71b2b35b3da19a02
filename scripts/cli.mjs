#!/usr/bin/env node
/**
 * `npm run cli -- <command>`: the compiled CLI (dist/cli/main.js) when dist/ is current, else the
 * TypeScript sources through tsx, so an edit is never answered by a stale build and a built
 * checkout starts in a fraction of the time (no TypeScript compiled at each call).
 */
import { staleReason } from './build.mjs';

if (staleReason() === null) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
