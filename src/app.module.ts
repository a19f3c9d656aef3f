import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditHttpModule } from './audit/audit-http.module';
import { AuditModule } from './audit/audit.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { ConsoleModule } from './console/console.module';
import { CustomersModule } from './customers/customers.module';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { HotlineModule } from './hotline/hotline.module';
import { ImportsModule } from './imports/imports.module';
import { IncidentsModule } from './incidents/incidents.module';
import { LettersModule } from './letters/letters.module';
import { PostalModule } from './postal/postal.module';
import { RegisterModule } from './register/register.module';
import { RetentionModule } from './retention/retention.module';
import { StaffModule } from './staff/staff.module';
import { TrackingModule } from './tracking/tracking.module';

/** The whole application; which parts run (HTTP, workers) is decided by config.appRole at bootstrap. */
@Module({})
export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    const redis = new URL(config.redisUrl);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config), migrationsRun: false }),
        BullModule.forRoot({
          prefix: config.queuePrefix,
          redis: {
            host: redis.hostname,
            port: redis.port ? Number(redis.port) : 6379,
            password: redis.password ? decodeURIComponent(redis.password) : undefined,
            username: redis.username ? decodeURIComponent(redis.username) : undefined,
            db: redis.pathname.length > 1 ? Number(redis.pathname.slice(1)) : 0,
            tls: redis.protocol === 'rediss:' ? {} : undefined,
          },
        }),
        // The busiest routes first: Express tries the routes in the order Nest registers them (the
        // modules' order here), and a hotline lookup or a letter's link walked ~95 others first.
        HotlineModule,
        TrackingModule,
        HealthModule,
        AuditModule,
        AuditHttpModule,
        StaffModule,
        IncidentsModule,
        CustomersModule,
        ImportsModule,
        LettersModule,
        CampaignsModule,
        PostalModule,
        RegisterModule,
        RetentionModule,
        ConsoleModule,
      ],
    };
  }
}
