import { deflateSync } from 'node:zlib';

// Key images (关键图像) for the radiologist's report: small grayscale PNGs drawn from the PRNG, shaped like what the
// modality shows (a CT/MR cross-section, a chest film, an ultrasound fan), so the platform has real image bytes to
// carry through FHIR Media, the HIS adapter and Reports to the patient's phone.

const SIZE = 192;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An 8-bit grayscale PNG of `pixels` (SIZE × SIZE, row-major). */
export function grayscalePng(pixels, size = SIZE) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  const raw = Buffer.alloc(size * (size + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw[y * (size + 1) + 1 + x] = pixels[y * size + x];
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

function crossSection(rng, x, y, lesion) {
  const c = SIZE / 2;
  if (!inEllipse(x, y, c, c, 84, 66)) return 8;
  if (!inEllipse(x, y, c, c, 78, 60)) return 200; // skin and fat
  if (inEllipse(x, y, c, c + 40, 12, 10)) return 235; // vertebra
  if (inEllipse(x, y, c - 34, c - 4, 28, 38) || inEllipse(x, y, c + 34, c - 4, 28, 38)) return 40; // lungs
  if (lesion && inEllipse(x, y, lesion.x, lesion.y, lesion.r, lesion.r)) return 170;
  return 110;
}

function chestFilm(rng, x, y, lesion) {
  const c = SIZE / 2;
  const rib = Math.abs(Math.sin((y + Math.abs(x - c) * 0.35) / 7)) > 0.93 ? 60 : 0;
  if (inEllipse(x, y, c - 38, c, 32, 62) || inEllipse(x, y, c + 38, c, 32, 62)) {
    if (lesion && inEllipse(x, y, lesion.x, lesion.y, lesion.r, lesion.r)) return 150;
    return 45 + rib;
  }
  if (inEllipse(x, y, c + 8, c + 24, 26, 30)) return 190; // heart
  return inEllipse(x, y, c, c, 90, 92) ? 170 : 20;
}

function ultrasoundFan(rng, x, y, lesion) {
  const c = SIZE / 2;
  const r = Math.hypot(x - c, y - 4);
  const angle = Math.atan2(x - c, y - 4);
  if (r > 180 || Math.abs(angle) > 0.6) return 0;
  if (lesion && inEllipse(x, y, lesion.x, lesion.y, lesion.r, lesion.r * 0.8)) return 25;
  return 60 + Math.floor(rng.next() * 90);
}

const DRAW = { CT: crossSection, MR: crossSection, DX: chestFilm, US: ultrasoundFan };

/** `count` key images of one study; with `abnormal`, a lesion the report's findings speak of. */
export function keyImages(rng, modality, abnormal, count = 2) {
  const draw = DRAW[modality] ?? crossSection;
  return Array.from({ length: count }, (_, n) => {
    const lesion = abnormal ? { x: 70 + rng.int(0, 50), y: 70 + rng.int(0, 40), r: rng.int(6, 12) } : null;
    const pixels = new Uint8Array(SIZE * SIZE);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const noise = Math.floor((rng.next() - 0.5) * 16);
        pixels[y * SIZE + x] = Math.max(0, Math.min(255, draw(rng, x, y, lesion) + noise));
      }
    }
    return { png: grayscalePng(pixels), caption: abnormal && n === 0 ? '关键图像：病灶层面' : `关键图像 ${n + 1}` };
  });
}
