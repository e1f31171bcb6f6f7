import { configFromEnv } from './src/config.mjs';
import { createHis } from './src/app.mjs';

const config = configFromEnv();
const his = createHis(config);
const port = await his.start();
const { seedDate, seed, showcase } = his.status();
console.log(`HIS simulator (FHIR R4) listening on http://${config.host}:${port}/fhir`);
console.log(`seed ${config.seed} from ${seedDate}: ${seed.total} resources`);
console.log(Object.entries(seed.byType).map(([type, n]) => `  ${type.padEnd(18)} ${n}`).join('\n'));
console.log(`  slots free/busy    ${seed.freeSlots}/${seed.busySlots}`);
console.log(`  critical reports   ${showcase.criticalReports.join(', ')}`);
console.log(`push: ${config.pushUrl ?? '(HIS_PUSH_URL not set)'}`);

const shutdown = async () => {
  await his.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
