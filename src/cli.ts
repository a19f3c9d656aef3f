import 'reflect-metadata';
import 'dotenv/config';
import { HttpException } from '@nestjs/common';
import { CommandFactory } from 'nest-commander';
import { prepare } from './bootstrap';
import { CliModule } from './cli.module';
import { printResult } from './common/cli-output';
import { runDemo } from './demo/demo';
import { JsonLogger } from './common/json-logger';
import { ConfigError, loadConfig } from './config/config';

function fail(err: unknown): never {
  if (err instanceof ConfigError || err instanceof HttpException) {
    const body = err instanceof HttpException ? err.getResponse() : undefined;
    const message = typeof body === 'object' && body !== null && 'message' in body ? (body).message : err.message;
    process.stderr.write(`error: ${Array.isArray(message) ? message.join('; ') : String(message)}\n`);
  } else {
    process.stderr.write(`error: ${err instanceof Error ? err.name + ': ' + (err.stack ?? '') : String(err)}\n`);
  }
  process.exit(1);
}

async function main(): Promise<void> {
  // The CLI never consumes queue jobs (the demo starts its own full application).
  const config = { ...loadConfig(process.env), appRole: 'api' as const, compileLetters: false };
  const wantsHelp = process.argv.length <= 2 || process.argv.includes('--help') || process.argv.includes('-h');
  if (!wantsHelp) await prepare(config);
  if (process.argv[2] === 'demo' && !wantsHelp) {
    // The demo runs the full application (HTTP + workers) itself, outside the CLI's own context.
    const result = await runDemo({ ...config, compileLetters: true });
    printResult({ ok: true, incidentId: result.incidentId });
    return;
  }
  await CommandFactory.run(CliModule.forConfig(config), {
    logger: new JsonLogger('warn', process.stderr),
    serviceErrorHandler: fail,
    errorHandler: (err) => {
      // commander's own exits (help, version) are not errors.
      const code = (err as { exitCode?: number }).exitCode ?? 1;
      if (code === 0) process.exit(0);
      process.stderr.write(`error: ${err.message}\n`);
      process.exit(code);
    },
  });
}

main().then(
  () => process.exit(0),
  (err: unknown) => fail(err),
);
