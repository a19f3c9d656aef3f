import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { In, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Import } from './import.entity';
import { uploadFolderPath } from './upload-folder';

/** How long a checked (dry-run) upload waits for its `Import N customers`; after that its file is deleted. */
export const CHECKED_UPLOAD_SECONDS = 24 * 3600;

/**
 * Deletes uploaded CSV files that are no longer needed. An import deletes its own file when it
 * finishes (ImportsService.finish); what is left is the console's kept original of a checked file
 * (it waits CHECKED_UPLOAD_SECONDS for the import step) and whatever a crash left behind.
 */
@Injectable()
export class UploadFiles {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(Import) private readonly imports: Repository<Import>,
  ) {}

  /** Files older than CHECKED_UPLOAD_SECONDS that no queued or running import still reads; returns how many went. */
  async deleteUnused(now = new Date()): Promise<number> {
    const dir = uploadFolderPath(this.config);
    const names = await filesIn(dir);
    if (names.length === 0) return 0;
    const inUse = await this.pathsInUse();
    let deleted = 0;
    for (const name of names) {
      const path = join(dir, name);
      if (inUse.has(path)) continue;
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || now.getTime() - info.mtimeMs < CHECKED_UPLOAD_SECONDS * 1000) continue;
      if (await remove(path)) deleted++;
    }
    return deleted;
  }

  /** Every upload of the incident still on disk (a closed incident has no import in progress). */
  async deleteForIncident(incidentId: number): Promise<number> {
    const dir = uploadFolderPath(this.config);
    const stored = await this.imports.find({ where: { incidentId }, select: { id: true, storedPath: true } });
    const paths = new Set(stored.flatMap((i) => (i.storedPath ? [resolve(i.storedPath)] : [])));
    for (const name of await filesIn(dir)) if (name.startsWith(`incident-${incidentId}-`)) paths.add(join(dir, name));
    let deleted = 0;
    for (const path of paths) if (await remove(path)) deleted++;
    await this.imports.update({ incidentId }, { storedPath: null });
    return deleted;
  }

  private async pathsInUse(): Promise<Set<string>> {
    const open = await this.imports.find({ where: { status: In(['queued', 'processing']) }, select: { id: true, storedPath: true } });
    return new Set(open.flatMap((i) => (i.storedPath ? [resolve(i.storedPath)] : [])));
  }
}

/** The folder's entries; none when it was never created. */
async function filesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return [];
    throw err;
  }
}

async function remove(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch {
    return false; // already gone
  }
}
