import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findIdentifiers, luhnValid, mask, validIdNumber15, validIdNumber18 } from '../src/detect.mjs';

const kinds = (text) => findIdentifiers(text).map((f) => `${f.kind} ${f.masked}`);

test('finds an 18-digit ID number with a valid check digit and birth date, and shows it masked', () => {
  assert.deepEqual(kinds('realname verify idNumber=11010519491231002X ok'), ['id-number 1101**********002X']);
  assert.deepEqual(kinds('{"IdNumber":"320106198511110012"}'), ['id-number 3201**********0012']);
  assert.deepEqual(kinds('身份证440304199003071230已核验'), []); // wrong check digit
  assert.deepEqual(kinds('身份证44030419900307123X已核验'), ['id-number 4403**********123X']);
});

test('an ID-number shape that is no ID number is not reported', () => {
  assert.equal(validIdNumber18('11010519491231002X'), true);
  assert.equal(validIdNumber18('11010519491231002x'), true);
  assert.equal(validIdNumber18('110105194912310021'), false); // check digit
  assert.equal(validIdNumber18('990105194912310021'), false); // no such province
  assert.equal(validIdNumber18('110105194902300028'), false); // 30 February
  assert.equal(validIdNumber18('110101299901010013'), false); // born in the future
  // .NET ticks (18 digits, 63… is a province code but year 9xxx is no birth year)
  assert.deepEqual(kinds('"Ticks":639006912000000000'), []);
});

test('finds the 15-digit ID number of before 1999', () => {
  assert.equal(validIdNumber15('110105491231002'), true);
  assert.equal(validIdNumber15('110105491331002'), false);
  assert.deepEqual(kinds('old id 110105491231002 on file'), ['id-number 1101*******1002']);
});

test('finds mobile numbers, with or without +86, also percent-encoded in a URL', () => {
  assert.deepEqual(kinds('sms sent to 13800138000'), ['mobile 138****8000']);
  assert.deepEqual(kinds('"phone":"+8613912345678"'), ['mobile 139****5678']);
  assert.deepEqual(kinds('GET /api/x?phone=19912345678&y=1'), ['mobile 199****5678']);
  assert.deepEqual(kinds('GET /api/x?q=%2B8618612345678'), ['mobile 186****5678']);
  assert.deepEqual(kinds('手机号13800138000。'), ['mobile 138****8000']);
  assert.deepEqual(kinds('call 138 0013 8000 or 139-1234-5678'), ['mobile 138****8000', 'mobile 139****5678']);
  assert.deepEqual(kinds('not one: 138-0013 8000, 2026-1207-1530'), []);
});

test('mobile-number shapes inside ids, timestamps and decimals are not reported', () => {
  assert.deepEqual(kinds('TraceId:ffaa0fdc1e9a13800138000654df5'), []);
  assert.deepEqual(kinds('"Id":"0190a1b2-c3d4-7e5f-8a6b-13800138000f"'), []);
  assert.deepEqual(kinds('"Id":"019e0a1b-7a87-a735-113800138000"'), []);
  assert.deepEqual(kinds('out_trade_no=0190a1b2c3d47e5f8a6b138001380000'), []);
  assert.deepEqual(kinds('"sentAtMs":1765098000000'), []); // unix milliseconds
  assert.deepEqual(kinds('unix 1765098000 seconds'), []);
  assert.deepEqual(kinds('Elapsed 0.13812345678 s'), []);
  assert.deepEqual(kinds('value 13812345678.25'), []);
  assert.deepEqual(kinds('12345678901 is no mobile (12…)'), []);
  assert.deepEqual(kinds('masked 138****8000 and 1101**********002X'), []);
});

test('finds Luhn-valid card numbers of UnionPay, Visa and Mastercard, also grouped', () => {
  assert.deepEqual(kinds('card 6222021234567890128 bound'), ['bank-card 6222***********0128']);
  assert.deepEqual(kinds('card=4111111111111111'), ['bank-card 4111********1111']);
  assert.deepEqual(kinds('card 5555 5555 5555 4444'), ['bank-card 5555********4444']);
  assert.deepEqual(kinds('card 2223-0031-2200-3222'), ['bank-card 2223********3222']);
  assert.deepEqual(kinds('"bankCard":"6200000000000005"'), ['bank-card 6200********0005']);
});

test('card-number shapes that are not cards are not reported', () => {
  assert.equal(luhnValid('6222021234567890123'), false);
  assert.deepEqual(kinds('card 6222021234567890123'), []); // Luhn fails
  assert.deepEqual(kinds('jcb 3530111333300000'), []); // issuer outside 62/4/5x/2x
  // WeChat Pay transaction ids (28 digits, 4200…) and refund ids (29 digits, 50…) are longer runs
  assert.deepEqual(kinds('"transaction_id":"4200001234202612071234567890"'), []);
  assert.deepEqual(kinds('"refund_id":"50012345620261207123456789012"'), []);
  // span ids that happen to be all decimal digits (W3C trace context), Luhn-valid and 4…-prefixed
  assert.deepEqual(kinds('"SpanId":"4735218390612341","ParentId":"4735218390612341"'), []);
  assert.deepEqual(kinds('Message":"SpanId:4735218390612341, TraceId:f4bd2353d607cb39e839211e2deae8f4, ParentId:4735218390612341"'), []);
  assert.deepEqual(kinds('traceparent=00-3eae61c9e6c148de1234567890123456-4735218390612341-01'), []);
  // a 32-digit trace id is one run, not a card
  assert.deepEqual(kinds('TraceId:41111111111111114111111111111111'), []);
  // unix nanoseconds
  assert.deepEqual(kinds('ts=1765098000123456789'), []);
});

test('a number is reported once, as the strongest kind', () => {
  assert.deepEqual(kinds('320106198511110012'), ['id-number 3201**********0012']);
  assert.equal(mask('mobile', '13800138000'), '138****8000');
});

test('bearer tokens and the configured secrets are found, masked', () => {
  process.env.PII_SCAN_SECRETS = 'reports-local-secret\nshort';
  try {
    const found = findIdentifiers('GET /x Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dGVzdHNpZ25hdHVyZQ client_secret=reports-local-secret short');
    assert.deepEqual(found.map((f) => [f.kind, f.masked]), [['secret', 'eyJ********'], ['secret', 'rep********']]);
    assert.deepEqual(findIdentifiers('the word eyJ alone, and a short value'), []);
  } finally {
    delete process.env.PII_SCAN_SECRETS;
  }
});
