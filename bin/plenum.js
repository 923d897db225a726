#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so that `npx plenum` works
// right after `npm ci`, with no build step (cli-contract.md).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/adapters/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
