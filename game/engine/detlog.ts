/**
 * -ln(u) for u = (r + 0.5) / 2^32, r a 32-bit unsigned integer: the exponential noise's hot path.
 *
 * `Math.log` is not required to be correctly rounded, so engines may differ in the last bit. This
 * port of fdlibm's __ieee754_log uses only +, -, *, / (each exactly rounded by IEEE 754, and
 * JavaScript never fuses them), so the same seed gives the same doubles in every engine. The
 * argument reduction uses the integer r directly: x = r + 0.5 = 2^k (1 + f) with
 * sqrt(2)/2 <= 1 + f < sqrt(2). Error below 1 ulp, as fdlibm.
 */

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const SQRT2 = 1.4142135623730951;

/** INV_POW2[e + 1] = 2^-e for e = -1 .. 31. */
const INV_POW2 = new Float64Array(33);
for (let e = -1; e <= 31; e++) INV_POW2[e + 1] = 2 ** -e;

/** -ln((r + 0.5) / 2^32) for an unsigned 32-bit r. Always finite and > 0. */
export function negLogUniform(r: number): number {
  // x = r + 0.5 lies in [2^e, 2^(e+1)) with e = floor(log2 r) (e = -1 for r = 0).
  let k = 31 - Math.clz32(r);
  let m = (r + 0.5) * INV_POW2[k + 1]!;
  if (m > SQRT2) {
    m *= 0.5;
    k += 1;
  }
  k -= 32; // divide by 2^32
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const rr = t2 + t1;
  const hfsq = 0.5 * f * f;
  const log = k * LN2_HI - (hfsq - (s * (hfsq + rr) + k * LN2_LO) - f);
  return -log;
}
