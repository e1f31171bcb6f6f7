import { configFromEnv } from './src/config.mjs';
import { createWeChatPaySimulator } from './src/app.mjs';

const config = configFromEnv();
const simulator = createWeChatPaySimulator(config);
const port = await simulator.start();
console.log(`WeChat Pay simulator listening on http://${config.host}:${port} (mchid ${config.mchId}, appid ${config.appId})`);
console.log(`cashier and WeixinJSBridge served as ${config.publicUrl}; notice retries after ${config.retrySchedule.join(',')} s`);

const shutdown = async () => {
  await simulator.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
