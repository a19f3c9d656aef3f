/** The floors the benchmarks measure against, each in its own process or in the database itself. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { ROOT } from './processes';

/**
 * LOAD DATA LOCAL INFILE of a realistic file into a scratch table shaped like affected_customers
 * before its personal columns were sealed (the floor): plain columns, written out here so the
 * floor stays the same whatever the real table looks like.
 */
export async function loadDataSeconds(databaseUrl: string, file: string, incidentId: number): Promise<{ seconds: number; rows: number }> {
  const conn = await createConnection({ uri: databaseUrl });
  try {
    await conn.query('DROP TABLE IF EXISTS bench_load');
    await conn.query(`CREATE TABLE bench_load (id bigint UNSIGNED NOT NULL AUTO_INCREMENT, incidentId int UNSIGNED NOT NULL, customerNumber varchar(64) COLLATE utf8mb4_bin NOT NULL,
        name varchar(200) NOT NULL, email varchar(254) NULL, phone varchar(20) NULL, street varchar(200) NULL, houseNumber varchar(10) NULL, houseNumberSuffix varchar(10) NOT NULL DEFAULT '',
        postcode char(7) NULL, city varchar(100) NULL, birthDate date NULL, language char(2) NOT NULL DEFAULT 'nl', formerCustomer tinyint NOT NULL DEFAULT 0, tierSeverity tinyint UNSIGNED NOT NULL,
        exposedMask int UNSIGNED NOT NULL DEFAULT 0, contentHash char(64) NOT NULL DEFAULT '', lastImportId int UNSIGNED NULL,
        createdAt datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), updatedAt datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        INDEX ix_customer_address (incidentId, postcode, houseNumber, houseNumberSuffix), UNIQUE INDEX uq_customer_incident_number (incidentId, customerNumber), PRIMARY KEY (id)) ENGINE=InnoDB`);
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

