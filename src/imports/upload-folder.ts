import { mkdirSync } from 'node:fs';
import { fromRoot } from '../common/project-root';
import type { AppConfig } from '../config/config';

/** The private upload folder (never served over HTTP), created owner-only. */
export function uploadFolder(config: AppConfig): string {
  const dir = uploadFolderPath(config);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Where uploads go, without creating the folder (processes that never receive an upload leave none behind). */
export function uploadFolderPath(config: AppConfig): string {
  return config.uploadDir.startsWith('/') ? config.uploadDir : fromRoot(config.uploadDir);
}

/** The name an upload for an incident gets in the upload folder, so the purge finds what belongs to it. */
export function uploadFileName(incidentId: string | undefined, random: string): string {
  return incidentId && /^\d{1,10}$/.test(incidentId) ? `incident-${incidentId}-${random}.upload` : `${random}.upload`;
}
