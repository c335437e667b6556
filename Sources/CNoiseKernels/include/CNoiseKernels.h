#ifndef CNOISEKERNELS_H
#define CNOISEKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// The widest Gumbel kernel this processor runs: 16 (AVX-512F), 8 (AVX2) or 0 (none; callers
/// then use their portable path).
int dsn_gumbel_kernel_width(void);

/// Whether this processor runs a Gumbel kernel (`dsn_gumbel_kernel_width() > 0`): 1 or 0.
int dsn_gumbel_kernel_available(void);

/// Writes `blocks` blocks of eight standard Gumbel draws to `values` from the xoshiro256**
/// state `state` (s0…s3), which it advances by four outputs per block. Bit-identical to the
/// Swift `SeededGenerator.nextGumbelBlock()`: the same uniforms from the same outputs, the
/// same Cephes logarithm with the same operations in the same order and no fused
/// multiply–add. Runs the widest kernel available; call only when
/// `dsn_gumbel_kernel_available()` returns 1.
void dsn_gumbel_fill_blocks(uint64_t state[4], float *values, size_t blocks);

/// `dsn_gumbel_fill_blocks` through the kernel of the given width (8 or 16), so that tests can
/// check each kernel the processor has against the portable path. Returns 0, or -1 without
/// touching anything when this processor lacks that kernel.
int dsn_gumbel_fill_blocks_with_width(int width, uint64_t state[4], float *values, size_t blocks);

#endif
