// What WeChat DevTools and WeChat's review read from the mini-program build, checked on the real
// dist/weapp output (jest's global setup builds it when its sources changed).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist/weapp');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** The value a dotenv file gives `key` (the last assignment wins, as in dotenv). */
function dotenvValue(file: string, key: string): string | undefined {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const found = lines.filter((l) => l.startsWith(`${key}=`)).pop();
  return found?.slice(key.length + 1).trim();
}

it('the project config Taro writes into dist/weapp points at the same roots as the repo one', () => {
  const top = readJson(path.join(root, 'project.config.json'));
  const copy = readJson(path.join(dist, 'project.config.json'));
  expect(path.resolve(root, top.miniprogramRoot)).toBe(path.resolve(dist, copy.miniprogramRoot));
  expect(path.resolve(root, top.cloudfunctionRoot)).toBe(
    path.resolve(dist, copy.cloudfunctionRoot),
  );
  expect(copy.appid).toBe(process.env.TARO_APP_ID || top.appid);
});

it('a sitemap is generated and decides every page of the app', () => {
  const app = readJson(path.join(dist, 'app.json'));
  expect(app.sitemapLocation).toBe('sitemap.json');
  const sitemap = readJson(path.join(dist, app.sitemapLocation));
  const pages: string[] = [
    ...app.pages,
    ...app.subPackages.flatMap((p: { root: string; pages: string[] }) =>
      p.pages.map((page) => `${p.root}/${page}`),
    ),
  ];
  const ruled = (page: string) =>
    sitemap.rules.find((r: { page: string }) => r.page === page || r.page === '*');
  for (const page of pages) expect(ruled(page)).toBeDefined();
  // Product pages may be found in WeChat search; a shopper's orders may not.
  expect(ruled('packages/product/detail/index').action).toBe('allow');
  expect(ruled('packages/orders/list/index').action).toBe('disallow');
});

it('the app connects to the one cloud environment the build names', () => {
  const env =
    process.env.TARO_APP_CLOUD_ENV ?? dotenvValue(path.join(root, '.env'), 'TARO_APP_CLOUD_ENV');
  expect(env).toBeTruthy();
  const code = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(dist, f), 'utf8'))
    .join('\n');
  // wx.cloud.init is called with an env, and that env is the configured one.
  const init = /wx\.cloud\.init\(\{env:(\w+|"[^"]*")/.exec(code);
  expect(init).not.toBeNull();
  const value = init![1].startsWith('"')
    ? init![1].slice(1, -1)
    : new RegExp(`\\b${init![1]}="([^"]*)"`).exec(code)?.[1];
  expect(value).toBe(env);
});

it('the mini-program build has no local asset path for pictures', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(js|json|wxml)$/.test(entry.name)) files.push(full);
    }
  };
  walk(dist);
  expect(files.length).toBeGreaterThan(10);
  for (const file of files)
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/\/assets\/products\//);
});
