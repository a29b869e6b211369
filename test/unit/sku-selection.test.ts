import { chosenSku, initialSelection, valueState } from '../../domain/sku-selection';

const skus = [
  { id: 'a', specValues: ['原味', '100g'], stock: 5 },
  { id: 'b', specValues: ['原味', '250g'], stock: 2 },
  { id: 'c', specValues: ['香辣', '100g'], stock: 3 },
  { id: 'd', specValues: ['香辣', '250g'], stock: 0 },
];

it('names the SKU of a full choice only', () => {
  expect(chosenSku(skus, ['香辣', '100g'])?.id).toBe('c');
  expect(chosenSku(skus, ['香辣', null])).toBeNull();
  expect(chosenSku(skus, ['五香', '100g'])).toBeNull();
});

it('marks values sold out or impossible given the other choices', () => {
  expect(valueState(skus, ['香辣', null], 1, '250g')).toBe('soldOut');
  expect(valueState(skus, ['原味', null], 1, '250g')).toBe('available');
  expect(valueState(skus, [null, '250g'], 0, '香辣')).toBe('soldOut');
  expect(valueState(skus, [null, null], 0, '五香')).toBe('none');
});

it('starts from the first SKU in stock; a sold-out single SKU is shown chosen (for 到货提醒)', () => {
  expect(initialSelection(skus, 2)).toEqual(['原味', '100g']);
  expect(initialSelection([{ id: 'x', specValues: ['a'], stock: 0 }], 1)).toEqual(['a']);
  const soldOut = [
    { id: 'x', specValues: ['a'], stock: 0 },
    { id: 'y', specValues: ['b'], stock: 0 },
  ];
  expect(initialSelection(soldOut, 1)).toEqual([null]);
});
