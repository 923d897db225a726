import { parsePort, startServer } from '../http/server.ts';
import { parseCommandArgs } from './admin-commands.ts';
import type { CliIo } from './io.ts';

/**
 * `plenum serve [--port N] [--host ADDRESS] [--data DIR] [--tls-cert FILE --tls-key FILE] [--demo]`:
 * runs the server until SIGINT/SIGTERM, then exits 0. A real deployment starts empty: the
 * demonstration congress (with its published demo passwords) is loaded only when asked for with
 * --demo. With a certificate and key it serves HTTPS and HTTP/2 (tls.ts).
 */
export function serveCommand(args: readonly string[], io: CliIo): Promise<number> {
  return serve('serve', args, io, 'empty');
}

/**
 * `plenum start [--empty]` (what `npm start` runs): the demonstration — the first start on an
 * empty database loads the demo congress, unless --empty.
 */
export function startCommand(args: readonly string[], io: CliIo): Promise<number> {
  return serve('start', args, io, 'demo');
}

async function serve(
  command: string,
  args: readonly string[],
  io: CliIo,
  byDefault: 'demo' | 'empty',
): Promise<number> {
  const { flags } = parseCommandArgs(command, args, {
    port: 'string',
    host: 'string',
    data: 'string',
    'tls-cert': 'string',
    'tls-key': 'string',
    empty: 'boolean',
    demo: 'boolean',
  });
  const seed = flags.demo ? 'demo' : flags.empty ? 'empty' : byDefault;
  const server = await startServer({
    ...(typeof flags.port === 'string' ? { port: parsePort(flags.port, '--port') } : {}),
    ...(typeof flags.host === 'string' ? { host: flags.host } : {}),
    ...(typeof flags.data === 'string' ? { dataDir: flags.data } : {}),
    ...(typeof flags['tls-cert'] === 'string' ? { tlsCert: flags['tls-cert'] } : {}),
    ...(typeof flags['tls-key'] === 'string' ? { tlsKey: flags['tls-key'] } : {}),
    seed,
    output: io.stdout,
  });
  await server.closed;
  return 0;
}
