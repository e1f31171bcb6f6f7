import { configFromEnv } from './src/config.mjs';
import { createEInvoiceSimulator } from './src/app.mjs';

let config;
try {
  config = configFromEnv();
} catch (err) {
  console.error(`EInvoice simulator cannot start: ${err.message}`);
  process.exit(1);
}
const simulator = createEInvoiceSimulator(config);
const port = await simulator.start();
console.log(`EInvoice (医疗电子票据) simulator listening on http://${config.host}:${port} (appId ${config.appId}, 票据代码 ${config.invoiceCode})`);
console.log(`PDF and verify links on ${config.publicUrl}; font ${config.fontPath}`);

const shutdown = async () => {
  await simulator.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
