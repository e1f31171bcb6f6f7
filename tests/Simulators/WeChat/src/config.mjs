export function configFromEnv(env = process.env) {
  return {
    host: env.WECHAT_SIM_HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 5304),
    appId: env.WECHAT_APPID ?? 'wx5f0c1a2b3c4d5e6f',
    appSecret: env.WECHAT_APPSECRET ?? 'platform-dev-wechat-secret',
    miniProgramAppId: env.WECHAT_MINIPROGRAM_APPID ?? 'wx7a1b2c3d4e5f6a7b',
    miniProgramAppSecret: env.WECHAT_MINIPROGRAM_APPSECRET ?? 'platform-dev-miniprogram-secret',
    token: env.WECHAT_TOKEN ?? 'platform-dev-wechat-token',
    encodingAesKey: env.WECHAT_AES_KEY ?? 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    mode: (env.WECHAT_MODE ?? 'safe').toLowerCase(),
    gatewayUrl: (env.WECHAT_GATEWAY_URL ?? 'http://127.0.0.1:5120').replace(/\/+$/, ''),
    accountId: env.WECHAT_ACCOUNT_ID ?? 'gh_platformdev01',
    tokenLifetimeSeconds: Number(env.WECHAT_TOKEN_TTL_SECONDS ?? 7200),
  };
}
