// Certificates for the emulator's HTTPS server. The CA can live in a folder that outlives one
// run, so a test runner can hand it to Node through NODE_EXTRA_CA_CERTS before the process starts
// (Node reads that variable only at start-up); the server certificate is made fresh at each start.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as forge from 'node-forge';

export interface CertificateAuthority {
  certPem: string;
  keyPem: string;
  certPath: string;
}

function rsaKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  // Node's native generator is ~50x faster than forge's pure-JS one.
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function serial(): string {
  // Positive serial number: clear the top bit of the first byte.
  const bytes = crypto.randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

function createCa(): { certPem: string; keyPem: string } {
  const keys = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 24 * 3600 * 1000);
  const attrs = [{ name: 'commonName', value: 'Azure Billing Insight emulator CA' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const key = forge.pki.privateKeyFromPem(keys.privateKeyPem);
  cert.sign(key, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privateKeyPem };
}

/** Loads the CA kept in `dir`, or makes one there. Without `dir`, makes a throw-away CA in a temp folder. */
export function ensureCa(dir?: string): CertificateAuthority {
  const folder = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'abi-emulator-ca-'));
  const certPath = path.join(folder, 'ca.pem');
  const keyPath = path.join(folder, 'ca-key.pem');
  if (fs.existsSync(certPath) && fs.existsSync(keyPath)) {
    const kept = { certPem: fs.readFileSync(certPath, 'utf8'), keyPem: fs.readFileSync(keyPath, 'utf8'), certPath };
    // A CA kept from an earlier run is reused only while the clock is inside its validity: test
    // runs with the clock set to another date (scripts/test-dates.js) get a CA of their own time.
    if (validNow(kept.certPem)) { return kept; }
  }
  fs.mkdirSync(folder, { recursive: true });
  const ca = createCa();
  // Write the key first and the certificate last, each atomically, so a half-made CA is never read.
  for (const [file, text] of [[keyPath, ca.keyPem], [certPath, ca.certPem]] as const) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text, { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  return { ...ca, certPath };
}

function validNow(certPem: string): boolean {
  try {
    const { notBefore, notAfter } = forge.pki.certificateFromPem(certPem).validity;
    const now = Date.now();
    return notBefore.getTime() <= now && now + 31 * 24 * 3600 * 1000 < notAfter.getTime();
  } catch {
    return false;
  }
}

/** A server certificate for 127.0.0.1 and localhost, signed by the CA. */
export function issueServerCertificate(ca: CertificateAuthority): { certPem: string; keyPem: string } {
  const keys = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 3600 * 1000);
  cert.validity.notAfter = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privateKeyPem };
}
