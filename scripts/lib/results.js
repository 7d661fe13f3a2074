// Each test layer writes test-results/<layer>.json ({ passed, failed, skipped }); test-all.js adds them up.
const fs = require('fs');
const path = require('path');

const resultsDir = path.resolve(__dirname, '..', '..', 'test-results');

function writeLayerResult(layer, counts) {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `${layer}.json`), JSON.stringify({ layer, ...counts }, null, 2));
}

function readLayerResult(layer) {
  try {
    return JSON.parse(fs.readFileSync(path.join(resultsDir, `${layer}.json`), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Counts from node's spec reporter summary (ℹ pass N / ℹ fail N / ℹ skipped N / ℹ todo N). */
function summarize(output) {
  const num = (label) => {
    const m = new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(output);
    return m ? Number(m[1]) : 0;
  };
  return { passed: num('pass'), failed: num('fail') + num('cancelled'), skipped: num('skipped') + num('todo') };
}

module.exports = { writeLayerResult, readLayerResult, summarize, resultsDir };
