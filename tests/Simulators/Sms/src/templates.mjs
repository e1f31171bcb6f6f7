// The message templates registered with the (simulated) SMS provider, as the provider renders them.
export const TEMPLATES = {
  verification_code: {
    params: ['code', 'minutes'],
    render: (p) => `【智慧医院】您的验证码为${p.code}，${p.minutes}分钟内有效。请勿将验证码告诉他人。`,
  },
  login_code: {
    params: ['code', 'minutes'],
    render: (p) => `【智慧医院】您正在登录，验证码${p.code}，${p.minutes}分钟内有效。如非本人操作请忽略。`,
  },
  notice: {
    params: ['text'],
    render: (p) => `【智慧医院】${p.text}`,
  },
};
