/** The mini-program's own appid and secret: a mini-program is a separate WeChat app from the service account. */
export function miniProgramConfigFromEnv(env = process.env) {
  return {
    appId: env.WECHAT_MINIPROGRAM_APPID ?? 'wx7a1b2c3d4e5f6a7b',
    appSecret: env.WECHAT_MINIPROGRAM_APPSECRET ?? 'platform-dev-miniprogram-secret',
  };
}
