export function configFromEnv(env = process.env) {
  return {
    host: env.COURIER_HOST ?? '127.0.0.1',
    port: Number(env.COURIER_PORT ?? env.PORT ?? 5308),
    appId: env.COURIER_APP_ID ?? 'jcsy-pharmacy',
    appSecret: env.COURIER_APP_SECRET ?? 'courier-local-secret',
    // 0: the parcel moves only when a test says so (POST /$sim/waybills/{no}/advance).
    autoStepMs: Number(env.COURIER_AUTO_STEP_MS ?? 0),
    retryBaseMs: Number(env.COURIER_RETRY_BASE_MS ?? 500),
  };
}
