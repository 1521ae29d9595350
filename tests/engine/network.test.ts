import { describe, expect, it } from 'vitest';
import { type CustomNetwork, parseNetworkJson } from '../../game/engine/network';

const CYCLIC = {
  name: 'three workshops',
  workshops: [
    { id: 'steel', suppliers: ['machines', 'coal'] },
    { id: 'machines', name: 'Machine shop', suppliers: [{ id: 'steel', buffer: 2.5 }] },
    { id: 'coal', suppliers: [{ id: 'machines' }] },
  ],
};

function parsed(data: unknown): CustomNetwork {
  const result = parseNetworkJson(JSON.stringify(data));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function errorOf(text: string): string {
  const result = parseNetworkJson(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

const errorFor = (data: unknown): string => errorOf(JSON.stringify(data));

describe('parseNetworkJson on a valid cyclic network', () => {
  it('builds the CSR layout: offsets and suppliers by index', () => {
    const { network } = parsed(CYCLIC);
    expect(network.kind).toBe('custom');
    expect(network.annealed).toBe(false);
    expect(network.n).toBe(3);
    expect(network.offsets).toEqual(Int32Array.from([0, 2, 3, 4]));
    expect(network.suppliers).toEqual(Int32Array.from([1, 2, 0, 1]));
  });

  it('keeps the ids in file order and sets k to the largest in-degree', () => {
    const { network } = parsed(CYCLIC);
    expect(network.ids).toEqual(['steel', 'machines', 'coal']);
    expect(network.k).toBe(2);
  });

  it('puts per-slot buffers where set and NaN elsewhere', () => {
    const { slotBuffers } = parsed(CYCLIC);
    expect(slotBuffers).toEqual(Float64Array.from([NaN, NaN, 2.5, NaN]));
  });

  it('gives null slot buffers when no supplier sets one', () => {
    const plain = {
      workshops: [
        { id: 'a', suppliers: ['b'] },
        { id: 'b', suppliers: ['a'] },
      ],
    };
    expect(parsed(plain).slotBuffers).toBeNull();
  });

  it('accepts a buffer of 0', () => {
    const zero = {
      workshops: [
        { id: 'a', suppliers: [{ id: 'b', buffer: 0 }] },
        { id: 'b', suppliers: ['a'] },
      ],
    };
    expect(parsed(zero).slotBuffers).toEqual(Float64Array.from([0, NaN]));
  });
});

describe('parseNetworkJson errors name the offending entry', () => {
  it('reports invalid JSON', () => {
    expect(errorOf('{"workshops": [')).toMatch(/not valid JSON/);
  });

  it('reports a top level that is not an object', () => {
    for (const text of ['[]', '42', 'null', '"workshops"']) expect(errorOf(text)).toMatch(/JSON object.*"workshops"/);
  });

  it('reports a missing or non-array workshops field', () => {
    expect(errorFor({})).toMatch(/"workshops" must be an array/);
    expect(errorFor({ workshops: { a: 1 } })).toMatch(/"workshops" must be an array/);
  });

  it('reports fewer than 2 workshops', () => {
    expect(errorFor({ workshops: [] })).toMatch(/at least 2 workshops/);
    expect(errorFor({ workshops: [{ id: 'a', suppliers: ['a'] }] })).toMatch(/at least 2 workshops/);
  });

  it('reports an entry that is not an object by its index', () => {
    expect(errorFor({ workshops: [{ id: 'a', suppliers: ['b'] }, 'b'] })).toMatch(/workshops\[1\]/);
    expect(errorFor({ workshops: [[], { id: 'a', suppliers: ['b'] }] })).toMatch(/workshops\[0\]/);
  });

  it('reports a bad id by the entry index', () => {
    for (const id of ['', 'has space', 5, 'x'.repeat(65), null]) {
      expect(
        errorFor({
          workshops: [
            { id: 'a', suppliers: ['b'] },
            { id, suppliers: ['a'] },
          ],
        }),
      ).toMatch(/workshops\[1\]\.id/);
    }
    expect(errorFor({ workshops: [{ suppliers: ['b'] }, { id: 'b', suppliers: ['a'] }] })).toMatch(
      /workshops\[0\]\.id/,
    );
  });

  it('reports a duplicate id naming it and both indexes', () => {
    const error = errorFor({
      workshops: [
        { id: 'a', suppliers: ['b'] },
        { id: 'b', suppliers: ['a'] },
        { id: 'a', suppliers: ['b'] },
      ],
    });
    expect(error).toContain('"a"');
    expect(error).toContain('workshops[0]');
    expect(error).toContain('workshops[2]');
  });

  it('reports a workshop with no suppliers by its id', () => {
    expect(
      errorFor({
        workshops: [
          { id: 'a', suppliers: ['lonely'] },
          { id: 'lonely', suppliers: [] },
        ],
      }),
    ).toMatch(/"lonely".*at least one supplier/);
    expect(errorFor({ workshops: [{ id: 'a', suppliers: ['bare'] }, { id: 'bare' }] })).toMatch(
      /"bare".*at least one supplier/,
    );
  });

  it('reports a supplier that is neither an id nor an object with an id', () => {
    expect(
      errorFor({
        workshops: [
          { id: 'a', suppliers: [7] },
          { id: 'b', suppliers: ['a'] },
        ],
      }),
    ).toMatch(/"a".*neither an id/);
  });

  it('reports an unknown supplier id, naming the workshop and the supplier', () => {
    const error = errorFor({
      workshops: [
        { id: 'a', suppliers: ['b'] },
        { id: 'b', suppliers: ['ghost'] },
      ],
    });
    expect(error).toContain('"b"');
    expect(error).toContain('"ghost"');
  });

  it('reports a self-loop, naming the workshop', () => {
    expect(
      errorFor({
        workshops: [
          { id: 'a', suppliers: ['b'] },
          { id: 'b', suppliers: ['a', 'b'] },
        ],
      }),
    ).toMatch(/"b".*itself/);
  });

  it('reports a duplicate supplier, naming the workshop and the supplier', () => {
    const error = errorFor({
      workshops: [
        { id: 'a', suppliers: ['b', 'c'] },
        { id: 'b', suppliers: ['c'] },
        { id: 'c', suppliers: ['a', { id: 'b' }, 'b'] },
      ],
    });
    expect(error).toMatch(/workshop "c".*supplier "b" twice/);
  });

  it('reports a bad buffer (negative, string, huge, infinite, null), naming the workshop and the supplier', () => {
    for (const buffer of [-1, '2', 1e7, null]) {
      const error = errorFor({
        workshops: [
          { id: 'a', suppliers: ['b'] },
          { id: 'b', suppliers: [{ id: 'a', buffer }] },
        ],
      });
      expect(error).toMatch(/workshop "b", supplier "a": buffer/);
    }
    const infinite = errorOf(
      '{"workshops": [{"id": "a", "suppliers": ["b"]}, {"id": "b", "suppliers": [{"id": "a", "buffer": 1e999}]}]}',
    );
    expect(infinite).toMatch(/workshop "b", supplier "a": buffer/);
  });

  it('reports unknown fields at every level, naming the field', () => {
    expect(
      errorFor({
        workshops: [
          { id: 'a', suppliers: ['b'] },
          { id: 'b', suppliers: ['a'] },
        ],
        version: 2,
      }),
    ).toMatch(/unknown field "version"/);
    expect(
      errorFor({
        workshops: [
          { id: 'a', suppliers: ['b'], colour: 'red' },
          { id: 'b', suppliers: ['a'] },
        ],
      }),
    ).toMatch(/workshop "a".*unknown field "colour"/);
    expect(
      errorFor({
        workshops: [
          { id: 'a', suppliers: ['b'] },
          { id: 'b', suppliers: [{ id: 'a', bin: 2 }] },
        ],
      }),
    ).toMatch(/workshop "b", supplier "a": unknown field "bin"/);
  });
});
