#!/usr/bin/env node
// The `jixiao` command. The CLI is written in TypeScript and run through tsx's ESM loader, so there
// is no build step: `npm ci` is enough to make `npx jixiao` work.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
