// PostCSS step for the patient app's elder mode (长辈模式). Every font-size in its CSS — ours, Vant's and each
// page's scoped styles, including pages added later — becomes
//   max(<size> × var(--elder-font-scale, 1), var(--elder-font-min, 0px))
// which is the size itself until <html data-elder-mode> sets the two variables (see src/elder.css).
// Relative sizes (em, rem, %) and keywords follow their parent, which is scaled already, so they stay as they are.
const SCALABLE = /^(?:-?\d*\.?\d+px|var\(--[\w-]+(?:,\s*[^()]+)?\)|calc\(.+\))$/
const RELATIVE = /\d(?:r?em|%|vw|vh|ch|ex)\b/

export function scaleFontSize(value) {
  const v = value.trim()
  if (v.includes('--elder-font') || !SCALABLE.test(v) || RELATIVE.test(v)) return value
  return `max(calc(${v} * var(--elder-font-scale, 1)), var(--elder-font-min, 0px))`
}

export function elderFontScale() {
  return {
    postcssPlugin: 'elder-font-scale',
    Declaration: {
      'font-size': (decl) => {
        decl.value = scaleFontSize(decl.value)
      },
    },
  }
}
elderFontScale.postcss = true
