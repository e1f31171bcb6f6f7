/** The mini-program's own appid and secret: a mini-program is a separate WeChat app from the service account. */
export function miniProgramConfigFromEnv(env = process.env) {
  return {
    appId: env.WECHAT_MINIPROGRAM_APPID ?? 'wx7c3e5f9a1b2d4c6e',
    appSecret: env.WECHAT_MINIPROGRAM_APPSECRET ?? 'platform-dev-miniprogram-secret',
  };
}
