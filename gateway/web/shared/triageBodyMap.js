// The 智能导诊 body map as data: for a figure (male, female, child) and a view (front, back), each region's drawn shapes
// and a labelled pill beside the figure that carries the tap target, so even the eyes are a 44 px target to touch.
// 皮肤 and 全身 are no place on the drawing; the page shows them as buttons under it.
import { BODY_REGIONS } from './triage.js'

export const VIEWBOX = Object.freeze({ width: 360, height: 560 })
export const PILL = Object.freeze({ width: 84, height: 48, margin: 4 })
export const VIEWS = Object.freeze([
  { value: 'front', label: '正面' },
  { value: 'back', label: '背面' },
])
export const FIGURES = Object.freeze({ male: '男性', female: '女性', child: '儿童' })
export const OFF_MAP_REGIONS = Object.freeze(['皮肤', '全身'])

const CX = VIEWBOX.width / 2

const SPECS = {
  male: { headRx: 30, headRy: 36, headCy: 60, neckHalf: 12, shoulderY: 112, shoulderHalf: 64, chestY: 200, waistHalf: 44, waistY: 262, hipHalf: 54, hipY: 310, kneeY: 412, ankleY: 506, footY: 536, armW: 20, wristY: 300 },
  female: { headRx: 28, headRy: 35, headCy: 60, neckHalf: 10, shoulderY: 112, shoulderHalf: 56, chestY: 200, waistHalf: 36, waistY: 262, hipHalf: 60, hipY: 312, kneeY: 414, ankleY: 506, footY: 536, armW: 17, wristY: 298 },
  child: { headRx: 38, headRy: 44, headCy: 70, neckHalf: 12, shoulderY: 128, shoulderHalf: 52, chestY: 204, waistHalf: 42, waistY: 258, hipHalf: 48, hipY: 300, kneeY: 398, ankleY: 492, footY: 524, armW: 18, wristY: 290 },
}

const pts = (...points) => `M${points.map(([x, y]) => `${x},${y}`).join(' L')} Z`
const mirror = ([x, y]) => [2 * CX - x, y]
const both = (make) => [make(1), make(-1)]

function shapesOf(s, view) {
  const { headRx, headRy, headCy, neckHalf, shoulderY, shoulderHalf, chestY, waistHalf, waistY, hipHalf, hipY, kneeY, ankleY, footY, armW, wristY } = s
  const arm = (side) => {
    const x0 = CX - side * shoulderHalf
    const out = (dx) => x0 - side * dx
    return { d: pts([x0, shoulderY + 10], [out(armW), shoulderY + 18], [out(armW + 12), wristY], [out(10), wristY], [x0, chestY - 20]) }
  }
  const hand = (side) => ({ cx: CX - side * (shoulderHalf + armW / 2 + 6), cy: wristY + 16, rx: armW / 2 + 3, ry: 16 })
  const leg = (side) => {
    const x = (dx) => CX - side * dx
    return { d: pts([x(hipHalf), hipY], [x(3), hipY], [x(10), kneeY], [x(14), ankleY], [x(34), ankleY], [x(hipHalf - 20), kneeY]) }
  }
  const knee = (side) => ({ cx: CX - side * (hipHalf / 2 + 4), cy: kneeY, rx: 17, ry: 19 })
  const foot = (side) => ({ cx: CX - side * 26, cy: footY - 12, rx: 20, ry: 13 })
  const shoulder = (side) => ({ cx: CX - side * (shoulderHalf - 4), cy: shoulderY + 14, rx: 20, ry: 15 })
  const torso = pts([CX - shoulderHalf, shoulderY + 8], [CX + shoulderHalf, shoulderY + 8], [CX + waistHalf + 4, chestY], [CX - waistHalf - 4, chestY])
  const belly = pts([CX - waistHalf - 4, chestY], [CX + waistHalf + 4, chestY], [CX + hipHalf, waistY], [CX - hipHalf, waistY])
  const pelvis = pts([CX - hipHalf, waistY], [CX + hipHalf, waistY], [CX + hipHalf, hipY], [CX - hipHalf, hipY])

  const common = {
    头部: [{ cx: CX, cy: headCy, rx: headRx, ry: headRy }],
    颈部: [{ d: pts([CX - neckHalf, headCy + headRy - 6], [CX + neckHalf, headCy + headRy - 6], [CX + neckHalf, shoulderY + 8], [CX - neckHalf, shoulderY + 8]) }],
    上肢: [...both(arm), ...both(hand)],
    肩部: both(shoulder),
    髋部: [{ d: pelvis }],
    下肢: both(leg),
    膝部: both(knee),
    足部: both(foot),
  }
  if (view === 'back') {
    return {
      ...common,
      背部: [{ d: torso }],
      腰部: [{ d: belly }],
      肛门: [{ cx: CX, cy: hipY - 10, rx: 8, ry: 8 }],
    }
  }
  const eye = (side) => ({ cx: CX - side * headRx * 0.38, cy: headCy - 5, rx: 7, ry: 4.5 })
  const ear = (side) => ({ cx: CX - side * (headRx + 3), cy: headCy + 2, rx: 5, ry: 11 })
  const breast = (side) => ({ cx: CX - side * shoulderHalf * 0.42, cy: (shoulderY + chestY) / 2 + 8, rx: 15, ry: 13 })
  return {
    ...common,
    胸部: [{ d: torso }],
    乳房: both(breast),
    腹部: [{ d: belly }],
    会阴部: [{ d: pts([CX - 12, hipY - 24], [CX + 12, hipY - 24], [CX, hipY + 2]) }],
    眼部: both(eye),
    耳部: both(ear),
    鼻部: [{ d: pts([CX, headCy - 2], [CX - 6, headCy + 12], [CX + 6, headCy + 12]) }],
    口腔: [{ cx: CX, cy: headCy + headRy * 0.55, rx: 10, ry: 5 }],
  }
}

const TORSO = new Set(['胸部', '腹部', '背部', '腰部'])

// Where each region's leader line ends on the figure, and which side its pill sits (left: x < centre).
function anchorOf(shapes, name) {
  const first = shapes[0]
  if (name === '头部') return [first.cx - first.rx * 0.45, first.cy - first.ry * 0.7]
  if ('cx' in first) return [first.cx, first.cy]
  const coords = first.d.slice(1, -2).split(' L').map((p) => p.split(',').map(Number))
  const xs = coords.map(([x]) => x)
  const ys = coords.map(([, y]) => y)
  const x = name === '上肢' || name === '下肢' ? Math.min(...xs) + 8
    : TORSO.has(name) ? Math.min(...xs) + 22
      : name === '髋部' ? Math.max(...xs) - 16
      : (Math.min(...xs) + Math.max(...xs)) / 2
  return [x, (Math.min(...ys) + Math.max(...ys)) / 2]
}

// Fixed sides keep the lines from crossing the figure: features of one side of the drawing label on that side.
const RIGHT_SIDE = new Set(['耳部', '口腔', '肩部', '乳房', '上肢', '髋部', '下肢', '足部'])

// Each pill sits as close to its region's height as the pills above and below it allow, so the leader lines stay short
// and never cross within a column.
function placePills(regions) {
  const gap = PILL.height + 8
  const top = PILL.height / 2 + PILL.margin
  const bottom = VIEWBOX.height - PILL.height / 2 - PILL.margin
  for (const side of ['left', 'right']) {
    const column = regions.filter((r) => r.side === side).sort((a, b) => a.anchor[1] - b.anchor[1])
    const ys = column.map((r) => r.anchor[1])
    for (let i = 0; i < ys.length; i++) ys[i] = Math.max(ys[i], i ? ys[i - 1] + gap : top)
    for (let i = ys.length - 1; i >= 0; i--) ys[i] = Math.min(ys[i], i < ys.length - 1 ? ys[i + 1] - gap : bottom)
    column.forEach((r, i) => {
      r.pill = { x: side === 'left' ? PILL.margin : VIEWBOX.width - PILL.margin - PILL.width, y: ys[i] - PILL.height / 2, cy: ys[i] }
    })
  }
  return regions
}

export function bodyMapLayout(figure, view) {
  const spec = SPECS[figure] ?? SPECS.male
  const shapes = shapesOf(spec, view === 'back' ? 'back' : 'front')
  const regions = Object.entries(shapes).map(([name, list]) => {
    const anchor = anchorOf(list, name)
    const side = RIGHT_SIDE.has(name) ? 'right' : 'left'
    // A paired shape's leader goes to the one on the pill's side.
    const near = list.length === 2 ? (side === 'right' ? mirrorIfLeft(anchor) : anchor) : anchor
    return { name, shapes: list, side, anchor: near }
  })
  // Drawing order: large areas first, so the small ones on top of them stay tappable.
  regions.sort((a, b) => area(b) - area(a))
  return placePills(regions)
}

function mirrorIfLeft(anchor) {
  return anchor[0] < CX ? mirror(anchor) : anchor
}

function area(region) {
  return region.shapes.reduce((sum, s) => {
    if ('rx' in s) return sum + Math.PI * s.rx * s.ry
    const coords = s.d.slice(1, -2).split(' L').map((p) => p.split(',').map(Number))
    let a = 0
    coords.forEach(([x1, y1], i) => {
      const [x2, y2] = coords[(i + 1) % coords.length]
      a += x1 * y2 - x2 * y1
    })
    return sum + Math.abs(a) / 2
  }, 0)
}

// Drawn behind the regions and not tappable: what tells the figures apart at a glance.
export function figureDecor(figure) {
  if (figure !== 'female') return []
  const { headRx, headRy, headCy } = SPECS.female
  return [
    { cx: CX, cy: headCy - 4, rx: headRx + 6, ry: headRy + 6 },
    { d: pts([CX - headRx - 6, headCy], [CX + headRx + 6, headCy], [CX + headRx + 2, headCy + headRy + 18], [CX - headRx - 2, headCy + headRy + 18]) },
  ]
}

// Every region of the API is reachable: on one of the two views or as an off-map button.
export function reachableRegions(figure) {
  const names = new Set([...OFF_MAP_REGIONS])
  for (const { value } of VIEWS) for (const r of bodyMapLayout(figure, value)) names.add(r.name)
  return BODY_REGIONS.filter((name) => names.has(name))
}
