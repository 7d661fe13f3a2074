// Every process the test host starts (VS Code servers, browsers) is registered here, and all of
// them are stopped when this script ends: on normal exit, on failure and on Ctrl+C or SIGTERM.
// Servers run in their own process group so that their extension hosts and watchers go too.
const cleanups = new Set();
let installed = false;

/** Registers a cleanup; returns a function that runs it once and unregisters it. */
function onCleanup(fn) {
  installHandlers();
  let done = false;
  const once = async () => {
    if (done) { return; }
    done = true;
    cleanups.delete(once);
    await fn();
  };
  cleanups.add(once);
  return once;
}

async function cleanupAll() {
  // Last registered first: a browser goes before the server it talks to.
  for (const fn of [...cleanups].reverse()) {
    try { await fn(); } catch (err) { console.error(`[testhost] cleanup failed: ${err.message}`); }
  }
}

/** Kills a child's whole process group (it was spawned detached), then the child itself. */
function killGroup(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) { return; }
  try { process.kill(-child.pid, signal); } catch { try { child.kill(signal); } catch { /* gone */ } }
}

/** Asks a detached child to stop, and kills it when it has not within `graceMs`. */
function stopChild(child, graceMs = 5000) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) { return resolve(); }
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      // Grandchildren (extension hosts, pty hosts) may outlive their parent for a moment.
      killGroup(child, 'SIGKILL');
      resolve();
    });
    killGroup(child, 'SIGTERM');
  });
}

const children = new Set();
/** Tracks a detached child so that even an abrupt `process.exit` kills its group. */
function trackChild(child) {
  installHandlers();
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function installHandlers() {
  if (installed) { return; }
  installed = true;
  process.on('exit', () => {
    for (const child of children) { killGroup(child, 'SIGKILL'); }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      console.error(`\n[testhost] ${signal}: stopping everything`);
      cleanupAll().finally(() => process.exit(130));
    });
  }
}

module.exports = { onCleanup, cleanupAll, stopChild, trackChild };
