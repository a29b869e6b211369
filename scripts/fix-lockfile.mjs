// Adds lockfile entries for optional platform packages the registry here does not serve.
//
// Native packages (@tarojs/binding, @swc/core, ...) list one optional dependency per platform.
// This machine's npm registry only serves some of them, so `npm install` leaves the others out of
// package-lock.json, and `npm ci` then refuses the lockfile as out of sync. An entry that names
// the platform (os/cpu) satisfies `npm ci`, which skips packages for other platforms without
// downloading them. Run after changing dependencies: `npm install && node scripts/fix-lockfile.mjs`.
import fs from 'node:fs';

const OS = new Set([
  'darwin',
  'linux',
  'win32',
  'android',
  'freebsd',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
]);
const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [location, pkg] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${location}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    const parts = name.split('/').pop().split('-');
    const osIndex = parts.findIndex((p) => OS.has(p));
    if (osIndex === -1) continue; // not a platform package: leave it to npm
    const entry = { version, optional: true, os: [parts[osIndex]] };
    if (parts[osIndex + 1]) entry.cpu = [parts[osIndex + 1]];
    if (pkg.dev) entry.dev = true;
    packages[hoisted] = entry;
    added++;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`fix-lockfile: added ${added} platform entries`);
