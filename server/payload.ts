/**
 * Bounds on untrusted JSON values (socket packets, move arguments) checked before any library
 * code touches them. boardgame.io logs a refused move as `args: ${args}`: the string conversion
 * recurses into nested arrays (5,000 levels overflowed the stack and killed the process) and calls
 * `toString`/`valueOf` of every object in them (an object whose own `toString` is not a function
 * throws). Every value that reaches it therefore passes `payloadProblem` first:
 *  - at most `depth` levels of arrays and objects, `nodes` values in all, `chars` characters of
 *    strings and keys in all;
 *  - object keys are plain identifiers and never a name that `Object.prototype` has
 *    (`__proto__`, `constructor`, `toString`, `valueOf`, ...).
 * The walk is iterative, so the check itself cannot overflow the stack.
 */

export interface PayloadLimits {
  /** Nesting levels of arrays and objects (the value itself is level 1 when it is one). */
  readonly depth: number;
  /** Values in all (each array, object, string, number, boolean and null counts one). */
  readonly nodes: number;
  /** Characters of every string and key added up. */
  readonly chars: number;
}

/** Far above any move of the game (a commit is 2 levels deep and about 20 values). */
export const MOVE_ARGS_LIMITS: PayloadLimits = { depth: 6, nodes: 400, chars: 2000 };

const KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether an object key is safe to hand to code that reads plain objects. */
export function safeKey(key: string): boolean {
  return KEY.test(key) && !PROTOTYPE_NAMES.has(key);
}

/** What is wrong with a JSON value under the limits, or null when it is within them. */
export function payloadProblem(value: unknown, limits: PayloadLimits): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (++nodes > limits.nodes) return `more than ${limits.nodes} values`;
    if (typeof v === 'string') {
      chars += v.length;
      if (chars > limits.chars) return `more than ${limits.chars} characters`;
      continue;
    }
    if (v === null || typeof v === 'number' || typeof v === 'boolean') continue;
    if (typeof v !== 'object') return `a ${typeof v} is not JSON data`;
    if (depth + 1 > limits.depth) return `nested deeper than ${limits.depth} levels`;
    if (Array.isArray(v)) {
      for (const item of v) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)
      return 'an object that is not plain data';
    for (const key of Object.keys(v)) {
      if (!safeKey(key)) return `the key ${JSON.stringify(key.slice(0, 20))} is not allowed`;
      chars += key.length;
      if (chars > limits.chars) return `more than ${limits.chars} characters`;
      stack.push({ value: (v as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}
