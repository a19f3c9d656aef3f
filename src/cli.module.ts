import { DynamicModule, Module } from '@nestjs/common';
import { AppModule } from './app.module';
import { AppConfig } from './config/config';
import { KeysRotateCommand } from './data-keys/keys-rotate.command';
import { DemoCommand } from './demo/demo.command';

/** The application without HTTP and without queue consumers, plus the CLI-only commands. */
@Module({})
export class CliModule {
  static forConfig(config: AppConfig): DynamicModule {
    return { module: CliModule, imports: [AppModule.forConfig(config)], providers: [DemoCommand, KeysRotateCommand] };
  }
}
