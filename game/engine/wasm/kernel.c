/*
 * The WebAssembly kernel of the engine's runner: the same numbers as the JavaScript reference
 * (game/engine/runner.ts JsRunner = Simulation with record: false) bit for bit, only faster.
 *
 * Build with game/engine/wasm/build.sh (clang --target=wasm32, no libc, no fast-math, no
 * floating-point contraction): every double operation below is an IEEE 754 +, -, * or / written
 * in the same order as the JavaScript, so the results are identical.
 *
 * What is replicated, and from where:
 *   - xoshiro128** (game/engine/rng.ts), 32-bit unsigned arithmetic.
 *   - integers in [0, m): JavaScript computes Math.floor(r * m * 2^-32) in doubles. For
 *     r < 2^32 and m < 2^21 the product r * m < 2^53 is exact and the scaling by 2^-32 is exact,
 *     so the result is exactly (r * m) >> 32 in 64-bit integers (the runner refuses larger m).
 *   - the annealed draws of game/engine/topology.ts: drawAny (spot-any), drawDistinctOthers
 *     (spot; rejection of self and duplicates) and drawOutRegular (K Fisher-Yates shuffles).
 *     The draws of spot-any and spot go firm by firm in slot order, so they are fused into the
 *     update loop: the same stream, the same order, the same suppliers.
 *   - noise (game/engine/noise.ts): exp = mean * negLogUniform(r) (fdlibm port of
 *     game/engine/detlog.ts), faces with exploding faces; drawn firm by firm into a buffer
 *     before the update, as Simulation.draw() does (the noise has its own stream, so drawing it
 *     before or between the supplier draws changes nothing).
 *   - the update rule applyUpdateRuleFast (game/engine/updateRule.ts) and the mean delay (sum of
 *     tau in index order, starting from 0, divided by n).
 *
 * Speed without changing a bit:
 *   - the exp noise is computed two at a time in f64x2 lanes: each lane does exactly the scalar
 *     operations (IEEE 754 lane-wise), so the doubles are the same;
 *   - `a > b ? a : b` and `a > floor ? a : 0` are written with wasm SIMD pmax / compare-and-mask
 *     on lane 0, which have exactly those semantics (NaN and -0 included) but compile to
 *     branch-free code (engines turn a scalar f64 select into an unpredictable branch).
 *
 * Memory: the JavaScript side lays out all arrays above __heap_base and passes their addresses
 * to setup(); this file declares no large data.
 */

#include <wasm_simd128.h>

typedef unsigned int u32;
typedef int i32;
typedef unsigned long long u64;

#define EXPORT(name) __attribute__((export_name(#name)))
#define INLINE static inline __attribute__((always_inline))

/* Topology modes. */
#define TOPO_STATIC 0  /* CSR offsets/suppliers fixed for the run (ring, local-ring, fixed, custom) */
#define TOPO_SPOT 1    /* K distinct suppliers other than the firm, redrawn every step */
#define TOPO_ANY 2     /* K uniform suppliers, self and repeats allowed, redrawn every step */
#define TOPO_OUTREG 3  /* K random permutations cut into rows of K, redrawn every step */

#define NOISE_EXP 0
#define NOISE_FACES 1

static i32 g_n;
static i32 g_k;
static i32 g_topo;
static i32 g_noise;
static i32 g_face_count;
static i32 g_slot_buffers;
static double g_floor;   /* 0 with the positive part, -Infinity without */
static double g_uniform; /* the uniform buffer (used when g_slot_buffers == 0) */
static double g_mean;    /* mean of the exp noise */

static const i32 *g_offsets;     /* n + 1 (TOPO_STATIC) */
static i32 *g_suppliers;         /* slots (TOPO_STATIC: fixed; TOPO_SPOT, TOPO_OUTREG: scratch) */
static const double *g_slot_buf; /* slots, when g_slot_buffers */
static const double *g_faces;    /* face values */
static const unsigned char *g_explodes;
static double *g_prev;
static double *g_tau;
static double *g_noise_buf;      /* n: this step's noise */

static u32 g_sup[4];   /* xoshiro128** state of the suppliers stream */
static u32 g_noi[4];   /* xoshiro128** state of the noise stream */

/* ---------------------------------------------------------------- branch-free selects */

/* best < x ? x : best, i.e. JavaScript's `x > best ? x : best` (wasm pmax is defined so). */
INLINE double keep_greater(double best, double x) {
  return wasm_f64x2_extract_lane(wasm_f64x2_pmax(wasm_f64x2_splat(best), wasm_f64x2_splat(x)), 0);
}

/* `x > floor ? x : 0`: the mask of the comparison keeps x or gives the bits of +0. */
INLINE double above_or_zero(double floor, double x) {
  const v128_t xv = wasm_f64x2_splat(x);
  return wasm_f64x2_extract_lane(wasm_v128_and(xv, wasm_f64x2_lt(wasm_f64x2_splat(floor), xv)), 0);
}

/* ---------------------------------------------------------------- xoshiro128** */

typedef struct {
  u32 s0, s1, s2, s3;
} Xo;

INLINE u32 xo_next(Xo *x) {
  u32 m = x->s1 * 5u;
  u32 r = ((m << 7) | (m >> 25)) * 9u;
  u32 t = x->s1 << 9;
  x->s2 ^= x->s0;
  x->s3 ^= x->s1;
  x->s1 ^= x->s2;
  x->s0 ^= x->s3;
  x->s2 ^= t;
  x->s3 = (x->s3 << 11) | (x->s3 >> 21);
  return r;
}

INLINE Xo xo_load(const u32 *s) {
  Xo x = {s[0], s[1], s[2], s[3]};
  return x;
}

INLINE void xo_store(u32 *s, Xo x) {
  s[0] = x.s0;
  s[1] = x.s1;
  s[2] = x.s2;
  s[3] = x.s3;
}

/* floor(r * m * 2^-32) for m < 2^21: exact, see the header. */
INLINE u32 scale_to(u32 r, u32 m) { return (u32)(((u64)r * (u64)m) >> 32); }

/* ---------------------------------------------------------------- -ln(u), fdlibm port */

static const double LN2_HI = 6.93147180369123816490e-1;
static const double LN2_LO = 1.90821492927058770002e-10;
static const double LG1 = 6.666666666666735130e-1;
static const double LG2 = 3.999999999940941908e-1;
static const double LG3 = 2.857142874366239149e-1;
static const double LG4 = 2.222219843214978396e-1;
static const double LG5 = 1.818357216161805012e-1;
static const double LG6 = 1.531383769920937332e-1;
static const double LG7 = 1.479819860511658591e-1;
static const double SQRT2 = 1.4142135623730951;

/* 2^-e for -1 <= e <= 31 (exact: built from the exponent bits). */
INLINE double inv_pow2(i32 e) {
  union {
    u64 u;
    double d;
  } v;
  v.u = (u64)(1023 - e) << 52;
  return v.d;
}

/* -ln((r + 0.5) / 2^32), operation for operation as negLogUniform in detlog.ts. */
INLINE double neg_log_uniform(u32 r) {
  i32 k = 31 - (r == 0 ? 32 : (i32)__builtin_clz(r));
  double m = ((double)r + 0.5) * inv_pow2(k);
  if (m > SQRT2) {
    m *= 0.5;
    k += 1;
  }
  k -= 32;
  const double dk = (double)k;
  const double f = m - 1.0;
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double w = z * z;
  const double t1 = w * (LG2 + w * (LG4 + w * LG6));
  const double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const double rr = t2 + t1;
  const double hfsq = 0.5 * f * f;
  const double log = dk * LN2_HI - (hfsq - (s * (hfsq + rr) + dk * LN2_LO) - f);
  return -log;
}

/*
 * Two of the above at once, in the lanes of an f64x2: lane by lane the same operations on the
 * same doubles. The reduction x = r + 0.5 = 2^e (1 + g) reads e and 1 + g from the bits of x
 * (x is exact, and normal): e = floor(log2 x) = 31 - clz32(r), and 1 + g = x * 2^-e exactly,
 * as the scalar code's multiplication by a power of two. Halving m in (sqrt 2, 2) is subtracting
 * 1 from its exponent, again exact.
 */
INLINE v128_t neg_log_uniform2(u32 r0, u32 r1) {
  const v128_t x = wasm_f64x2_add(wasm_f64x2_convert_low_u32x4(wasm_u32x4_make(r0, r1, 0, 0)), wasm_f64x2_splat(0.5));
  const v128_t e = wasm_i64x2_sub(wasm_u64x2_shr(x, 52), wasm_i64x2_splat(1023));
  v128_t m = wasm_v128_or(wasm_v128_and(x, wasm_i64x2_splat(0x000FFFFFFFFFFFFFll)), wasm_i64x2_splat(0x3FF0000000000000ll));
  const v128_t c = wasm_f64x2_gt(m, wasm_f64x2_splat(SQRT2)); /* all ones where m > sqrt(2) */
  m = wasm_i64x2_sub(m, wasm_v128_and(c, wasm_i64x2_splat(1ll << 52)));
  const v128_t k = wasm_i64x2_sub(wasm_i64x2_sub(e, c), wasm_i64x2_splat(32)); /* k += 1; k -= 32 */
  const v128_t dk = wasm_f64x2_convert_low_i32x4(wasm_i32x4_shuffle(k, k, 0, 2, 0, 2));
#define ADD wasm_f64x2_add
#define SUB wasm_f64x2_sub
#define MUL wasm_f64x2_mul
#define C(c) wasm_f64x2_splat(c)
  const v128_t f = SUB(m, C(1.0));
  const v128_t s = wasm_f64x2_div(f, ADD(C(2.0), f));
  const v128_t z = MUL(s, s);
  const v128_t w = MUL(z, z);
  const v128_t t1 = MUL(w, ADD(C(LG2), MUL(w, ADD(C(LG4), MUL(w, C(LG6))))));
  const v128_t t2 = MUL(z, ADD(C(LG1), MUL(w, ADD(C(LG3), MUL(w, ADD(C(LG5), MUL(w, C(LG7))))))));
  const v128_t rr = ADD(t2, t1);
  const v128_t hfsq = MUL(MUL(C(0.5), f), f);
  const v128_t log = SUB(MUL(dk, C(LN2_HI)), SUB(SUB(hfsq, ADD(MUL(s, ADD(hfsq, rr)), MUL(dk, C(LN2_LO)))), f));
#undef ADD
#undef SUB
#undef MUL
#undef C
  return wasm_f64x2_neg(log);
}

/* ---------------------------------------------------------------- the noise of one step */

/* out[i] = mean * negLogUniform(r_i), the draws in order (compileNoise's exp filler). */
static void fill_exp(double *out, i32 n, double mean, Xo *nx) {
  const v128_t mv = wasm_f64x2_splat(mean);
  i32 i = 0;
  for (; i + 1 < n; i += 2) {
    const u32 r0 = xo_next(nx);
    const u32 r1 = xo_next(nx);
    wasm_v128_store(out + i, wasm_f64x2_mul(mv, neg_log_uniform2(r0, r1)));
  }
  if (i < n) out[i] = mean * neg_log_uniform(xo_next(nx));
}

/* The faces filler: roll, add the face, roll again while the face explodes. */
static void fill_faces(double *out, i32 n, Xo *nx) {
  const u32 count = (u32)g_face_count;
  const double *faces = g_faces;
  const unsigned char *explodes = g_explodes;
  for (i32 i = 0; i < n; i++) {
    double total = 0.0;
    for (;;) {
      const u32 face = scale_to(xo_next(nx), count);
      total += faces[face];
      if (explodes[face] == 0) break;
    }
    out[i] = total;
  }
}

/* ---------------------------------------------------------------- drawOutRegular */

static void draw_out_regular(i32 *out, i32 n, i32 k, Xo *sx) {
  for (i32 p = 0; p < k; p++) {
    i32 *row = out + (long)p * n;
    for (i32 i = 0; i < n; i++) row[i] = i;
    for (i32 i = n - 1; i > 0; i--) {
      const u32 j = scale_to(xo_next(sx), (u32)(i + 1));
      const i32 tmp = row[i];
      row[i] = row[j];
      row[j] = tmp;
    }
  }
}

/* ---------------------------------------------------------------- one step */

/*
 * One step: draw (annealed suppliers, noise) and apply the update rule. `topo`, `noise` and
 * `slots` are compile-time constants at every call site below, so each combination gets its own
 * specialised loop. Returns the breaches; writes the mean delay to *mean.
 */
INLINE i32 step(const i32 topo, const i32 noise, const i32 slots, double *mean) {
  const i32 n = g_n;
  const i32 k = g_k;
  const double *prev = g_tau; /* tau(t-1) */
  double *next = g_prev;       /* becomes tau(t) */
  const double *sb = g_slot_buf;
  const double *eps = g_noise_buf;
  const double floor = g_floor;
  const double uniform = g_uniform;
  Xo sx = xo_load(g_sup);
  Xo nx = xo_load(g_noi);
  if (topo == TOPO_OUTREG) draw_out_regular(g_suppliers, n, k, &sx);
  if (noise == NOISE_EXP) fill_exp(g_noise_buf, n, g_mean, &nx);
  else fill_faces(g_noise_buf, n, &nx);
  i32 breaches = 0;
  double sum = 0.0;
  for (i32 i = 0; i < n; i++) {
    double best = -__builtin_inf();
    if (topo == TOPO_ANY) {
      const i32 base = i * k;
      for (i32 q = 0; q < k; q++) {
        const u32 j = scale_to(xo_next(&sx), (u32)n);
        const double x = slots ? prev[j] - sb[base + q] : prev[j];
        best = keep_greater(best, x);
      }
    } else if (topo == TOPO_SPOT) {
      i32 *out = g_suppliers + i * k;
      for (i32 slot = 0; slot < k;) {
        const i32 j = (i32)scale_to(xo_next(&sx), (u32)n);
        if (j == i) continue;
        i32 duplicate = 0;
        for (i32 q = 0; q < slot; q++) {
          if (out[q] == j) {
            duplicate = 1;
            break;
          }
        }
        if (duplicate) continue;
        out[slot] = j;
        const double x = slots ? prev[j] - sb[i * k + slot] : prev[j];
        best = keep_greater(best, x);
        slot++;
      }
    } else {
      i32 s = topo == TOPO_OUTREG ? i * k : g_offsets[i];
      const i32 end = topo == TOPO_OUTREG ? s + k : g_offsets[i + 1];
      for (; s < end; s++) {
        const i32 j = g_suppliers[s];
        const double x = slots ? prev[j] - sb[s] : prev[j];
        best = keep_greater(best, x);
      }
    }
    const double excess = slots ? best : best - uniform;
    breaches += excess > 0.0 ? 1 : 0;
    const double v = above_or_zero(floor, excess) + eps[i];
    next[i] = v;
    sum += v;
  }
  xo_store(g_sup, sx);
  xo_store(g_noi, nx);
  g_prev = (double *)prev;
  g_tau = next;
  *mean = sum / (double)n;
  return breaches;
}

#define RUN_LOOP(topo, noise, slots)                                \
  for (i32 s = 0; s < steps; s++) {                                 \
    out_breaches[s] = step((topo), (noise), (slots), &out_mean[s]); \
  }                                                                 \
  return

#define RUN_SLOTS(topo, noise)       \
  if (g_slot_buffers) {              \
    RUN_LOOP((topo), (noise), 1);    \
  } else {                           \
    RUN_LOOP((topo), (noise), 0);    \
  }

#define RUN_NOISE(topo)              \
  if (g_noise == NOISE_EXP) {        \
    RUN_SLOTS((topo), NOISE_EXP)     \
  } else {                           \
    RUN_SLOTS((topo), NOISE_FACES)   \
  }

/* ---------------------------------------------------------------- exports */

/* Configure the run. Addresses are byte offsets into this instance's memory. */
EXPORT(setup)
void setup(i32 n, i32 k, i32 topo, i32 noise, i32 face_count, i32 slot_buffers, i32 positive_part, double mean,
           const i32 *offsets, i32 *suppliers, const double *slot_buf, const double *faces,
           const unsigned char *explodes, double *tau, double *prev, double *noise_buf) {
  g_n = n;
  g_k = k;
  g_topo = topo;
  g_noise = noise;
  g_face_count = face_count;
  g_slot_buffers = slot_buffers;
  g_floor = positive_part ? 0.0 : -__builtin_inf();
  g_mean = mean;
  g_offsets = offsets;
  g_suppliers = suppliers;
  g_slot_buf = slot_buf;
  g_faces = faces;
  g_explodes = explodes;
  g_tau = tau;
  g_prev = prev;
  g_noise_buf = noise_buf;
}

/* Set a stream's state: which = 0 for the suppliers stream, 1 for the noise stream. */
EXPORT(set_stream)
void set_stream(i32 which, u32 s0, u32 s1, u32 s2, u32 s3) {
  u32 *s = which == 0 ? g_sup : g_noi;
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}

/* Read back one word of a stream's state (for tests). */
EXPORT(get_stream)
u32 get_stream(i32 which, i32 word) { return (which == 0 ? g_sup : g_noi)[word & 3]; }

EXPORT(set_uniform_buffer)
void set_uniform_buffer(double b) { g_uniform = b; }

/* Address of the current delays tau(t). */
EXPORT(tau_address)
double *tau_address(void) { return g_tau; }

/* Advance `steps` steps; the mean delay and breaches of each go to out_mean[s], out_breaches[s]. */
EXPORT(run)
void run(i32 steps, double *out_mean, i32 *out_breaches) {
  switch (g_topo) {
    case TOPO_ANY:
      RUN_NOISE(TOPO_ANY)
    case TOPO_SPOT:
      RUN_NOISE(TOPO_SPOT)
    case TOPO_OUTREG:
      RUN_NOISE(TOPO_OUTREG)
    default:
      RUN_NOISE(TOPO_STATIC)
  }
}

/* -ln((r + 0.5) / 2^32), scalar and two-lane, exported so the tests can compare them with
   detlog.ts directly (the two-lane one writes r0's and r1's to out[0], out[1]). */
EXPORT(neg_log_uniform)
double neg_log_uniform_export(u32 r) { return neg_log_uniform(r); }

EXPORT(neg_log_uniform2)
void neg_log_uniform2_export(u32 r0, u32 r1, double *out) { wasm_v128_store(out, neg_log_uniform2(r0, r1)); }
