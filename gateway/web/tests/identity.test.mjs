import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  ageOn,
  idNumberError,
  isChildUnder14,
  loginErrorMessage,
  maskCardNumber,
  maskIdNumber,
  maskPhone,
  passwordError,
  passwordHints,
  residentIdCheckChar,
  residentIdError,
  usernameError,
} from '../shared/identity.js'
import { ApiError } from '../shared/problem.js'

const today = new Date(2026, 5, 1)

test('GB 11643 check character matches known numbers', () => {
  assert.equal(residentIdCheckChar('11010519491231002'), 'X')
  assert.equal(residentIdCheckChar('11010119900307123'), '3')
  assert.equal(residentIdCheckChar('44030420150301002'), 'X')
})

test('resident ID validation: length, region, birth date, check digit', () => {
  assert.equal(residentIdError('110101199003071233', today), '')
  assert.equal(residentIdError('11010519491231002x', today), '', 'lower-case x is accepted')
  assert.match(residentIdError('110101199003071234', today), /校验位/)
  assert.match(residentIdError('11010119900307123', today), /18 位/)
  assert.match(residentIdError('990101199003071233', today), /地区码/)
  assert.match(residentIdError('110101199002301231', today), /出生日期/)
  assert.match(residentIdError('110101203001011231', today), /出生日期/)
  assert.match(residentIdError('', today), /请输入/)
})

test('other ID types only need 5-20 letters or digits', () => {
  assert.equal(idNumberError('passport', 'E12345678'), '')
  assert.ok(idNumberError('passport', 'E1'))
  assert.ok(idNumberError('hk_macao_permit', 'H12 3456'))
})

test('children under 14 are recognised from the resident ID birth date', () => {
  assert.equal(ageOn('2015-03-01', today), 11)
  assert.equal(ageOn('2012-06-02', today), 13, 'birthday tomorrow')
  assert.equal(ageOn('2012-06-01', today), 14, 'birthday today')
  assert.equal(isChildUnder14('resident_id', '44030420150301002X', today), true)
  assert.equal(isChildUnder14('resident_id', '110101199003071233', today), false)
  assert.equal(isChildUnder14('passport', 'E12345678', today), false)
})

test('password hints follow the policy: length, 3 of 4 classes, not username or phone', () => {
  const ok = (pw, ctx) => Object.fromEntries(passwordHints(pw, ctx).map((h) => [h.key, h.ok]))
  assert.deepEqual(ok('Abcdef12', { username: 'zhang_san', phone: '13912345678' }), { length: true, classes: true, username: true, phone: true })
  assert.equal(ok('abcdefgh').classes, false)
  assert.equal(ok('abcdef12').classes, false)
  assert.equal(ok('abcdef1!').classes, true)
  assert.equal(ok('Ab1!').length, false)
  assert.equal(ok('A'.repeat(30) + 'b1!').length, false)
  assert.equal(ok('Zhang_San1', { username: 'zhang_san' }).username, false)
  assert.equal(ok('Ab13912345678', { phone: '13912345678' }).phone, false)
  assert.equal(passwordError('Abcdef12', { username: 'wang' }), '')
  assert.match(passwordError('abcdefgh'), /至少 3 种/)
})

test('usernames are 4-20 letters, digits or underscore and not all digits', () => {
  assert.equal(usernameError('zhang_san'), '')
  assert.ok(usernameError('abc'))
  assert.ok(usernameError('a'.repeat(21)))
  assert.ok(usernameError('12345678'))
  assert.ok(usernameError('张三丰四'))
})

test('masking keeps the first 3 and last 4 of a phone, at most the first 4 and last 2 of an ID', () => {
  assert.equal(maskPhone('13800000001'), '138****0001')
  assert.equal(maskIdNumber('110101199003071233'), '1101************33')
  assert.equal(maskIdNumber('E12345678'), 'E1******8')
  assert.equal(maskCardNumber('6222020200112345678'), '6222 **** **** 5678')
})

test('token endpoint refusals get clear Chinese messages', () => {
  assert.match(loginErrorMessage(new ApiError(400, { code: 'invalid_credentials', title: 'x' })), /用户名或密码错误/)
  assert.match(loginErrorMessage(new ApiError(400, { code: 'locked', detail: '请15分钟后再试' })), /15分钟/)
  assert.match(loginErrorMessage(new ApiError(400, { code: 'invalid_sms_code' })), /短信验证码错误/)
  assert.match(loginErrorMessage(new ApiError(429, { code: 'too_many_attempts', detail: '登录失败次数过多，请2秒后再试' })), /2秒后再试/)
  assert.equal(loginErrorMessage(new ApiError(500, null)), null)
})
