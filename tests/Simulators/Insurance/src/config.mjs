export function configFromEnv(env = process.env) {
  // PORT is how ./platform and the test fixtures hand every simulator its port.
  return {
    host: env.INSURANCE_HOST ?? '127.0.0.1',
    port: Number(env.INSURANCE_PORT ?? env.PORT ?? 5307),
    appId: env.INSURANCE_APP_ID ?? 'hospital-jcsy',
    appSecret: env.INSURANCE_APP_SECRET ?? 'insurance-local-secret',
  };
}
