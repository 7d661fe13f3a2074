// Packs an unpacked extension folder (the test fixtures) into a .vsix with the repository's own
// vsce, so the test host installs it the way a person installs an extension. Installing, unlike
// copying a folder in, runs the server's install steps: a language pack is registered only then.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

function packageFolder(folder, outDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const out = path.join(outDir, `${manifest.publisher}.${manifest.name}-${manifest.version}.vsix`);
  fs.mkdirSync(outDir, { recursive: true });
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: folder, encoding: 'utf8' });
  if (r.status !== 0 || !fs.existsSync(out)) { throw new Error(`vsce could not package ${path.relative(root, folder)}:\n${r.stdout}\n${r.stderr}`); }
  return out;
}

module.exports = { packageFolder };
