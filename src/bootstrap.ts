import { INestApplication, LoggerService, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { JsonLogger } from './common/json-logger';
import { AppConfig } from './config/config';
import { migrate } from './database/migrate';
import { preflight } from './database/preflight';

/** Everything a process needs before Nest starts: reachable MySQL (created if missing) and Redis, migrations applied. */
export async function prepare(config: AppConfig): Promise<void> {
  await preflight(config);
  await migrate(config);
}

/**
 * Builds the application (HTTP routes always registered; queue consumers only when config.appRole
 * is `all` or `worker`). The caller decides whether to listen.
 */
export async function createApp(config: AppConfig, logger: LoggerService = new JsonLogger(config.logLevel)): Promise<INestApplication> {
  // rawBody: the mail-event webhook verifies its HMAC signature over the exact bytes received.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), { logger, bufferLogs: false, bodyParser: true, rawBody: true });
  app.disable('x-powered-by');
  // Nest 12's own protections, before everything else: a state-changing request that a browser
  // reports as coming from another origin is refused with 403 (clients without browser headers,
  // such as API scripts and the mail provider's webhook, are unaffected); and helmet's headers on
  // every answer. Console pages replace the CSP with a stricter one carrying a nonce per page.
  app.enableCsrfProtection();
  app.useSecurityHeaders({ strictTransportSecurity: config.publicBaseUrl.startsWith('https:') });
  app.useBodyParser('json', { limit: '2mb' });
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // Values are never echoed back: a rejected field value may be personal data.
      validationError: { target: false, value: false },
    }),
  );
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('Fraud-warning mailer')
    .setDescription('Warn every customer affected by a data breach, exactly once, and help the hotline answer them.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc));
  await app.init();
  return app;
}
