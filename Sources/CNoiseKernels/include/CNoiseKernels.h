#ifndef CNOISEKERNELS_H
#define CNOISEKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor runs the eight-lane (AVX2) Gumbel kernel; 0 elsewhere, and then
/// callers use their portable path.
int dsn_gumbel_kernel_available(void);

/// Writes `blocks` blocks of eight standard Gumbel draws to `values` from the xoshiro256**
/// state `state` (s0…s3), which it advances by four outputs per block. Bit-identical to the
/// Swift `SeededGenerator.nextGumbelBlock()`: the same uniforms from the same outputs, the
/// same Cephes logarithm with the same operations in the same order and no fused
/// multiply–add. Call only when `dsn_gumbel_kernel_available()` returns 1.
void dsn_gumbel_fill_blocks(uint64_t state[4], float *values, size_t blocks);

#endif
