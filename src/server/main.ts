/** `npm start`: migrate, seed the illustrative demo on an empty database, and serve. */
import { loadConfig } from './config.js';
import { buildApp } from './http/app.js';
import { buildMetricsApp } from './http/metrics-server.js';
import { startRuntime } from './runtime.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import { startFeedScheduler } from './media/feed-scheduler.js';

const config = loadConfig();
const runtime = await startRuntime(config, { live: true });
const demo = config.demo ? await seedDemoIfEmpty(runtime.deps) : null;
const app = await buildApp(runtime.deps);
await runtime.deps.live?.start();
await app.listen({ port: config.port, host: config.host });
// Feeds the mediators follow are fetched on the server's own schedule.
const feeds = startFeedScheduler(runtime.deps);
const metricsApp = config.metricsListen ? await buildMetricsApp(runtime.deps) : null;
if (metricsApp && config.metricsListen) {
  await metricsApp.listen(config.metricsListen);
  console.log(`Metrics: http://${config.metricsListen.host}:${config.metricsListen.port}/metrics`);
}

const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
console.log(`\nParley is serving ${url}  (database: ${runtime.database.dialect})`);
if (demo) {
  console.log(
    `\nThe illustrative demo "${demo.codename}" was created. Everything in it is invented.`,
  );
  console.log('Sign in at the address above with any of these accounts:\n');
  for (const a of demo.accounts)
    console.log(`  ${a.role.padEnd(34)} ${a.email.padEnd(32)} ${a.password}`);
  console.log(
    `\nIts public accountability page, read without an account:\n  ${url}/public/implementation/${demo.implementation.publicSlug}`,
  );
  console.log('');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void feeds
      .stop()
      .then(() => Promise.all([app.close(), metricsApp?.close()]))
      .then(() => runtime.close())
      .then(() => process.exit(0));
  });
