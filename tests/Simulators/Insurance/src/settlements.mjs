import crypto from 'node:crypto';
import { InsuranceError } from './http-util.mjs';
import { CATEGORIES, splitBill } from './split.mjs';

const PRE_SETTLEMENT_TTL_MS = 10 * 60 * 1000;
const paramError = (message) => new InsuranceError(400, 'PARAM_ERROR', message);
const isFen = (value) => Number.isInteger(value) && value > 0;

function validatePre(body) {
  if (typeof body.bizNo !== 'string' || !body.bizNo) throw paramError('缺少业务单号 bizNo');
  if (typeof body.insuredId !== 'string' || !body.insuredId) throw paramError('缺少参保人标识 insuredId');
  if (!Array.isArray(body.items) || body.items.length === 0) throw paramError('费用明细 items 不能为空');
  const items = body.items.map((item, i) => {
    if (!item || typeof item.code !== 'string' || !item.code) throw paramError(`第${i + 1}条明细缺少项目编码 code`);
    if (!CATEGORIES.includes(item.category)) throw paramError(`第${i + 1}条明细的类别 category 须为 ${CATEGORIES.join('/')}`);
    if (!isFen(item.amountFen)) throw paramError(`第${i + 1}条明细的金额 amountFen 须为正整数（分）`);
    return { code: item.code, name: String(item.name ?? ''), category: item.category, amountFen: item.amountFen };
  });
  if (!Number.isInteger(body.totalFen)) throw paramError('缺少总金额 totalFen');
  const sum = items.reduce((total, item) => total + item.amountFen, 0);
  if (sum !== body.totalFen) throw new InsuranceError(400, 'AMOUNT_MISMATCH', `总金额 ${body.totalFen} 分与明细合计 ${sum} 分不符`);
  return items;
}

const idFor = (prefix) => `${prefix}${Date.now()}${crypto.randomBytes(4).toString('hex').toUpperCase()}`;

/** 预结算, 结算 and 退费 against the insured people's personal accounts; `clock.now()` decides expiry. */
export function createSettlements(people, faults, clock) {
  let preSettlements;
  let settlements;
  let counters;

  function reset() {
    preSettlements = new Map();
    settlements = new Map();
    counters = { preSettlements: 0, settled: 0, settleRepeats: 0, reversed: 0, reverseRepeats: 0, refused: 0, expired: 0 };
  }
  reset();

  const refuseIfPlanned = () => {
    if (!faults.takeRefusal()) return;
    counters.refused += 1;
    throw new InsuranceError(422, 'REFUSED', '参保状态异常，暂不能使用医保结算');
  };

  const view = (s) => ({
    settlementId: s.settlementId, preSettlementId: s.preSettlementId, bizNo: s.bizNo, insuredId: s.insuredId, status: s.status,
    totalFen: s.totalFen, fundPayFen: s.fundPayFen, accountPayFen: s.accountPayFen, selfPayFen: s.selfPayFen,
    selfPayTransactionId: s.selfPayTransactionId, settledAt: s.settledAt,
    ...(s.reversedAt ? { reversedAt: s.reversedAt, reverseReason: s.reverseReason } : {}),
    items: s.items.map((line) => ({ ...line })),
  });

  function get(settlementId) {
    const settlement = settlements.get(settlementId);
    if (!settlement) throw new InsuranceError(404, 'SETTLEMENT_NOT_FOUND', '结算记录不存在');
    return settlement;
  }

  return {
    reset,
    view,
    counters: () => ({ ...counters, settlements: settlements.size }),
    list: (bizNo) => [...settlements.values()].filter((s) => !bizNo || s.bizNo === bizNo).map(view),
    get: (settlementId) => view(get(settlementId)),

    pre(body) {
      const items = validatePre(body);
      const person = people.byInsuredId(body.insuredId);
      if (!person) throw new InsuranceError(404, 'INSURED_NOT_FOUND', '参保人不存在');
      refuseIfPlanned();
      const split = splitBill(person.insuranceType, items, person.accountBalanceFen);
      const now = clock.now();
      const pre = {
        preSettlementId: idFor('PS'), bizNo: body.bizNo, insuredId: person.insuredId, insuranceType: person.insuranceType,
        ...split, createdAt: new Date(now).toISOString(), expiresAt: new Date(now + PRE_SETTLEMENT_TTL_MS).toISOString(),
      };
      preSettlements.set(pre.preSettlementId, pre);
      counters.preSettlements += 1;
      return structuredClone(pre);
    },

    /** Idempotent by preSettlementId: the same answer again, whatever else is sent. */
    settle(body) {
      const pre = preSettlements.get(body.preSettlementId);
      if (!pre) throw new InsuranceError(404, 'PRE_SETTLEMENT_NOT_FOUND', '预结算记录不存在');
      const existing = [...settlements.values()].find((s) => s.preSettlementId === pre.preSettlementId);
      if (existing) {
        counters.settleRepeats += 1;
        return [false, view(existing)];
      }
      if (Date.parse(pre.expiresAt) <= clock.now()) {
        counters.expired += 1;
        throw new InsuranceError(409, 'PRE_SETTLEMENT_EXPIRED', '预结算已超过10分钟有效期，请重新预结算');
      }
      const person = people.byInsuredId(pre.insuredId);
      if (person.accountBalanceFen < pre.accountPayFen) throw new InsuranceError(409, 'BALANCE_CHANGED', '个人账户余额已变动，请重新预结算');
      refuseIfPlanned();
      person.accountBalanceFen -= pre.accountPayFen;
      const settlement = {
        settlementId: idFor('ST'), preSettlementId: pre.preSettlementId, bizNo: pre.bizNo, insuredId: pre.insuredId, status: 'settled',
        totalFen: pre.totalFen, fundPayFen: pre.fundPayFen, accountPayFen: pre.accountPayFen, selfPayFen: pre.selfPayFen,
        selfPayTransactionId: typeof body.selfPayTransactionId === 'string' ? body.selfPayTransactionId : undefined,
        settledAt: new Date(clock.now()).toISOString(), items: pre.items,
      };
      settlements.set(settlement.settlementId, settlement);
      counters.settled += 1;
      return [true, view(settlement)];
    },

    /** 退费: the whole settlement, once; the personal account gets its part back. Idempotent. */
    reverse(settlementId, body) {
      const settlement = get(settlementId);
      if (settlement.status === 'reversed') {
        counters.reverseRepeats += 1;
        return [false, view(settlement)];
      }
      const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
      if (!reason) throw paramError('缺少退费原因 reason');
      people.byInsuredId(settlement.insuredId).accountBalanceFen += settlement.accountPayFen;
      Object.assign(settlement, { status: 'reversed', reversedAt: new Date(clock.now()).toISOString(), reverseReason: reason });
      counters.reversed += 1;
      return [true, view(settlement)];
    },
  };
}
