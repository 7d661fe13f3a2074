#!/usr/bin/env node
// Bundles what the editor runs:
//   src/extension.ts                    → dist/extension.js  (Node, CommonJS, `vscode` left to the host)
//   @azure/identity                     → dist/identity.js   (loaded by the extension on first token)
//   @microsoft/vscode-azext-utils       → dist/azextUtils.js (AzureWizard; loaded with the budget wizard)
//   webview-ui/src/<name>/main.ts       → dist/webview/<name>.js (+ .css)  (browser, IIFE), one per panel
// Usage: node scripts/build.js [--watch] [--analyze] [--no-minify]
// One bundle per target keeps activation to a single file read and lets `.vscodeignore` ship
// `dist/` without node_modules.
const path = require('path');
const fs = require('fs');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const analyze = args.has('--analyze');
const minify = !args.has('--no-minify');

/**
 * node-fetch@2 reads `URL` from Node's `url` module and falls back to the `whatwg-url` package
 * only on Node versions without one; bundling that fallback would add ~300 kB (its Unicode
 * table) that never runs. Resolve it to Node's own URL instead.
 */
const nodeUrlInsteadOfWhatwgUrl = {
  name: 'node-url-instead-of-whatwg-url',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'node-url-shim' }));
    build.onLoad({ filter: /.*/, namespace: 'node-url-shim' }, () => ({
      contents: 'module.exports = { URL: require("url").URL, URLSearchParams: require("url").URLSearchParams };',
      loader: 'js',
    }));
  },
};

/**
 * @azure/identity (with MSAL) is about 40% of the extension's code, needed only for the Azure CLI,
 * service principal and managed identity sign-ins, and only at the first token. It goes in its
 * own file, required on first use, so activation parses the rest alone. Only the package moves:
 * the project's own modules (errors, token cache) stay in one copy, so `instanceof` keeps working.
 */
const identityInItsOwnFile = {
  name: 'identity-in-its-own-file',
  setup(build) {
    build.onResolve({ filter: /^@azure\/identity$/ }, () => ({ path: './identity.js', external: true }));
  },
};

/**
 * @microsoft/vscode-azext-utils (AzureWizard and its prompt/execute steps) is needed only when a
 * person creates or edits a budget (src/views/budgets/wizard/, reached by a dynamic import). Like
 * @azure/identity it goes in its own file, required when the wizard module first runs, so
 * activation neither reads nor parses it. Only the exports the wizard uses are named; its ES module
 * build tree-shakes better than its CommonJS one.
 */
/**
 * tas-client (A/B experiments, reached through the package's ExperimentationService, which the
 * wizard never uses) is a UMD file: bundled, it assigns the bundle's own `module.exports` when it
 * loads, which would leave every export of azextUtils.js undefined. It becomes an empty module.
 */
const noTasClient = {
  name: 'no-tas-client',
  setup(build) {
    build.onResolve({ filter: /^tas-client$/ }, () => ({ path: 'tas-client', namespace: 'no-tas-client' }));
    build.onLoad({ filter: /.*/, namespace: 'no-tas-client' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

const AZEXT_EXPORTS = ['AzureWizard', 'AzureWizardPromptStep', 'AzureWizardExecuteStep', 'GoBackError', 'UserCancelledError'];
const azextInItsOwnFile = {
  name: 'azext-utils-in-its-own-file',
  setup(build) {
    build.onResolve({ filter: /^@microsoft\/vscode-azext-utils$/ }, () => ({ path: './azextUtils.js', external: true }));
  },
};

/**
 * jsonc-parser's `main` is a UMD build whose factory `require`s its parts by computed paths, which
 * a bundler cannot follow (the bundle fails at load with "Cannot find module './impl/format'").
 * Its ES module build has plain imports: bundle that one.
 */
const jsoncParserAsEsm = {
  name: 'jsonc-parser-as-esm',
  setup(build) {
    build.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: require.resolve('jsonc-parser/lib/esm/main.js', { paths: [root] }) }));
  },
};

/** What every bundle shares: sizes and source maps reported, only warnings printed. */
const common = { absWorkingDir: root, bundle: true, minify, sourcemap: true, metafile: true, logLevel: 'warning' };

/**
 * The extension host's bundles. Names survive minification so stack traces in the log still say
 * which class failed.
 */
const nodeCommon = { ...common, platform: 'node', format: 'cjs', target: 'node20', keepNames: true };

/** @type {import('esbuild').BuildOptions} */
const identityOptions = {
  ...nodeCommon,
  stdin: { contents: "export * from '@azure/identity';", resolveDir: root, loader: 'js', sourcefile: 'identity-entry.js' },
  outfile: 'dist/identity.js',
  plugins: [nodeUrlInsteadOfWhatwgUrl],
};

/** @type {import('esbuild').BuildOptions} */
const azextOptions = {
  ...nodeCommon,
  stdin: { contents: `export { ${AZEXT_EXPORTS.join(', ')} } from '@microsoft/vscode-azext-utils';`, resolveDir: root, loader: 'js', sourcefile: 'azext-utils-entry.js' },
  outfile: 'dist/azextUtils.js',
  mainFields: ['module', 'main'],
  // The package's optional Copilot integration is never reached by the wizard.
  external: ['vscode', '@github/copilot-sdk'],
  plugins: [noTasClient],
};

/** @type {import('esbuild').BuildOptions} */
const extensionOptions = {
  ...nodeCommon,
  entryPoints: { extension: 'src/extension.ts' },
  outdir: 'dist',
  external: [
    'vscode',
    // Reached only through VSCodeAzureSubscriptionProvider's lazy import, which this extension
    // never calls (it lists tenants through its own ARM client): not worth half a megabyte.
    '@azure/arm-resources-subscriptions',
  ],
  plugins: [nodeUrlInsteadOfWhatwgUrl, identityInItsOwnFile, azextInItsOwnFile, jsoncParserAsEsm],
};

/** Every webview: `webview-ui/src/<name>/main.ts` → `dist/webview/<name>.js` (usagePanel, tablePanel…). */
function webviewEntries() {
  const dir = path.join(root, 'webview-ui', 'src');
  const entries = {};
  if (!fs.existsSync(dir)) { return entries; }
  for (const name of fs.readdirSync(dir).sort()) {
    const main = path.join(dir, name, 'main.ts');
    if (fs.existsSync(main)) { entries[name] = main; }
  }
  return entries;
}

/** @type {import('esbuild').BuildOptions} */
const webviewOptions = {
  ...common,
  entryPoints: webviewEntries(),
  outdir: 'dist/webview',
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  // Fonts or images the panel's CSS refers to travel with the bundle (no CDN, CSP-friendly).
  loader: { '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
};

function targets() {
  const list = [
    { name: 'extension', options: extensionOptions },
    { name: 'identity', options: identityOptions },
    { name: 'azextUtils', options: azextOptions },
  ];
  if (Object.keys(webviewOptions.entryPoints).length > 0) { list.push({ name: 'webview', options: webviewOptions }); }
  else { console.log('build: no webview-ui/src/*/main.ts yet; skipping the webview bundles.'); }
  return list;
}

function reportSizes(name, metafile) {
  for (const [file, info] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.map')) { continue; }
    console.log(`build: ${name}: ${file} ${info.bytes} bytes`);
  }
}

async function main() {
  const started = Date.now();
  if (watch) {
    for (const { name, options } of targets()) {
      const ctx = await esbuild.context({
        ...options,
        plugins: [...(options.plugins ?? []), { name: 'report', setup: (b) => b.onEnd((r) => r.metafile && reportSizes(name, r.metafile)) }],
      });
      await ctx.watch();
    }
    console.log('build: watching for changes (Ctrl+C to stop)');
    return;
  }
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  for (const { name, options } of targets()) {
    const result = await esbuild.build(options);
    reportSizes(name, result.metafile);
    if (analyze) { console.log(await esbuild.analyzeMetafile(result.metafile, { verbose: false })); }
  }
  console.log(`build: done in ${Date.now() - started} ms`);
}

main().catch((error) => {
  // esbuild has already printed the diagnostics.
  if (!error?.errors) { console.error(error); }
  process.exitCode = 1;
});
