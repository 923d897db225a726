import { expect, it } from 'vitest';
import { BatchedRead } from '../../src/services/batched-read.ts';

// The reads of one moment share a query (batched-read.ts); each caller still gets its own answer.

it('answers the reads asked for in one turn with one query, and each caller its own value', async () => {
  const queries: string[][] = [];
  const reader = new BatchedRead<string, number>(async (keys) => {
    queries.push([...keys]);
    return new Map(keys.filter((key) => key !== 'missing').map((key) => [key, key.length]));
  });
  const answers = await Promise.all(['a', 'bb', 'a', 'missing', 'cccc'].map((key) => reader.read(key)));
  expect(answers).toEqual([1, 2, 1, undefined, 4]);
  // One query, each key asked once.
  expect(queries).toEqual([['a', 'bb', 'missing', 'cccc']]);

  // A later turn is a later query: nothing is kept between turns.
  expect(await reader.read('bb')).toBe(2);
  expect(queries).toHaveLength(2);
});

it('splits a large turn into queries of at most 500 keys', async () => {
  const sizes: number[] = [];
  const reader = new BatchedRead<number, number>(async (keys) => {
    sizes.push(keys.length);
    return new Map(keys.map((key) => [key, -key]));
  });
  const keys = Array.from({ length: 1_201 }, (_, i) => i);
  expect(await Promise.all(keys.map((key) => reader.read(key)))).toEqual(keys.map((key) => -key));
  expect(sizes).toEqual([500, 500, 201]);
});

it('fails every read of a failed query, and the next turn reads afresh', async () => {
  let fail = true;
  const reader = new BatchedRead<string, string>(async (keys) => {
    if (fail) throw new Error('connection lost');
    return new Map(keys.map((key) => [key, key.toUpperCase()]));
  });
  const failed = await Promise.allSettled([reader.read('x'), reader.read('y')]);
  expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  fail = false;
  expect(await reader.read('x')).toBe('X');
});

it('keeps one query in flight: what is asked meanwhile goes out together as the next', async () => {
  const queries: string[][] = [];
  let release: (() => void) | undefined;
  const reader = new BatchedRead<string, string>(async (keys) => {
    queries.push([...keys]);
    if (queries.length === 1) await new Promise<void>((resolve) => (release = resolve));
    return new Map(keys.map((key) => [key, key]));
  });
  const first = reader.read('a');
  await new Promise((resolve) => setImmediate(resolve));
  expect(queries).toEqual([['a']]);
  // Asked while the first query is out, over several turns.
  const later = [reader.read('b')];
  await new Promise((resolve) => setImmediate(resolve));
  later.push(reader.read('c'), reader.read('b'));
  await new Promise((resolve) => setImmediate(resolve));
  expect(queries).toHaveLength(1);
  release!();
  expect(await Promise.all([first, ...later])).toEqual(['a', 'b', 'c', 'b']);
  expect(queries).toEqual([['a'], ['b', 'c']]);
});
