/**
 * Reads what `BENCH_PROFILE_DIR=… npm run bench:print` left: the worker's sampling heap profile
 * (what was alive at BENCH_HEAP_AT seconds, by the function that allocated it and its callers),
 * its CPU profile (through bench/profile-summary) and its memory per second.
 *
 *   node dist/bench/print-profile-summary.js <dir> [rows]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarise } from './profile-summary';

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

const where = (f: HeapNode['callFrame']) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f.url)?.[1];
  const file = pkg ?? (/\/dist\/(.*)$/.exec(f.url)?.[1] || f.url || '(native)');
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
};

/** Live bytes by allocating function, and by that function with its two nearest callers. */
export function summariseHeap(head: HeapNode, rows = 20): string {
  const byFunction = new Map<string, number>();
  const byStack = new Map<string, number>();
  let total = 0;
  const walk = (node: HeapNode, path: string[]) => {
    const here = [...path, where(node.callFrame)];
    if (node.selfSize > 0) {
      total += node.selfSize;
      byFunction.set(here[here.length - 1], (byFunction.get(here[here.length - 1]) ?? 0) + node.selfSize);
      const stack = here.slice(-3).reverse().join('  ←  ');
      byStack.set(stack, (byStack.get(stack) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, here);
  };
  walk(head, []);
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows)
      .map(([k, bytes]) => `${((bytes / total) * 100).toFixed(1).padStart(5)}%  ${(bytes / 1048576).toFixed(1).padStart(7)} MiB  ${k}`)
      .join('\n');
  return `live (sampled) ${(total / 1048576).toFixed(1)} MiB\n\nby allocating function:\n${top(byFunction)}\n\nby stack (function ← caller ← caller):\n${top(byStack)}\n`;
}

if (require.main === module) {
  const [dir, rowsArg] = process.argv.slice(2);
  const rows = Number(rowsArg ?? 20);
  const heap = join(dir, 'worker.heapprofile');
  if (existsSync(heap)) process.stdout.write(`== heap ==\n${summariseHeap((JSON.parse(readFileSync(heap, 'utf8')) as { head: HeapNode }).head, rows)}\n`);
  const cpu = join(dir, 'worker.cpuprofile');
  if (existsSync(cpu)) process.stdout.write(`== cpu ==\n${summarise(JSON.parse(readFileSync(cpu, 'utf8')) as Parameters<typeof summarise>[0], rows)}\n`);
  const memory = join(dir, 'memory.ndjson');
  if (existsSync(memory)) {
    const lines = readFileSync(memory, 'utf8').trim().split('\n');
    const step = Math.max(1, Math.floor(lines.length / 20));
    process.stdout.write(`== memory (MiB) ==\n${lines.filter((_, i) => i % step === 0 || i === lines.length - 1).join('\n')}\n`);
  }
}
