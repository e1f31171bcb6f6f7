import { configFromEnv } from './src/config.mjs';
import { createCourierSimulator } from './src/app.mjs';

const config = configFromEnv();
const simulator = createCourierSimulator(config);
const port = await simulator.start();
console.log(`Courier (快递开放平台) simulator listening on http://${config.host}:${port} (appId ${config.appId}, auto step ${config.autoStepMs} ms)`);

const shutdown = async () => {
  await simulator.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
