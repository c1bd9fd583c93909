import { loadConfig, ConfigError } from './config.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/dir-lock.js';
import { buildApp } from './app.js';
import { ensureDemoData } from './seed/demo.js';
import { OffsetClock } from './shared/time.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(3);
    }
    throw e;
  }
  // CLOCK_CONTROL=true (never in production): a clock an admin moves forward through /api/v1/dev/clock.
  const app = await buildApp({ config, database, ...(config.clockControl ? { clock: new OffsetClock() } : {}) });
  if (config.clockControl) app.log.warn('CLOCK_CONTROL is on: subdistrict admins may move the server clock forward (POST /api/v1/dev/clock)');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Stop taking requests, let those in flight finish, then close the database cleanly (PGlite flushes to disk).
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await app.close();
      await database.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.demoData) {
    const demo = await ensureDemoData(app.db, { scale: 'small' });
    if (demo.created) app.log.info('demo data loaded (scale small)');
    printDemoAccounts(demo.accounts);
  }
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: database.kind }, `Shuren listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
}

function printDemoAccounts(list: { login: string; password: string; roleZh: string; role: string; scope: string }[]) {
  if (!list.length) return;
  console.log('\nDemo accounts / 演示账号 (see docs/demo-accounts.json):');
  for (const a of list) console.log(`  ${a.login.padEnd(14)} ${a.password.padEnd(14)} ${a.roleZh} (${a.role}) — ${a.scope}`);
  console.log('');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
