export function configFromEnv(env = process.env) {
  return {
    host: env.HIS_HOST ?? '127.0.0.1',
    port: Number(env.HIS_PORT ?? env.PORT ?? 5301),
    clientId: env.HIS_CLIENT_ID ?? 'platform',
    clientSecret: env.HIS_CLIENT_SECRET ?? 'platform-secret',
    tokenTtlSeconds: Number(env.HIS_TOKEN_TTL_SECONDS ?? 3600),
    pushUrl: env.HIS_PUSH_URL || undefined,
    pushSecret: env.HIS_PUSH_SECRET ?? 'his-push-secret',
    retryBaseMs: Number(env.HIS_RETRY_BASE_MS ?? 500),
    seed: Number(env.HIS_SEED ?? 20240601),
    seedDate: env.HIS_SEED_DATE || undefined,
  };
}
