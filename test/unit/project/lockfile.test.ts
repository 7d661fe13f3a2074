// What ships is pinned: every package in package-lock.json carries a sha512 integrity hash and
// comes from the npm registry (no git, file or plain-http sources), so `npm ci` installs exactly
// what was reviewed. This is the part of a dependency audit that runs offline (SECURITY.md).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../support/paths';

interface LockedPackage {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dev?: boolean;
}

const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, LockedPackage> };
const installed = Object.entries(lock.packages).filter(([where, p]) => where !== '' && !p.link);

describe('project: the lockfile pins every package', () => {
  it('is a lockfile npm ci reads whole (version 3)', () => {
    assert.equal(lock.lockfileVersion, 3);
    assert.ok(installed.length > 100, `${installed.length} packages`);
  });

  it('gives each package a sha512 integrity hash', () => {
    const weak = installed.filter(([, p]) => !/^sha512-[A-Za-z0-9+/]+=*$/.test(p.integrity ?? '')).map(([where]) => where);
    assert.deepEqual(weak, []);
  });

  it('takes every package from the npm registry over https', () => {
    const elsewhere = installed.filter(([, p]) => p.resolved !== undefined && !p.resolved.startsWith('https://registry.npmjs.org/')).map(([where, p]) => `${where}: ${p.resolved}`);
    assert.deepEqual(elsewhere, []);
    const specs = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const unpinnable = Object.entries({ ...specs.dependencies, ...specs.devDependencies }).filter(([, spec]) => /^(git|file|link|https?):|\//.test(spec));
    assert.deepEqual(unpinnable, [], 'package.json names no git, file or URL dependency');
  });
});
