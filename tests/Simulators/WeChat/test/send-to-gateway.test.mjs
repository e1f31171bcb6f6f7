import test from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startSimulator } from '../support/harness.mjs';
import { decryptMessage, encryptMessage, sha1Signature } from '../src/wechat-crypto.mjs';
import { buildXml, field } from '../src/xml.mjs';

/** A minimal stand-in gateway that checks what the simulator sends and answers in the same mode. */
async function fakeGateway(config) {
  const seen = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const q = url.searchParams;
      const body = Buffer.concat(chunks).toString('utf8');
      const signed = sha1Signature(config.token, q.get('timestamp'), q.get('nonce')) === q.get('signature');
      let xml = body;
      if (q.get('encrypt_type') === 'aes') {
        const encrypt = field(body, 'Encrypt');
        if (sha1Signature(config.token, q.get('timestamp'), q.get('nonce'), encrypt) !== q.get('msg_signature')) {
          res.writeHead(403).end();
          return;
        }
        xml = decryptMessage(config.encodingAesKey, config.appId, encrypt);
      }
      seen.push({ signed, xml, body });
      if (!signed) return res.writeHead(403).end();
      const reply = buildXml({ ToUserName: field(xml, 'FromUserName'), FromUserName: field(xml, 'ToUserName'), CreateTime: 1, MsgType: 'text', Content: `收到:${field(xml, 'Content')}` });
      if (q.get('encrypt_type') !== 'aes') return res.end(reply);
      const encrypt = encryptMessage(config.encodingAesKey, config.appId, reply);
      res.end(buildXml({ Encrypt: encrypt, MsgSignature: sha1Signature(config.token, '123', 'n1', encrypt), TimeStamp: 123, Nonce: 'n1' }));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, seen, close: () => new Promise((r) => server.close(r)) };
}

for (const mode of ['plaintext', 'compatible', 'safe']) {
  test(`send-to-gateway signs, encrypts and opens the reply in ${mode} mode`, async () => {
    const sim = await startSimulator({ mode });
    const gateway = await fakeGateway(sim.config);
    try {
      const { json } = await sim.call('POST', '/$sim/send-to-gateway', { fromUser: 'patient', type: 'text', content: '挂号', gatewayUrl: gateway.url });
      assert.equal(json.status, 200);
      assert.equal(json.reply.content, '收到:挂号');
      assert.equal(json.replyEncrypted, mode !== 'plaintext');
      if (mode !== 'plaintext') assert.equal(json.replySignatureValid, true);
      assert.equal(gateway.seen[0].body.includes('<Content>'), mode !== 'safe');
    } finally {
      await gateway.close();
      await sim.stop();
    }
  });
}

test('a forged callback is signed with the wrong token', async () => {
  const sim = await startSimulator({ mode: 'plaintext' });
  const gateway = await fakeGateway(sim.config);
  try {
    const { json } = await sim.call('POST', '/$sim/send-to-gateway', { fromUser: 'patient', content: 'x', forge: true, gatewayUrl: gateway.url });
    assert.equal(json.status, 403);
    assert.equal(gateway.seen[0].signed, false);
  } finally {
    await gateway.close();
    await sim.stop();
  }
});
