import test from 'node:test';
import assert from 'node:assert/strict';
import { capitals, yuan } from '../src/money.mjs';

test('amounts print in yuan and in Chinese capitals the way receipts write them', () => {
  const cases = [
    [5000, '50.00', '伍拾元整'],
    [1000, '10.00', '壹拾元整'],
    [100100, '1001.00', '壹仟零壹元整'],
    [1005030, '10050.30', '壹万零伍拾元叁角'],
    [20001, '200.01', '贰佰元零壹分'],
    [12345678, '123456.78', '壹拾贰万叁仟肆佰伍拾陆元柒角捌分'],
    [10000000, '100000.00', '壹拾万元整'],
    [50, '0.50', '伍角'],
    [5, '0.05', '伍分'],
    [-5000, '-50.00', '负伍拾元整'],
  ];
  for (const [fen, inYuan, inCapitals] of cases) {
    assert.equal(yuan(fen), inYuan, String(fen));
    assert.equal(capitals(fen), inCapitals, String(fen));
  }
});
