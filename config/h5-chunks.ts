// The browser build's chunks. Taro splits only the initial chunks (`chunks: 'initial'`), and its
// pages are loaded on demand, so every page chunk carried its own copy of what pages share (Taro's
// components, React glue, the shop's components and services): ~250 KB per page. Splitting all
// chunks lets pages share those modules in chunks loaded once; shared pieces under 10 KB stay in
// the pages that use them (many tiny chunks cost more in requests and wrappers than they save).
import type Chain from 'webpack-chain';

export function shareH5Chunks(chain: Chain): void {
  const taro = (chain.optimization.get('splitChunks') ?? {}) as Record<string, unknown>;
  chain.optimization.splitChunks({ ...taro, chunks: 'all', minSize: 10_000 });
}
