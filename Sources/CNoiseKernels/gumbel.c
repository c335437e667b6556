// Eight Gumbel draws per step in one AVX2 register: −log(−log u) with u from xoshiro256**.
//
// The formulas are the package's Swift ones (SeededGenerator.nextGumbelBlock and
// fastLogarithm, after Cephes' logf by S. L. Moshier); this file only lets the processor's
// 256-bit registers do in one instruction what SSE2 does in two. Every operation is a
// separate IEEE multiply, add or subtract in the Swift order (no FMA is enabled), so the
// results equal the portable path bit for bit.
#include "CNoiseKernels.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

int dsn_gumbel_kernel_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? 1 : 0;
}

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
void dsn_gumbel_fill_blocks(uint64_t state[4], float *values, size_t blocks) {
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

#else

int dsn_gumbel_kernel_available(void) { return 0; }

void dsn_gumbel_fill_blocks(uint64_t state[4], float *values, size_t blocks) {
    (void)state; (void)values; (void)blocks;
}

#endif
