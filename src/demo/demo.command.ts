import { Command, CommandRunner } from 'nest-commander';

/**
 * Listed in `--help`; cli.ts runs the demo before this context exists (the demo starts its own
 * full application), so this runner is reached only if that interception is bypassed.
 */
@Command({ name: 'demo', description: 'Run the whole scenario on the sample files of a fictional company' })
export class DemoCommand extends CommandRunner {
  run(): Promise<void> {
    return Promise.reject(new Error('run the demo as `node dist/cli.js demo`'));
  }
}
