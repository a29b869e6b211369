// Taro build configuration: one codebase, two targets.
//   weapp -> dist/weapp (the mini-program; open it in WeChat DevTools)
//   h5    -> dist/h5    (the same app in a browser, talking to the local cloud)
import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import { shareH5Chunks } from './h5-chunks';
import { WeappFilesPlugin } from './weapp-files';

// domain/ sits outside src/ and is shared with the cloud functions; compile it too.
const shared = [path.resolve(__dirname, '..', 'domain')];

export default defineConfig<'webpack5'>(() => ({
  projectName: 'private-domain-shop',
  date: '2026-11-23',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  plugins: [],
  defineConstants: {},
  alias: { '@domain': path.resolve(__dirname, '..', 'domain') },
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  mini: {
    // Modules used only by subpackages leave the main package.
    optimizeMainPackage: { enable: true },
    compile: { include: shared },
    postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
    webpackChain(chain) {
      chain.resolve
        .plugin('tsconfig-paths')
        .use(TsconfigPathsPlugin, [{ configFile: 'tsconfig.app.json' }]);
      chain.plugin('weapp-files').use(WeappFilesPlugin);
    },
  },
  h5: {
    // Taro's H5 defaults quote every object key (quote_keys): larger code for no use here.
    terser: { enable: true, config: { output: { quote_keys: false }, compress: { passes: 2 } } },
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    compile: { include: shared },
    postcss: { autoprefixer: { enable: true }, cssModules: { enable: false } },
    webpackChain(chain) {
      chain.resolve
        .plugin('tsconfig-paths')
        .use(TsconfigPathsPlugin, [{ configFile: 'tsconfig.app.json' }]);
      shareH5Chunks(chain);
    },
  },
}));
