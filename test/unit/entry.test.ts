// Reading where a visit came from must never break the launch.
import { entryFrom } from '../../src/services/entry';

it('decodes a QR scene, keeps the ref and the page', () => {
  expect(
    entryFrom({ query: { scene: encodeURIComponent('g=12&r=ab'), ref: 'u1' }, path: 'pages/x' }),
  ).toEqual({ scene: 'g=12&r=ab', ref: 'u1', path: 'pages/x' });
});

it('a scene or ref the server would refuse is dropped, so the launch still runs', () => {
  expect(entryFrom({ query: { scene: '%E4%B8' } })).toEqual({});
  expect(entryFrom({ query: { scene: '100%' } })).toEqual({});
  expect(entryFrom({ query: { scene: 'x'.repeat(33), ref: 'y'.repeat(33) } })).toEqual({});
  expect(entryFrom({ query: { ref: '<script>' } })).toEqual({});
  expect(entryFrom({ query: { scene: encodeURIComponent('中文') } })).toEqual({});
});

it('no options at all is an organic visit', () => {
  expect(entryFrom(undefined)).toEqual({});
});
