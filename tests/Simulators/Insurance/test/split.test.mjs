import test from 'node:test';
import assert from 'node:assert/strict';
import { EMPLOYEE, RESIDENT, splitBill } from '../src/split.mjs';

const item = (code, category, amountFen) => ({ code, name: code, category, amountFen });

test('every item splits into fund, account and self parts adding up to the fen, fund rounded down', () => {
  for (const type of [EMPLOYEE, RESIDENT]) {
    for (let amountFen = 1; amountFen <= 1000; amountFen += 7) {
      for (const balance of [0, 3, 100000]) {
        const items = ['registration', 'exam', 'lab', 'drug', 'other'].map((c) => item(`X-${c}`, c, amountFen));
        const split = splitBill(type, items, balance);
        for (const line of split.items) {
          assert.equal(line.fundPayFen + line.accountPayFen + line.selfPayFen, amountFen);
          assert.ok([line.fundPayFen, line.accountPayFen, line.selfPayFen].every((n) => Number.isInteger(n) && n >= 0));
        }
        assert.equal(split.fundPayFen + split.accountPayFen + split.selfPayFen, split.totalFen);
        assert.ok(split.accountPayFen <= balance);
      }
    }
  }
});

test('rates: drugs 70% / 50%, exams and lab tests 60% / 50%, registration and other not covered', () => {
  const items = [item('GH-1', 'registration', 1000), item('YP-1', 'drug', 1000), item('JC-1', 'exam', 1000), item('JY-1', 'lab', 1000), item('QT-1', 'other', 1000)];
  const fund = (type) => splitBill(type, items, 0).items.map((line) => line.fundPayFen);
  assert.deepEqual(fund(EMPLOYEE), [0, 700, 600, 600, 0]);
  assert.deepEqual(fund(RESIDENT), [0, 500, 500, 500, 0]);
  const employee = splitBill(EMPLOYEE, items, 0).items;
  assert.deepEqual(employee.map((line) => line.selfPayFen), [1000, 300, 400, 400, 1000]);
});

test('a YP- code counts as a drug whatever its category says', () => {
  assert.equal(splitBill(EMPLOYEE, [item('YP-9', 'other', 1000)], 0).items[0].fundPayFen, 700);
});

test('the personal account pays covered remainders in item order until its balance runs out, never uncovered items', () => {
  const items = [item('GH-1', 'registration', 1500), item('YP-1', 'drug', 1000), item('JC-1', 'exam', 1000)];
  const split = splitBill(EMPLOYEE, items, 350);
  assert.deepEqual(split.items.map(({ fundPayFen, accountPayFen, selfPayFen }) => [fundPayFen, accountPayFen, selfPayFen]),
    [[0, 0, 1500], [700, 300, 0], [600, 50, 350]]);
});
