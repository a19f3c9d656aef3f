/**
 * `node dist/main.js` under the V8 CPU profiler, for finding where a benchmark's server spends its
 * CPU. `node --cpu-prof` writes its profile only on a normal exit, which a server stopped by a
 * signal never has; this wrapper profiles from start-up until the parent sends `stop-profile` over
 * IPC, writes PROFILE_DIR/server.cpuprofile and answers `profiled`. The worker processes the server
 * forks (WORKERS, where the sending happens) run this file too, and write
 * PROFILE_DIR/worker-<pid>.cpuprofile when told to stop. Read them with bench/profile-summary.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const session = new Session();
session.connect();
session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));

process.on('message', (msg: { cmd?: string }) => {
  if (msg.cmd !== 'stop-profile') return;
  session.post('Profiler.stop', (err, res) => {
    if (!err) writeFileSync(join(process.env.PROFILE_DIR ?? '.', 'server.cpuprofile'), JSON.stringify(res.profile));
    process.send?.({ profiled: !err });
  });
});

// A forked worker (APP_ROLE=worker from its parent) is stopped by its parent's SIGTERM, never
// asked, and ends by that signal (no 'exit' event): it writes its profile when the signal comes.
// The in-thread session answers synchronously, so the file is written before shutdown goes on.
if (process.env.APP_ROLE === 'worker' && process.env.WORKERS === '1') {
  process.once('SIGTERM', () => {
    session.post('Profiler.stop', (err, res) => {
      if (!err) writeFileSync(join(process.env.PROFILE_DIR ?? '.', `worker-${process.pid}.cpuprofile`), JSON.stringify(res.profile));
    });
  });
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../src/main');
