#!/usr/bin/env node
// npm run pack: builds the mini-program's npm dependencies with miniprogram-ci (what DevTools' 「构建 npm」 does), then
// checks the build as DevTools would load it, so a broken build fails here instead of on a hospital's phone:
// every JSON parses, every page and tab exists, every usingComponents entry and relative require resolves, every JS
// file parses, and all WXML compiles with the official template compiler (wcc).
// packNpmManually needs neither appid nor private key; miniprogram-ci's packNpm(project) would, because ci.Project
// insists on a private key (which packing never uses) and looks for node_modules inside miniprogramRoot.
const fs = require('node:fs')
const path = require('node:path')
const vm = require('node:vm')

const ROOT = path.join(__dirname, '..')
const APP = path.join(ROOT, 'miniprogram')
const NPM_DIST = path.join(APP, 'miniprogram_npm')
const problems = []

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (e) {
    problems.push(`${path.relative(ROOT, file)}: ${e.code === 'ENOENT' ? '文件不存在' : `JSON 无效 (${e.message})`}`)
    return null
  }
}

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, out)
    else out.push(full)
  }
  return out
}

// A component reference: absolute from the mini-program root, relative to the file, or an npm package's
// miniprogram_npm folder (as DevTools resolves "@vant/weapp/button/index").
function resolveComponent(fromFile, ref) {
  const candidates = ref.startsWith('/') ? [path.join(APP, ref)]
    : ref.startsWith('.') ? [path.join(path.dirname(fromFile), ref)]
    : [path.join(NPM_DIST, ref), path.join(path.dirname(fromFile), ref)]
  return candidates.find((c) => fs.existsSync(`${c}.json`) && fs.existsSync(`${c}.js`) && fs.existsSync(`${c}.wxml`))
}

function checkComponent(base, seen) {
  if (seen.has(base)) return
  seen.add(base)
  const rel = path.relative(ROOT, base)
  for (const ext of ['.js', '.json', '.wxml']) {
    if (!fs.existsSync(base + ext)) problems.push(`${rel}${ext}: 文件不存在`)
  }
  const json = fs.existsSync(`${base}.json`) ? readJson(`${base}.json`) : null
  if (!json) return
  for (const [tag, ref] of Object.entries(json.usingComponents || {})) {
    const target = resolveComponent(base, ref)
    if (!target) problems.push(`${rel}.json: 组件 <${tag}> 的路径 ${ref} 找不到`)
    else checkComponent(target, seen)
  }
}

async function packNpm() {
  const ci = require('miniprogram-ci')
  fs.rmSync(NPM_DIST, { recursive: true, force: true })
  const result = await ci.packNpmManually({
    packageJsonPath: path.join(ROOT, 'package.json'),
    miniprogramNpmDistDir: APP,
  })
  for (const warning of result.warnList || []) problems.push(`构建 npm 警告: ${JSON.stringify(warning)}`)
  if (!fs.existsSync(path.join(NPM_DIST, '@vant', 'weapp', 'button', 'index.js'))) problems.push('构建 npm 后缺少 @vant/weapp')
  console.log(`miniprogram-ci 构建 npm: 小程序包 ${result.miniProgramPackNum} 个, 其他包 ${result.otherNpmPackNum} 个`)
}

function checkProject() {
  readJson(path.join(ROOT, 'project.config.json'))
  const app = readJson(path.join(APP, 'app.json'))
  if (!app) return
  const seen = new Set()
  for (const page of app.pages || []) checkComponent(path.join(APP, page), seen)
  for (const tab of (app.tabBar && app.tabBar.list) || []) {
    if (!(app.pages || []).includes(tab.pagePath)) problems.push(`app.json: tabBar 页面 ${tab.pagePath} 不在 pages 中`)
  }
  if (app.sitemapLocation) readJson(path.join(APP, app.sitemapLocation))

  const ownFiles = walk(APP).filter((f) => !f.startsWith(NPM_DIST))
  for (const file of ownFiles.filter((f) => f.endsWith('.json'))) readJson(file)
  for (const file of ownFiles.filter((f) => f.endsWith('.js'))) {
    const source = fs.readFileSync(file, 'utf8')
    try {
      new vm.Script(`(function (require, module, exports) {${source}\n})`, { filename: file })
    } catch (e) {
      problems.push(`${path.relative(ROOT, file)}: JS 语法错误 (${e.message})`)
    }
    for (const [, ref] of source.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      if (!ref.startsWith('.')) continue
      const target = path.join(path.dirname(file), ref)
      if (![target, `${target}.js`].some((t) => fs.existsSync(t) && fs.statSync(t).isFile())) {
        problems.push(`${path.relative(ROOT, file)}: require('${ref}') 找不到`)
      }
    }
  }
}

function compileWxml() {
  const compiler = require('miniprogram-compiler')
  try {
    const js = compiler.wxmlToJs(APP)
    if (!js || !js.includes('$gwx')) problems.push('WXML 编译没有输出')
  } catch (e) {
    problems.push(`WXML 编译失败: ${e.message}`)
  }
}

;(async () => {
  try {
    await packNpm()
  } catch (e) {
    problems.push(`构建 npm 失败: ${e.message}`)
  }
  checkProject()
  compileWxml()
  if (problems.length) {
    console.error(`小程序构建检查失败 (${problems.length} 项):`)
    problems.forEach((p) => console.error(`  - ${p}`))
    process.exit(1)
  }
  console.log('小程序构建检查通过')
})()
