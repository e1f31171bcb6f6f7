import { configFromEnv } from './src/config.mjs';
import { createInsuranceSimulator } from './src/app.mjs';

const config = configFromEnv();
const simulator = createInsuranceSimulator(config);
const port = await simulator.start();
console.log(`Insurance (医保移动支付) simulator listening on http://${config.host}:${port} (appId ${config.appId})`);

const shutdown = async () => {
  await simulator.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
