// Where the test host (Node 22 + the VS Code server from code-server + Debian's chromium) lives.
// It sits in a per-user cache folder outside the repository, so every clone and every CI run on
// the same machine reuses one install; AZURE_BILLING_TESTHOST_DIR moves it elsewhere.
const os = require('os');
const path = require('path');

const CODE_SERVER_VERSION = '4.117.0'; // = VS Code 1.117.0; wants Node 22
const NODE_MAJOR = 22;
// Bump when the install recipe changes, so an old install is redone instead of trusted.
const RECIPE_VERSION = 1;

function cacheRoot() {
  if (process.env.AZURE_BILLING_TESTHOST_DIR) { return path.resolve(process.env.AZURE_BILLING_TESTHOST_DIR); }
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'azure-billing-insight', 'testhost');
}

function hostPaths(root = cacheRoot()) {
  const nodeDir = path.join(root, `node${NODE_MAJOR}`);
  const codeServerDir = path.join(root, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
  const vscodeDir = path.join(codeServerDir, 'lib', 'vscode');
  return {
    root,
    downloads: path.join(root, 'downloads'),
    steps: path.join(root, 'steps'),
    marker: path.join(root, 'install-complete.json'),
    lock: path.join(root, 'install.lock'),
    nodeDir,
    node: path.join(nodeDir, 'bin', 'node'),
    codeServerPrefix: path.join(root, `code-server-${CODE_SERVER_VERSION}`),
    codeServerDir,
    vscodeDir,
    serverMain: path.join(vscodeDir, 'out', 'server-main.js'),
    serverCli: path.join(vscodeDir, 'out', 'server-cli.js'),
    chromium: process.env.AZURE_BILLING_CHROMIUM || '/usr/bin/chromium',
  };
}

module.exports = { cacheRoot, hostPaths, CODE_SERVER_VERSION, NODE_MAJOR, RECIPE_VERSION };
