// `npm run emulator -- [--port N] [--blob-port N] [--seed N] [--scale small|large] [--page-size N]
//                     [--latency MS] [--as-of YYYY-MM-DD] [--ca-dir DIR] [--json]`
// With --json the first line on stdout is
// {"baseUrl","blobBaseUrl","caCertPath","tenantId","clientId","clientSecret","asOf"}.
import { startEmulator } from './server';
import { Scale } from './world/types';

function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) { throw new Error(`Unexpected argument: ${arg}`); }
    const [key, inline] = arg.slice(2).split('=', 2);
    if (inline !== undefined) { out[key] = inline; }
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) { out[key] = argv[++i]; }
    else { out[key] = true; }
  }
  return out;
}

function num(value: string | true | undefined, name: string): number | undefined {
  if (value === undefined) { return undefined; }
  const n = Number(value);
  if (value === true || !Number.isFinite(n) || n < 0) { throw new Error(`--${name} needs a non-negative number.`); }
  return n;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scale = (args.scale ?? 'small') as Scale;
  if (scale !== 'small' && scale !== 'large') { throw new Error('--scale is small or large.'); }
  const pageSize = num(args['page-size'], 'page-size');
  const emulator = await startEmulator({
    port: num(args.port, 'port'),
    blobPort: num(args['blob-port'], 'blob-port'),
    seed: num(args.seed, 'seed'),
    scale,
    asOf: typeof args['as-of'] === 'string' ? args['as-of'] : undefined,
    latencyMs: num(args.latency, 'latency'),
    caDir: typeof args['ca-dir'] === 'string' ? args['ca-dir'] : undefined,
    settings: pageSize ? { pageSize } : undefined,
  });
  const info = { baseUrl: emulator.baseUrl, blobBaseUrl: emulator.blobBaseUrl, caCertPath: emulator.caCertPath, tenantId: emulator.tenantId, clientId: emulator.clientId, clientSecret: emulator.clientSecret, asOf: emulator.world.options.asOf };
  if (args.json) { process.stdout.write(`${JSON.stringify(info)}\n`); }
  else {
    process.stdout.write(`Azure emulator listening on ${emulator.baseUrl}\n`);
    process.stdout.write(`  blob links (downloads, RateCard) on ${emulator.blobBaseUrl}\n`);
    process.stdout.write(`  trust its CA with NODE_EXTRA_CA_CERTS=${emulator.caCertPath}\n`);
    process.stdout.write(`  AZURE_TENANT_ID=${info.tenantId} AZURE_CLIENT_ID=${info.clientId} AZURE_AUTHORITY_HOST=${info.baseUrl}\n`);
  }
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  process.stderr.write(`emulator: ${(e as Error).message}\n`);
  process.exit(2);
});
