// `npm start`: configuration validated first, then the service; SIGTERM and SIGINT drain
// requests in flight and close the database before the process exits, within the grace
// (CAREBRIDGE_SHUTDOWN_GRACE_MS) and, should anything still hang, by force just after it.

import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { startService } from './service.js';

/** After the grace, stop() has cut every connection; this is only for what it cannot cut. */
const forceExitMarginMs = 2000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const service = await startService(config, logger).catch((error: unknown) => {
    logger.fatal({ err: error }, 'cannot start');
    process.exit(1);
  });
  service.started.catch((error: unknown) => {
    logger.fatal({ err: error }, 'cannot start');
    void service.stop().finally(() => process.exit(1));
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      logger.info({ signal }, 'shutting down: draining requests');
      setTimeout(() => {
        logger.error({ graceMs: config.shutdownGraceMs }, 'shutdown overran its grace: exiting now');
        process.exit(1);
      }, config.shutdownGraceMs + forceExitMarginMs).unref();
      service.stop().then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'unclean shutdown');
          process.exit(1);
        },
      );
    });
  }
}

void main();
