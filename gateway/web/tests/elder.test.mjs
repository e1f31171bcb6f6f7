import { test } from 'node:test'
import assert from 'node:assert/strict'
import postcss from 'postcss'
import { elderFontScale, scaleFontSize } from '../patient/elderFontScale.mjs'

const scaled = (v) => `max(calc(${v} * var(--elder-font-scale, 1)), var(--elder-font-min, 0px))`

test('pixel and variable font sizes scale with elder mode; relative sizes and keywords follow their parent', () => {
  assert.equal(scaleFontSize('17px'), scaled('17px'))
  assert.equal(scaleFontSize('var(--van-font-size-md)'), scaled('var(--van-font-size-md)'))
  assert.equal(scaleFontSize('calc(12px + 2px)'), scaled('calc(12px + 2px)'))
  for (const v of ['inherit', '1.2em', '1rem', '90%', 'larger', 'calc(1em + 2px)']) assert.equal(scaleFontSize(v), v)
  assert.equal(scaleFontSize(scaled('17px')), scaled('17px'))
})

test('the PostCSS step rewrites font-size declarations only, custom properties untouched', async () => {
  const css = '.a{font-size:14px;line-height:20px;--van-font-size-md:14px}.b{font-size:inherit}'
  const out = (await postcss([elderFontScale()]).process(css, { from: undefined })).css
  assert.ok(out.includes(`font-size:${scaled('14px')}`))
  assert.ok(out.includes('line-height:20px;--van-font-size-md:14px'))
  assert.ok(out.includes('.b{font-size:inherit}'))
})
