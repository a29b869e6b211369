// Babel for the Taro build (the cloud side and tests use esbuild).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
