// Jest transformer: TypeScript to CommonJS with esbuild (already used for the builds).
// Type checking is `npm run typecheck`'s job, not the test runner's.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const result = transformSync(source, {
      loader: filename.endsWith('x') ? 'tsx' : 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
      jsx: 'automatic',
    });
    return { code: result.code };
  },
};
