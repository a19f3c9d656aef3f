import { BadRequestException, CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { randomUUID } from 'node:crypto';
import type { Observable } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/config';
import { uploadFileName, uploadFolder } from './upload-folder';

/**
 * Streams the multipart field `file` to a random name in the private upload folder, within the
 * configured size limit (a partial file is removed by multer when the limit is hit).
 */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  private readonly handler: ReturnType<multer.Multer['single']>;
  private readonly limit: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const bytes = config.uploadLimitBytes;
    this.limit = bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
    this.handler = multer({
      storage: multer.diskStorage({
        // Created on the first upload, so processes that never receive one (CLI, workers) leave no folder behind.
        destination: (_req, _file, cb) => {
          try {
            cb(null, uploadFolder(config));
          } catch (err) {
            cb(err as Error, '');
          }
        },
        // Named by incident (never by anything in the file) so the incident's purge can find it.
        filename: (req, _file, cb) => cb(null, uploadFileName(typeof req.params?.id === 'string' ? req.params.id : undefined, randomUUID())),
      }),
      limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10, fieldSize: 1024 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    await new Promise<void>((resolve, reject) => {
      this.handler(req, res, (err: unknown) => (err ? reject(this.translate(err)) : resolve()));
    });
    return next.handle();
  }

  private translate(err: unknown): Error {
    const code = (err as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') {
      return new PayloadTooLargeException(`The file is larger than the upload limit of ${this.limit}. Split it into smaller files, or ask an administrator to raise UPLOAD_LIMIT_MB.`);
    }
    if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') return new BadRequestException('Send exactly one file, in the multipart form field "file".');
    if (typeof code === 'string' && code.startsWith('LIMIT_')) return new BadRequestException('The upload form has too many or too large fields; send only file, tier and dryRun.');
    return new BadRequestException('The upload could not be read as a multipart form (multipart/form-data with the field "file").');
  }
}
