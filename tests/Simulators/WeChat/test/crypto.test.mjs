import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { decryptMessage, encryptMessage, sha1Signature } from '../src/wechat-crypto.mjs';

const sha1Hex = (text) => crypto.createHash('sha1').update(text).digest('hex');
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

test('signature sorts its parts by byte order before hashing', () => {
  assert.equal(sha1Signature('b', 'a', 'C'), sha1Signature('C', 'a', 'b'));
  // Byte order puts uppercase first: the hashed string is "Cab".
  const expected = sha1Hex('Cab');
  assert.equal(sha1Signature('b', 'a', 'C'), expected);
});

test('encrypted messages round-trip and carry the appid', () => {
  const encrypted = encryptMessage(KEY, 'wxappid', '<xml><Content><![CDATA[你好]]></Content></xml>');
  assert.equal(Buffer.from(encrypted, 'base64').length % 32, 0);
  assert.equal(decryptMessage(KEY, 'wxappid', encrypted), '<xml><Content><![CDATA[你好]]></Content></xml>');
  assert.throws(() => decryptMessage(KEY, 'wxother', encrypted), /appid mismatch/);
});

test('a fixed random prefix gives a deterministic ciphertext', () => {
  const random = Buffer.alloc(16, 7);
  assert.equal(encryptMessage(KEY, 'wx1', 'hello', random), encryptMessage(KEY, 'wx1', 'hello', random));
});
