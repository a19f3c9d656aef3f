/** Every CLI command ends with one JSON object on the last line of stdout (the contract). */
export function printResult(result: unknown): void {
  process.stdout.write(JSON.stringify(result) + '\n');
}

/** A one-line progress bar on stderr (stdout is kept for the JSON result). */
export function progressBar(label: string, done: number, total: number): void {
  if (!process.stderr.isTTY && done !== total && done % Math.max(1, Math.floor(total / 20)) !== 0) return;
  const width = 30;
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
  process.stderr.write(process.stderr.isTTY ? `\r${line}${done >= total ? '\n' : ''}` : line + '\n');
}
