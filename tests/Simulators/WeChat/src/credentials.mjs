import crypto from 'node:crypto';

const OLD_TOKEN_GRACE_MS = 5 * 60 * 1000;

/**
 * Access tokens and jsapi tickets as WeChat hands them out: /cgi-bin/token replaces the token (the old one keeps
 * working a few minutes); /cgi-bin/stable_token returns the same token until it nears expiry unless forced, and a
 * forced refresh revokes the previous one at once.
 */
export function createCredentials(config) {
  const tokens = new Map();
  const tickets = new Map();
  const counters = { token: 0, stableToken: 0, stableTokenForced: 0, issuedTokens: 0, ticket: 0, issuedTickets: 0 };
  let lifetimeSeconds = config.tokenLifetimeSeconds;
  let stable;

  const newValue = (prefix) => `${prefix}_${crypto.randomBytes(24).toString('base64url')}`;

  function issueToken(kind) {
    const token = { value: newValue('SIMTOKEN'), expiresAt: Date.now() + lifetimeSeconds * 1000, revoked: false, kind };
    tokens.set(token.value, token);
    counters.issuedTokens += 1;
    return token;
  }

  // Normal-mode stable_token renews only within the last stretch of a token's life (5 min of 2 h on WeChat).
  const renewWindowMs = () => Math.min(300, lifetimeSeconds * 0.25) * 1000;

  const answer = (token) => ({
    access_token: token.value,
    expires_in: Math.max(0, Math.round((token.expiresAt - Date.now()) / 1000)),
  });

  return {
    counters,
    get lifetimeSeconds() {
      return lifetimeSeconds;
    },
    setLifetime(seconds) {
      lifetimeSeconds = Math.max(1, Number(seconds));
    },
    checkAppCredentials(appId, secret) {
      if (appId !== config.appId) return { errcode: 40013, errmsg: 'invalid appid' };
      if (secret !== config.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
      return undefined;
    },
    classicToken() {
      counters.token += 1;
      for (const t of tokens.values()) t.expiresAt = Math.min(t.expiresAt, Date.now() + OLD_TOKEN_GRACE_MS);
      return answer(issueToken('classic'));
    },
    stableToken(force) {
      counters.stableToken += 1;
      if (force) {
        counters.stableTokenForced += 1;
        if (stable) stable.revoked = true;
        stable = issueToken('stable');
      } else if (!stable || stable.revoked || stable.expiresAt - Date.now() <= renewWindowMs()) {
        stable = issueToken('stable');
      }
      return answer(stable);
    },
    /** undefined when valid, else WeChat's errcode for it. */
    checkToken(value) {
      const token = value ? tokens.get(value) : undefined;
      if (!token || token.revoked) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
      if (token.expiresAt <= Date.now()) return { errcode: 42001, errmsg: 'access_token expired' };
      return undefined;
    },
    expireAllNow() {
      for (const t of tokens.values()) t.expiresAt = Date.now();
      for (const t of tickets.values()) t.expiresAt = Date.now();
    },
    jsapiTicket() {
      counters.ticket += 1;
      const ticket = { value: newValue('SIMTICKET'), expiresAt: Date.now() + 7200 * 1000 };
      tickets.set(ticket.value, ticket);
      counters.issuedTickets += 1;
      return { ticket: ticket.value, expires_in: 7200 };
    },
    liveTickets: () => [...tickets.values()].filter((t) => t.expiresAt > Date.now()).map((t) => t.value),
    reset() {
      tokens.clear();
      tickets.clear();
      stable = undefined;
      lifetimeSeconds = config.tokenLifetimeSeconds;
      for (const key of Object.keys(counters)) counters[key] = 0;
    },
  };
}
