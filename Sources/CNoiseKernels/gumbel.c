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

__attribute__((target("avx2")))
static inline __m256 logarithm(__m256 x) {
    const __m256i bits = _mm256_castps_si256(x);
    __m256 exponent = _mm256_sub_ps(
        _mm256_castsi256_ps(_mm256_or_si256(_mm256_srli_epi32(bits, 23), _mm256_set1_epi32(0x4B000000))),
        _mm256_set1_ps(8388608.0f + 127.0f));
    __m256 mantissa = _mm256_castsi256_ps(
        _mm256_or_si256(_mm256_and_si256(bits, _mm256_set1_epi32(0x007FFFFF)), _mm256_set1_epi32(0x3F800000)));
    const __m256 above = _mm256_cmp_ps(mantissa, _mm256_set1_ps(1.41421356f), _CMP_GT_OQ);
    mantissa = _mm256_blendv_ps(mantissa, _mm256_mul_ps(mantissa, _mm256_set1_ps(0.5f)), above);
    exponent = _mm256_blendv_ps(exponent, _mm256_add_ps(exponent, _mm256_set1_ps(1.0f)), above);
    const __m256 f = _mm256_sub_ps(mantissa, _mm256_set1_ps(1.0f));
    const __m256 z = _mm256_mul_ps(f, f);
    __m256 p = _mm256_set1_ps(7.0376836292e-2f);
    p = _mm256_sub_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.1514610310e-1f));
    p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.1676998740e-1f));
    p = _mm256_sub_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.2420140846e-1f));
    p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.4249322787e-1f));
    p = _mm256_sub_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(1.6668057665e-1f));
    p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(2.0000714765e-1f));
    p = _mm256_sub_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(2.4999993993e-1f));
    p = _mm256_add_ps(_mm256_mul_ps(p, f), _mm256_set1_ps(3.3333331174e-1f));
    __m256 y = _mm256_mul_ps(_mm256_mul_ps(f, z), p);
    y = _mm256_add_ps(y, _mm256_mul_ps(_mm256_set1_ps(-2.12194440e-4f), exponent));
    y = _mm256_add_ps(y, _mm256_mul_ps(_mm256_set1_ps(-0.5f), z));
    return _mm256_add_ps(_mm256_add_ps(f, y), _mm256_mul_ps(_mm256_set1_ps(0.693359375f), exponent));
}

/* Eight uniforms in (0, 1) from four xoshiro256** outputs: output p gives lane 2p its top
 * 23 bits and lane 2p + 1 the next 23; (2m + 1) · 2⁻²⁴ is 1 + m · 2⁻²³ minus (1 − 2⁻²⁴),
 * both exact. */
__attribute__((target("avx2")))
static inline __m256 next_uniforms(uint64_t s[4]) {
    const uint64_t pair0 = pair_of_mantissas(next(s)), pair1 = pair_of_mantissas(next(s));
    const uint64_t pair2 = pair_of_mantissas(next(s)), pair3 = pair_of_mantissas(next(s));
    const __m256i mantissas = _mm256_set_epi64x((long long)pair3, (long long)pair2, (long long)pair1, (long long)pair0);
    return _mm256_sub_ps(_mm256_castsi256_ps(_mm256_or_si256(mantissas, _mm256_set1_epi32(0x3F800000))),
                         _mm256_set1_ps(1.0f - 0x1p-24f));
}

/* −log(−log u), lane by lane; Swift's prefix minus on SIMD floats is 0 − x. */
__attribute__((target("avx2")))
static inline __m256 gumbel_of(__m256 uniform) {
    const __m256 zero = _mm256_setzero_ps();
    return _mm256_sub_ps(zero, logarithm(_mm256_sub_ps(zero, logarithm(uniform))));
}

__attribute__((target("avx2")))
static void fill_blocks_avx2(uint64_t state[4], float *values, size_t blocks) {
    uint64_t s[4] = {state[0], state[1], state[2], state[3]};
    size_t block = 0;
    // Four blocks at a time: their logarithms are independent chains of ~20 dependent
    // multiplies and adds each, which the processor can then overlap.
    for (; block + 4 <= blocks; block += 4) {
        const __m256 u0 = next_uniforms(s), u1 = next_uniforms(s), u2 = next_uniforms(s), u3 = next_uniforms(s);
        _mm256_storeu_ps(values + 8 * block, gumbel_of(u0));
        _mm256_storeu_ps(values + 8 * block + 8, gumbel_of(u1));
        _mm256_storeu_ps(values + 8 * block + 16, gumbel_of(u2));
        _mm256_storeu_ps(values + 8 * block + 24, gumbel_of(u3));
    }
    for (; block < blocks; block++) _mm256_storeu_ps(values + 8 * block, gumbel_of(next_uniforms(s)));
    state[0] = s[0]; state[1] = s[1]; state[2] = s[2]; state[3] = s[3];
}

__attribute__((target("avx512f")))
static inline __m512 logarithm16(__m512 x) {
    const __m512i bits = _mm512_castps_si512(x);
    __m512 exponent = _mm512_sub_ps(
        _mm512_castsi512_ps(_mm512_or_si512(_mm512_srli_epi32(bits, 23), _mm512_set1_epi32(0x4B000000))),
        _mm512_set1_ps(8388608.0f + 127.0f));
    __m512 mantissa = _mm512_castsi512_ps(
        _mm512_or_si512(_mm512_and_si512(bits, _mm512_set1_epi32(0x007FFFFF)), _mm512_set1_epi32(0x3F800000)));
    const __mmask16 above = _mm512_cmp_ps_mask(mantissa, _mm512_set1_ps(1.41421356f), _CMP_GT_OQ);
    mantissa = _mm512_mask_blend_ps(above, mantissa, _mm512_mul_ps(mantissa, _mm512_set1_ps(0.5f)));
    exponent = _mm512_mask_blend_ps(above, exponent, _mm512_add_ps(exponent, _mm512_set1_ps(1.0f)));
    const __m512 f = _mm512_sub_ps(mantissa, _mm512_set1_ps(1.0f));
    const __m512 z = _mm512_mul_ps(f, f);
    __m512 p = _mm512_set1_ps(7.0376836292e-2f);
    p = _mm512_sub_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(1.1514610310e-1f));
    p = _mm512_add_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(1.1676998740e-1f));
    p = _mm512_sub_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(1.2420140846e-1f));
    p = _mm512_add_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(1.4249322787e-1f));
    p = _mm512_sub_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(1.6668057665e-1f));
    p = _mm512_add_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(2.0000714765e-1f));
    p = _mm512_sub_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(2.4999993993e-1f));
    p = _mm512_add_ps(_mm512_mul_ps(p, f), _mm512_set1_ps(3.3333331174e-1f));
    __m512 y = _mm512_mul_ps(_mm512_mul_ps(f, z), p);
    y = _mm512_add_ps(y, _mm512_mul_ps(_mm512_set1_ps(-2.12194440e-4f), exponent));
    y = _mm512_add_ps(y, _mm512_mul_ps(_mm512_set1_ps(-0.5f), z));
    return _mm512_add_ps(_mm512_add_ps(f, y), _mm512_mul_ps(_mm512_set1_ps(0.693359375f), exponent));
}

/* Sixteen uniforms from eight outputs: the lanes of two consecutive eight-lane blocks. */
__attribute__((target("avx512f")))
static inline __m512 next_uniforms16(uint64_t s[4]) {
    long long pairs[8];
    for (int p = 0; p < 8; p++) pairs[p] = (long long)pair_of_mantissas(next(s));
    const __m512i mantissas = _mm512_set_epi64(pairs[7], pairs[6], pairs[5], pairs[4], pairs[3], pairs[2], pairs[1], pairs[0]);
    return _mm512_sub_ps(_mm512_castsi512_ps(_mm512_or_si512(mantissas, _mm512_set1_epi32(0x3F800000))),
                         _mm512_set1_ps(1.0f - 0x1p-24f));
}

__attribute__((target("avx512f")))
static inline __m512 gumbel_of16(__m512 uniform) {
    const __m512 zero = _mm512_setzero_ps();
    return _mm512_sub_ps(zero, logarithm16(_mm512_sub_ps(zero, logarithm16(uniform))));
}

/* Pairs of eight-lane blocks in sixteen lanes, two pairs at a time; an odd last block goes
 * through the AVX2 kernel (AVX-512F implies AVX2). */
__attribute__((target("avx512f")))
static void fill_blocks_avx512(uint64_t state[4], float *values, size_t blocks) {
    uint64_t s[4] = {state[0], state[1], state[2], state[3]};
    size_t block = 0;
    for (; block + 4 <= blocks; block += 4) {
        const __m512 u0 = next_uniforms16(s), u1 = next_uniforms16(s);
        _mm512_storeu_ps(values + 8 * block, gumbel_of16(u0));
        _mm512_storeu_ps(values + 8 * block + 16, gumbel_of16(u1));
    }
    for (; block + 2 <= blocks; block += 2) _mm512_storeu_ps(values + 8 * block, gumbel_of16(next_uniforms16(s)));
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
