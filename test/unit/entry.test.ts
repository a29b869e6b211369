// Reading where a visit came from must never break the launch.
import { entryFrom } from '../../src/services/entry';

it('decodes a QR scene, keeps the ref and the page', () => {
  expect(
    entryFrom({ query: { scene: encodeURIComponent('g=12&r=ab'), ref: 'u1' }, path: 'pages/x' }),
  ).toEqual({ scene: 'g=12&r=ab', ref: 'u1', path: 'pages/x' });
});

it('a scene that is not valid percent-encoding is taken as it came', () => {
  expect(entryFrom({ query: { scene: '%E4%B8' } })).toMatchObject({ scene: '%E4%B8' });
  expect(entryFrom({ query: { scene: '100%' } })).toMatchObject({ scene: '100%' });
});

it('no options at all is an organic visit', () => {
  expect(entryFrom(undefined)).toEqual({ ref: undefined, scene: undefined, path: undefined });
});
