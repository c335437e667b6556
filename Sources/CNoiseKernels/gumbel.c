// Gumbel draws −log(−log u), u from xoshiro256**, eight per AVX2 register or sixteen per
// AVX-512 register.
//
// The formulas are the package's Swift ones (SeededGenerator.nextGumbelBlock and
// fastLogarithm, after Cephes' logf by S. L. Moshier); this file only lets the processor's
// 256- or 512-bit registers do in one instruction what SSE2 does in two or four. Every
// operation is a separate IEEE multiply, add or subtract in the Swift order (contraction into
// fused multiply–adds is off), so the results equal the portable path bit for bit.
#pragma STDC FP_CONTRACT OFF
#include "CNoiseKernels.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#include <stdatomic.h>

int dsn_gumbel_kernel_width(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return 16;
    return __builtin_cpu_supports("avx2") ? 8 : 0;
}

int dsn_gumbel_kernel_available(void) { return dsn_gumbel_kernel_width() > 0 ? 1 : 0; }

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t next(uint64_t s[4]) {
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* The top 23 bits of `word` in the low half, the next 23 in the high half. */
static inline uint64_t pair_of_mantissas(uint64_t word) {
    return (word >> 41) | (((word >> 9) & 0x007FFFFFull) << 32);
}

/* `b` where `m` > `threshold`, else `a`, lane by lane. */
__attribute__((target("avx2")))
static inline __m256 where_above(__m256 m, __m256 threshold, __m256 a, __m256 b) {
    return _mm256_blendv_ps(a, b, _mm256_cmp_ps(m, threshold, _CMP_GT_OQ));
}

__attribute__((target("avx512f")))
static inline __m512 where_above16(__m512 m, __m512 threshold, __m512 a, __m512 b) {
    return _mm512_mask_blend_ps(_mm512_cmp_ps_mask(m, threshold, _CMP_GT_OQ), a, b);
}

/* For one register width (`lanes` floats of type `vec`; `pre` the intrinsics' prefix _mm256 or
 * _mm512, `si` the integer vector suffix si256 or si512, `where` the lane select above):
 *   logarithm##lanes  Cephes' logf (S. L. Moshier), the same operations in the same order as
 *                     the Swift `fastLogarithm`;
 *   uniforms##lanes   (2m + 1) · 2⁻²⁴ for 23-bit mantissas m: 1 + m · 2⁻²³ minus (1 − 2⁻²⁴),
 *                     both exact;
 *   gumbel##lanes     −log(−log u), with Swift's prefix minus on SIMD floats, 0 − x. */
#define DEFINE_GUMBEL_LANES(lanes, feature, vec, ivec, pre, si, where)                                    \
    __attribute__((target(feature))) static inline vec logarithm##lanes(vec x) {                          \
        const ivec bits = pre##_castps_##si(x);                                                           \
        vec exponent = pre##_sub_ps(                                                                      \
            pre##_cast##si##_ps(pre##_or_##si(pre##_srli_epi32(bits, 23), pre##_set1_epi32(0x4B000000))), \
            pre##_set1_ps(8388608.0f + 127.0f));                                                          \
        const vec unit = pre##_cast##si##_ps(                                                             \
            pre##_or_##si(pre##_and_##si(bits, pre##_set1_epi32(0x007FFFFF)), pre##_set1_epi32(0x3F800000))); \
        const vec root = pre##_set1_ps(1.41421356f);                                                      \
        const vec mantissa = where(unit, root, unit, pre##_mul_ps(unit, pre##_set1_ps(0.5f)));            \
        exponent = where(unit, root, exponent, pre##_add_ps(exponent, pre##_set1_ps(1.0f)));              \
        const vec f = pre##_sub_ps(mantissa, pre##_set1_ps(1.0f));                                        \
        const vec z = pre##_mul_ps(f, f);                                                                 \
        vec p = pre##_set1_ps(7.0376836292e-2f);                                                          \
        p = pre##_sub_ps(pre##_mul_ps(p, f), pre##_set1_ps(1.1514610310e-1f));                            \
        p = pre##_add_ps(pre##_mul_ps(p, f), pre##_set1_ps(1.1676998740e-1f));                            \
        p = pre##_sub_ps(pre##_mul_ps(p, f), pre##_set1_ps(1.2420140846e-1f));                            \
        p = pre##_add_ps(pre##_mul_ps(p, f), pre##_set1_ps(1.4249322787e-1f));                            \
        p = pre##_sub_ps(pre##_mul_ps(p, f), pre##_set1_ps(1.6668057665e-1f));                            \
        p = pre##_add_ps(pre##_mul_ps(p, f), pre##_set1_ps(2.0000714765e-1f));                            \
        p = pre##_sub_ps(pre##_mul_ps(p, f), pre##_set1_ps(2.4999993993e-1f));                            \
        p = pre##_add_ps(pre##_mul_ps(p, f), pre##_set1_ps(3.3333331174e-1f));                            \
        vec y = pre##_mul_ps(pre##_mul_ps(f, z), p);                                                      \
        y = pre##_add_ps(y, pre##_mul_ps(pre##_set1_ps(-2.12194440e-4f), exponent));                      \
        y = pre##_add_ps(y, pre##_mul_ps(pre##_set1_ps(-0.5f), z));                                       \
        return pre##_add_ps(pre##_add_ps(f, y), pre##_mul_ps(pre##_set1_ps(0.693359375f), exponent));     \
    }                                                                                                     \
    __attribute__((target(feature))) static inline vec uniforms##lanes(ivec mantissas) {                  \
        return pre##_sub_ps(pre##_cast##si##_ps(pre##_or_##si(mantissas, pre##_set1_epi32(0x3F800000))), \
                            pre##_set1_ps(1.0f - 0x1p-24f));                                              \
    }                                                                                                     \
    __attribute__((target(feature))) static inline vec gumbel##lanes(vec uniform) {                       \
        const vec zero = pre##_setzero_ps();                                                              \
        return pre##_sub_ps(zero, logarithm##lanes(pre##_sub_ps(zero, logarithm##lanes(uniform))));       \
    }

DEFINE_GUMBEL_LANES(8, "avx2", __m256, __m256i, _mm256, si256, where_above)

/* The mantissas of eight uniforms from four xoshiro256** outputs: output p gives lane 2p its
 * top 23 bits and lane 2p + 1 the next 23. */
__attribute__((target("avx2")))
static inline __m256 next_uniforms8(uint64_t s[4]) {
    const uint64_t pair0 = pair_of_mantissas(next(s)), pair1 = pair_of_mantissas(next(s));
    const uint64_t pair2 = pair_of_mantissas(next(s)), pair3 = pair_of_mantissas(next(s));
    return uniforms8(_mm256_set_epi64x((long long)pair3, (long long)pair2, (long long)pair1, (long long)pair0));
}

__attribute__((target("avx2")))
static void fill_blocks_avx2(uint64_t state[4], float *values, size_t blocks) {
    uint64_t s[4] = {state[0], state[1], state[2], state[3]};
    size_t block = 0;
    // Four blocks at a time: their logarithms are independent chains of ~20 dependent
    // multiplies and adds each, which the processor can then overlap.
    for (; block + 4 <= blocks; block += 4) {
        const __m256 u0 = next_uniforms8(s), u1 = next_uniforms8(s), u2 = next_uniforms8(s), u3 = next_uniforms8(s);
        _mm256_storeu_ps(values + 8 * block, gumbel8(u0));
        _mm256_storeu_ps(values + 8 * block + 8, gumbel8(u1));
        _mm256_storeu_ps(values + 8 * block + 16, gumbel8(u2));
        _mm256_storeu_ps(values + 8 * block + 24, gumbel8(u3));
    }
    for (; block < blocks; block++) _mm256_storeu_ps(values + 8 * block, gumbel8(next_uniforms8(s)));
    state[0] = s[0]; state[1] = s[1]; state[2] = s[2]; state[3] = s[3];
}

DEFINE_GUMBEL_LANES(16, "avx512f", __m512, __m512i, _mm512, si512, where_above16)

/* Sixteen uniforms from eight outputs: the lanes of two consecutive eight-lane blocks. */
__attribute__((target("avx512f")))
static inline __m512 next_uniforms16(uint64_t s[4]) {
    long long pairs[8];
    for (int p = 0; p < 8; p++) pairs[p] = (long long)pair_of_mantissas(next(s));
    return uniforms16(_mm512_set_epi64(pairs[7], pairs[6], pairs[5], pairs[4], pairs[3], pairs[2], pairs[1], pairs[0]));
}

/* Pairs of eight-lane blocks in sixteen lanes, two pairs at a time; an odd last block goes
 * through the AVX2 kernel (AVX-512F implies AVX2). */
__attribute__((target("avx512f")))
static void fill_blocks_avx512(uint64_t state[4], float *values, size_t blocks) {
    uint64_t s[4] = {state[0], state[1], state[2], state[3]};
    size_t block = 0;
    for (; block + 4 <= blocks; block += 4) {
        const __m512 u0 = next_uniforms16(s), u1 = next_uniforms16(s);
        _mm512_storeu_ps(values + 8 * block, gumbel16(u0));
        _mm512_storeu_ps(values + 8 * block + 16, gumbel16(u1));
    }
    for (; block + 2 <= blocks; block += 2) _mm512_storeu_ps(values + 8 * block, gumbel16(next_uniforms16(s)));
    state[0] = s[0]; state[1] = s[1]; state[2] = s[2]; state[3] = s[3];
    if (block < blocks) fill_blocks_avx2(state, values + 8 * block, blocks - block);
}

int dsn_gumbel_fill_blocks_with_width(int width, uint64_t state[4], float *values, size_t blocks) {
    const int available = dsn_gumbel_kernel_width();
    if (width == 16 && available >= 16) fill_blocks_avx512(state, values, blocks);
    else if (width == 8 && available >= 8) fill_blocks_avx2(state, values, blocks);
    else return -1;
    return 0;
}

void dsn_gumbel_fill_blocks(uint64_t state[4], float *values, size_t blocks) {
    static _Atomic int width = -1;
    int known = atomic_load_explicit(&width, memory_order_relaxed);
    if (known < 0) {
        known = dsn_gumbel_kernel_width();
        atomic_store_explicit(&width, known, memory_order_relaxed);
    }
    if (known >= 16) fill_blocks_avx512(state, values, blocks);
    else if (known >= 8) fill_blocks_avx2(state, values, blocks);
}

#else

int dsn_gumbel_kernel_width(void) { return 0; }

int dsn_gumbel_kernel_available(void) { return 0; }

int dsn_gumbel_fill_blocks_with_width(int width, uint64_t state[4], float *values, size_t blocks) {
    (void)width; (void)state; (void)values; (void)blocks;
    return -1;
}

void dsn_gumbel_fill_blocks(uint64_t state[4], float *values, size_t blocks) {
    (void)state; (void)values; (void)blocks;
}

#endif
