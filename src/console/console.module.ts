import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConsoleSessionMiddleware } from '../staff/console-sessions';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { IncidentsModule } from '../incidents/incidents.module';
import { StaffModule } from '../staff/staff.module';
import { AssetsController } from './assets/assets.controller';
import { ConsoleIncidentsController } from './incidents/incidents.controller';
import { RootController } from './root.controller';
import { SignInController } from './sign-in/sign-in.controller';

const CONTROLLERS = [RootController, AssetsController, SignInController, ConsoleIncidentsController];

/**
 * The staff console: server-rendered pages for every role (see README.md in this folder). Pages
 * call the feature services like the API controllers do; sessions and sign-in belong to `staff`.
 */
@Module({
  imports: [StaffModule, IncidentsModule, CampaignsModule],
  controllers: CONTROLLERS,
})
export class ConsoleModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ConsoleSessionMiddleware).forRoutes(...CONTROLLERS);
  }
}
