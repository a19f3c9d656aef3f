/**
 * Sums a .cpuprofile's self time per function and per package/file, so a profile can be read
 * without a browser:  node dist/bench/profile-summary.js server.cpuprofile [rows]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a script belongs: a package under node_modules, our own file, or Node's internals. */
function owner(url: string): string {
  if (!url) return '(native/GC/idle)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const own = /\/dist\/(.*)$/.exec(url);
  return own ? own[1] : url;
}

export function summarise(profile: Profile, rows = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const perFunction = new Map<string, number>();
  const perOwner = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${owner(f.url)}:${f.lineNumber + 1}`;
    perFunction.set(name, (perFunction.get(name) ?? 0) + us);
    perOwner.set(owner(f.url), (perOwner.get(owner(f.url)) ?? 0) + us);
  }
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows)
      .map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1e6).toFixed(2).padStart(7)} s  ${k}`)
      .join('\n');
  return `total sampled ${(total / 1e6).toFixed(2)} s\n\nself time by package/file:\n${top(perOwner)}\n\nself time by function:\n${top(perFunction)}\n`;
}

if (require.main === module) {
  const [file, rows] = process.argv.slice(2);
  process.stdout.write(summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(rows ?? 25)));
}
