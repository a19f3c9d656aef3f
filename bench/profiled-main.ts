/**
 * `node dist/main.js` under the V8 CPU profiler, for finding where a benchmark's server spends its
 * CPU. `node --cpu-prof` writes its profile only on a normal exit, which a server stopped by a
 * signal never has; this wrapper profiles from start-up until the parent sends `stop-profile` over
 * IPC, writes PROFILE_DIR/server.cpuprofile and answers `profiled`. Read it with bench/profile-summary.
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

// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../src/main');
