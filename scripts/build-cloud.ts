// Builds what the cloud runs, with esbuild:
//   functions  cloudfunctions/<name>/index.ts -> dist/cloudfunctions/<name>/{index.js, package.json,
//              config.json}: exactly what WeChat DevTools or @cloudbase/cli uploads. domain/ and
//              cloudfunctions/lib are bundled in; wx-server-sdk stays external (installed in the
//              cloud from package.json). Also dist/cloudfunctions/collections.json: the
//              collections and indexes to create in CloudBase.
//   test       test/cloudfunctions/* -> dist/test-cloudfunctions (conformance probes, never deployed)
//   emulator   emulator/cli.ts -> dist/emulator/cli.js (the cloud alone), emulator/shop.ts ->
//              dist/emulator/shop.js (cloud + the H5 shop's web server)
//
// Usage: tsx scripts/build-cloud.ts [functions] [test] [emulator]   (no argument: all three)
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '..');
const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const SDK_VERSION: string = rootPackage.dependencies['wx-server-sdk'];

/** Folders under a functions source directory that are shared code, not functions. */
const NOT_FUNCTIONS = new Set(['lib']);

export async function buildFunctions(
  srcDir: string,
  outDir: string,
  collectionsFile: string | null,
): Promise<string[]> {
  const names = fs
    .readdirSync(srcDir, { withFileTypes: true })
    .filter(
      (e) =>
        e.isDirectory() &&
        !NOT_FUNCTIONS.has(e.name) &&
        fs.existsSync(path.join(srcDir, e.name, 'index.ts')),
    )
    .map((e) => e.name);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  await Promise.all(
    names.map(async (name) => {
      const out = path.join(outDir, name);
      await build({
        entryPoints: [path.join(srcDir, name, 'index.ts')],
        outfile: path.join(out, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node16', // CloudBase's Node.js 16 runtime or newer
        format: 'cjs',
        external: ['wx-server-sdk'],
        logLevel: 'warning',
      });
      const pkg = {
        name,
        version: '1.0.0',
        private: true,
        main: 'index.js',
        dependencies: { 'wx-server-sdk': SDK_VERSION },
      };
      fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
      const config = path.join(srcDir, name, 'config.json');
      if (fs.existsSync(config)) fs.copyFileSync(config, path.join(out, 'config.json'));
    }),
  );
  if (collectionsFile) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { COLLECTIONS } = require(collectionsFile);
    fs.writeFileSync(
      path.join(outDir, 'collections.json'),
      JSON.stringify(COLLECTIONS, null, 2) + '\n',
    );
  }
  return names;
}

export async function buildEmulator(): Promise<void> {
  await build({
    entryPoints: {
      cli: path.join(root, 'emulator/cli.ts'),
      shop: path.join(root, 'emulator/shop.ts'),
    },
    outdir: path.join(root, 'dist/emulator'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
}

const APP_FUNCTIONS = [
  'cloudfunctions',
  'dist/cloudfunctions',
  'cloudfunctions/lib/infra/collections.ts',
] as const;
const TEST_FUNCTIONS = [
  'test/cloudfunctions',
  'dist/test-cloudfunctions',
  'test/cloudfunctions/collections.ts',
] as const;

/** The shop's functions -> dist/cloudfunctions. */
export function buildAppFunctions(): Promise<string[]> {
  const [src, out, collections] = APP_FUNCTIONS.map((p) => path.join(root, p));
  return buildFunctions(src, out, collections);
}

/** The conformance probes -> dist/test-cloudfunctions. */
export function buildTestFunctions(): Promise<string[]> {
  const [src, out, collections] = TEST_FUNCTIONS.map((p) => path.join(root, p));
  return buildFunctions(src, out, collections);
}

/** Everything the tests and benchmarks run on the cloud side. */
export async function buildCloud(): Promise<void> {
  await buildAppFunctions();
  await buildTestFunctions();
  await buildEmulator();
}

async function main(): Promise<void> {
  const wanted = new Set(process.argv.slice(2));
  const all = wanted.size === 0;
  const started = Date.now();
  if (all || wanted.has('functions')) {
    console.log(
      `functions: ${(await buildAppFunctions()).join(', ') || 'none'} -> dist/cloudfunctions`,
    );
  }
  if (all || wanted.has('test')) {
    console.log(
      `test functions: ${(await buildTestFunctions()).join(', ')} -> dist/test-cloudfunctions`,
    );
  }
  if (all || wanted.has('emulator')) {
    await buildEmulator();
    console.log('emulator -> dist/emulator/{cli,shop}.js');
  }
  console.log(`built in ${Date.now() - started} ms`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
