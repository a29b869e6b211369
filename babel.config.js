// Babel for the Taro build (the cloud side and tests use esbuild).
//
// The browser build targets current browsers (the local shop and, later, the staff admin on a
// desktop): no ES5 down-levelling of classes, async functions and spreads, which made its code
// much larger. The mini-program keeps Taro's defaults (iOS 9, Android 5): WeChat's older clients.
const h5Targets = { chrome: '87', safari: '14', ios: '14', edge: '88', firefox: '85' };

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        ...(process.env.TARO_ENV === 'h5' ? { targets: h5Targets } : {}),
      },
    ],
  ],
};
