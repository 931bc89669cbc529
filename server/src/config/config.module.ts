import { DynamicModule, Global, Module } from '@nestjs/common';
import { COLLAB_CONFIG, collabConfigFor } from '../collaboration/collab-config';
import type { AppConfig } from './config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * The app's one configuration, as it was given (main.ts parses the environment; tests build their
 * own), for every module to inject: APP_CONFIG whole, COLLAB_CONFIG for the real-time path.
 */
@Global()
@Module({})
export class ConfigModule {
  /** `databaseUrl`: the database this instance really uses (the embedded one's too), which names its Redis keys by default. */
  static forRoot(config: AppConfig, databaseUrl: string | undefined): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: COLLAB_CONFIG, useValue: collabConfigFor(config, databaseUrl) },
      ],
      exports: [APP_CONFIG, COLLAB_CONFIG],
    };
  }
}
