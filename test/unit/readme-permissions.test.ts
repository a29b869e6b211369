// The README's permission table is the contract's: a role added to or taken from an action
// without updating the table fails here.
import fs from 'node:fs';
import path from 'node:path';
import { API } from '../../domain/api/contract';

it('the README permission table lists every admin action with exactly its roles', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf('| admin action');
  const table = readme.slice(start, readme.indexOf('\n\n', start)).split('\n').slice(2);
  const documented = Object.fromEntries(
    table.map((line) => {
      const [name, ...cells] = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      const roles = ['owner', 'operator', 'warehouse'].filter((_r, i) => cells[i] === '✓');
      return [name.replace(/`/g, ''), roles];
    }),
  );
  const contract = Object.fromEntries(
    Object.entries(API.admin).map(([name, spec]) => [
      name,
      [...((spec as { staff?: readonly string[] }).staff ?? [])].sort(
        (a, b) =>
          ['owner', 'operator', 'warehouse'].indexOf(a) -
          ['owner', 'operator', 'warehouse'].indexOf(b),
      ),
    ]),
  );
  expect(documented).toEqual(contract);
});
