import crypto from 'node:crypto';
import { InsuranceError } from './http-util.mjs';
import { EMPLOYEE, INSURANCE_TYPES, RESIDENT } from './split.mjs';

const EC_TOKEN_TTL_MS = 5 * 60 * 1000;

/** Keyed by sim_user: who the patient's phone pretends to be. */
const SEEDS = [
  { simUser: 'patient', name: '张三', insuranceType: EMPLOYEE, accountBalanceFen: 120000 },
  { simUser: 'resident', name: '李四', insuranceType: RESIDENT, accountBalanceFen: 30000 },
  { simUser: 'lowbalance', name: '王五', insuranceType: EMPLOYEE, accountBalanceFen: 500 },
];

export const maskName = (name) => (name.length <= 1 ? name : `${name[0]}${'*'.repeat(name.length - 1)}`);

/** Opaque but stable across resets, so a hospital-side record of an insuredId stays meaningful. */
const insuredIdOf = (simUser) => `INS${crypto.createHash('sha256').update(simUser).digest('hex').slice(0, 16).toUpperCase()}`;

/** The insured people, their personal-account balances and the one-time 医保电子凭证 tokens. */
export function createPeople() {
  let bySimUser;
  let tokens;

  function reset() {
    bySimUser = new Map(SEEDS.map((seed) => [seed.simUser, { ...seed, insuredId: insuredIdOf(seed.simUser) }]));
    tokens = new Map();
  }
  reset();

  const byInsuredId = (insuredId) => [...bySimUser.values()].find((p) => p.insuredId === insuredId);

  return {
    reset,
    find: (simUser) => bySimUser.get(simUser),
    byInsuredId,
    list: () => [...bySimUser.values()].map((p) => ({ ...p })),
    add(body) {
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      const simUser = typeof body.simUser === 'string' && body.simUser ? body.simUser : name;
      const balance = Number(body.accountBalanceFen ?? 0);
      if (!name) throw new InsuranceError(400, 'PARAM_ERROR', '缺少姓名 name');
      if (!INSURANCE_TYPES.includes(body.insuranceType)) throw new InsuranceError(400, 'PARAM_ERROR', `险种 insuranceType 须为 ${INSURANCE_TYPES.join(' 或 ')}`);
      if (!Number.isInteger(balance) || balance < 0) throw new InsuranceError(400, 'PARAM_ERROR', '个人账户余额 accountBalanceFen 须为非负整数（分）');
      const person = { simUser, name, insuranceType: body.insuranceType, accountBalanceFen: balance, insuredId: insuredIdOf(simUser) };
      bySimUser.set(simUser, person);
      return { ...person };
    },
    issueToken(simUser) {
      const token = `EC${crypto.randomBytes(16).toString('hex')}`;
      tokens.set(token, { simUser, expiresAt: Date.now() + EC_TOKEN_TTL_MS, used: false });
      return token;
    },
    /** Exchanges a one-time ec_token for the insured person; a second use is refused. */
    verifyToken(ecToken) {
      const entry = typeof ecToken === 'string' ? tokens.get(ecToken) : undefined;
      if (!entry || entry.expiresAt <= Date.now()) throw new InsuranceError(400, 'TOKEN_INVALID', '医保电子凭证授权码无效或已过期');
      if (entry.used) throw new InsuranceError(400, 'TOKEN_USED', '医保电子凭证授权码已使用，请重新授权');
      entry.used = true;
      const person = bySimUser.get(entry.simUser);
      return { insuredId: person.insuredId, name: maskName(person.name), insuranceType: person.insuranceType, accountBalanceFen: person.accountBalanceFen };
    },
  };
}
