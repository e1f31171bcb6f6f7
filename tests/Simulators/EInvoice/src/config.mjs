import fs from 'node:fs';
import fontkit from 'fontkit';
import path from 'node:path';

const FONT_ROOT = '/usr/share/fonts';
const PREFERRED_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

function findCjkFont(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findCjkFont(full);
      if (found) return found;
    } else if (/(wqy|noto).*(cjk|hei|sans|serif|zen).*\.tt[cf]$/i.test(full) || /wqy.*\.tt[cf]$/i.test(full)) {
      return full;
    }
  }
  return undefined;
}

function usable(fontPath) {
  try {
    fontkit.openSync(fontPath);
    return fontPath;
  } catch (err) {
    throw new Error(`font ${fontPath} cannot be read: ${err.message}`);
  }
}

/** The receipt PDF must show Chinese, so without a readable CJK font the simulator refuses to start. */
export function resolveFont(env = process.env) {
  return usable(locateFont(env));
}

function locateFont(env) {
  if (env.EINVOICE_FONT) {
    if (!fs.existsSync(env.EINVOICE_FONT)) throw new Error(`EINVOICE_FONT=${env.EINVOICE_FONT} does not exist`);
    return env.EINVOICE_FONT;
  }
  if (fs.existsSync(PREFERRED_FONT)) return PREFERRED_FONT;
  const found = findCjkFont(FONT_ROOT);
  if (!found) throw new Error(`no CJK font (wqy/noto .ttc/.ttf) under ${FONT_ROOT}; install fonts-wqy-microhei or set EINVOICE_FONT`);
  return found;
}

export function configFromEnv(env = process.env) {
  // PORT is how ./platform and the test fixtures hand every simulator its port.
  const port = Number(env.EINVOICE_PORT ?? env.PORT ?? 5306);
  return {
    host: env.EINVOICE_HOST ?? '127.0.0.1',
    port,
    appId: env.EINVOICE_APP_ID ?? 'hospital-jcsy',
    appSecret: env.EINVOICE_APP_SECRET ?? 'einvoice-local-secret',
    // Unset: http://127.0.0.1:<the port actually bound>, filled in by start().
    publicUrl: env.EINVOICE_PUBLIC_URL?.replace(/\/+$/, ''),
    invoiceCode: env.EINVOICE_INVOICE_CODE ?? '33060126',
    payeeName: env.EINVOICE_PAYEE_NAME ?? '智慧医院',
    fontPath: resolveFont(env),
  };
}
