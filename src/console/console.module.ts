import { RegisterModule } from '../register/register.module';
import { ConsoleRegisterController } from './register/register.controller';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConsoleSessionMiddleware } from '../staff/console-sessions';
import { AuditModule } from '../audit/audit.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { CustomersModule } from '../customers/customers.module';
import { ImportsModule } from '../imports/imports.module';
import { HotlineModule } from '../hotline/hotline.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { LettersModule } from '../letters/letters.module';
import { PostalModule } from '../postal/postal.module';
import { StaffModule } from '../staff/staff.module';
import { AssetsController } from './assets/assets.controller';
import { ConsoleCampaignsController } from './campaigns/campaigns.controller';
import { ConsoleStore } from './console-store';
import { ConsoleImportsController } from './imports/imports.controller';
import { ConsoleAuditController } from './admin/audit.controller';
import { ConsoleStaffController } from './admin/staff.controller';
import { ConsoleHotlineController } from './hotline/hotline.controller';
import { ConsoleIncidentsController } from './incidents/incidents.controller';
import { ConsoleLettersController } from './letters/letters.controller';
import { ConsolePostalController } from './postal/postal.controller';
import { RootController } from './root.controller';
import { SignInController } from './sign-in/sign-in.controller';

/** Issue 16's pages (src/console/hotline, src/console/admin). */
const HOTLINE_AND_ADMIN = [ConsoleHotlineController, ConsoleStaffController, ConsoleAuditController, ConsoleRegisterController];

const CONTROLLERS = [RootController, AssetsController, SignInController, ConsoleIncidentsController, ConsoleImportsController, ConsoleLettersController, ConsoleCampaignsController, ConsolePostalController, ...HOTLINE_AND_ADMIN];

/**
 * The staff console: server-rendered pages for every role (see README.md in this folder). Pages
 * call the feature services like the API controllers do; sessions and sign-in belong to `staff`.
 */
@Module({
  imports: [StaffModule, IncidentsModule, CampaignsModule, ImportsModule, LettersModule, CustomersModule, HotlineModule, AuditModule, RegisterModule, PostalModule],
  providers: [ConsoleStore],
  controllers: CONTROLLERS,
})
export class ConsoleModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // One plain path, not the controllers: per controller Nest registers a middleware layer for each
    // console route (60 of them), and Express walked all of them on every API request and link click.
    // A plain string is mounted with Express use(): one layer for /console and everything under it,
    // and no route of its own (RequestMethod.ALL would add one for every HTTP method).
    consumer.apply(ConsoleSessionMiddleware).forRoutes('console');
  }
}
