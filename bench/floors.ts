/** The floors the benchmarks measure against, each in its own process or in the database itself. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { ROOT } from './processes';

/** LOAD DATA LOCAL INFILE of a realistic file into a scratch copy of affected_customers (the floor). */
export async function loadDataSeconds(databaseUrl: string, file: string, incidentId: number): Promise<{ seconds: number; rows: number }> {
  const conn = await createConnection({ uri: databaseUrl });
  try {
    await conn.query('DROP TABLE IF EXISTS bench_load');
    await conn.query('CREATE TABLE bench_load LIKE affected_customers');
    const started = process.hrtime.bigint();
    await conn.query({
      sql: `LOAD DATA LOCAL INFILE 'bench.csv' INTO TABLE bench_load CHARACTER SET utf8mb4
            FIELDS TERMINATED BY ';' OPTIONALLY ENCLOSED BY '"' LINES TERMINATED BY '\\n' IGNORE 1 LINES
            (customerNumber, @first, @prefix, @last, email, phone, street, houseNumber, houseNumberSuffix, postcode, city, @birth, @iban, language, @status, @exposed)
            SET incidentId = ${Number(incidentId)}, name = CONCAT_WS(' ', @first, NULLIF(@prefix, ''), @last), birthDate = STR_TO_DATE(@birth, '%d-%m-%Y'),
                formerCustomer = (@status = 'ex-klant'), tierSeverity = 2, exposedMask = 127, contentHash = ''`,
      infileStreamFactory: () => createReadStream(file),
    } as Parameters<typeof conn.query>[0]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const [[{ n }]] = (await conn.query('SELECT COUNT(*) AS n FROM bench_load')) as unknown as [[{ n: number }]];
    await conn.query('DROP TABLE bench_load');
    return { seconds, rows: Number(n) };
  } finally {
    await conn.end();
  }
}

/** The send floor: the campaign's letters rendered beforehand, sent by plain pooled nodemailer in its own process (send-baseline-process). */
export async function plainNodemailer(env: NodeJS.ProcessEnv, campaignId: number) {
  const child = spawn(process.execPath, [join(ROOT, 'dist/bench/send-baseline-process.js')], { env: { ...env, BASELINE_CAMPAIGN: String(campaignId) }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`baseline exited with ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!) as { letters: number; seconds: number; perSecond: number; cpuSeconds: number; peakRss: number };
}

