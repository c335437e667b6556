/*
 * differentiable_solvers.h — the C ABI of DifferentiableSolvers (libDifferentiableSolversC).
 *
 * Combinatorial solvers as trainable layers: a model predicts θ, a registered solver returns
 * z = MAP(θ + ε), and a gradient estimator (adaptive IMLE, IMLE, blackbox, …) turns ∂L/∂z
 * into ∂L/∂θ. The Swift package does the work; this header is the door for C, Python
 * (ctypes) and anything else that can call C.
 *
 * Conventions
 *   - Every function except ds_abi_version, ds_last_error and ds_string_free returns a
 *     ds_status: DS_OK (0) on success, otherwise the class of the failure. The message of
 *     the last failure on the calling thread is ds_last_error(). Nothing aborts or prints.
 *   - Objects are handles (integers, never pointers). 0 means "none". A freed or unknown
 *     handle is DS_INVALID_HANDLE, not a crash; freeing twice is reported, freeing 0 is a
 *     no-op. Every handle a function returns must be freed with its *_free function.
 *   - Matrices are row-major float32 buffers owned by the caller: θ is rows × columns (one
 *     row per instance). Output buffers come with their capacity in floats.
 *   - Strings are NUL-terminated UTF-8. JSON results are allocated by the library and freed
 *     with ds_string_free.
 *   - Results are bit-identical for a seed whatever the number of threads (0: one per core).
 *   - A layer may be called from several threads; its calls take turns.
 *
 * Example
 *   ds_layer layer;
 *   if (ds_layer_make("top-k", "{\"k\": 2}", "aimle-central", "gumbel", 10, 42, 0, &layer) != DS_OK)
 *       fprintf(stderr, "%s\n", ds_last_error());
 *   float theta[6] = {0.1f, 2, -1, 0.5f, 3, 0};    // 1 instance, 6 scores
 *   float z[10 * 6], dldz[10 * 6], dtheta[6];
 *   ds_tape tape;
 *   ds_layer_forward(layer, theta, 1, 6, 0, z, 60, &tape);   // 10 samples × 6
 *   ...                                                       // dldz = ∂L/∂z
 *   ds_layer_backward(layer, tape, dldz, 60, NULL, 0, dtheta, 6);
 *   ds_tape_free(tape);
 *   ds_layer_free(layer);
 */
#ifndef DIFFERENTIABLE_SOLVERS_H
#define DIFFERENTIABLE_SOLVERS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DS_ABI_VERSION 1

/* Status codes. */
typedef int32_t ds_status;
#define DS_OK                        0
#define DS_INVALID_ARGUMENT          1  /* NULL pointer, text that is not UTF-8 or not JSON */
#define DS_UNKNOWN_SOLVER            2  /* no solver registered under the name */
#define DS_INVALID_OPTIONS           3  /* unknown, missing, mistyped or rejected solver options */
#define DS_SHAPE_MISMATCH            4  /* a matrix or buffer of the wrong size */
#define DS_NON_FINITE_INPUT          5  /* NaN or infinity in θ, ∂L/∂z or the losses */
#define DS_INVALID_CONFIGURATION     6  /* unknown estimator or noise, samples < 1, λ ≤ 0 … */
#define DS_SOLVER_FAILED             7  /* infeasible instance, θ outside the solver's domain … */
#define DS_INVALID_HANDLE            8  /* freed, unknown, or of another kind */
#define DS_BUFFER_TOO_SMALL          9  /* an output buffer smaller than the result */
#define DS_MISSING_SAMPLE_LOSSES    10  /* the score-function estimator needs per-sample losses */
#define DS_FOREIGN_TAPE             11  /* a tape given to a layer that did not record it */

typedef uint64_t ds_solver;  /* a configured solver */
typedef uint64_t ds_layer;   /* a solver, an estimator, noise, samples and a seed */
typedef uint64_t ds_tape;    /* what a forward pass recorded for its backward pass */

/* ---- Errors and strings ---------------------------------------------------------------- */

/* The version of this header's ABI (DS_ABI_VERSION). */
int32_t ds_abi_version(void);

/* The message of the last failed call on the calling thread ("" when none failed). Valid
 * until the next failing call on the same thread; do not free it. */
const char *ds_last_error(void);

/* Frees a string returned by the library; NULL is ignored. */
void ds_string_free(char *string);

/* ---- Solvers ----------------------------------------------------------------------------- */

/* All registered solvers as a JSON array of descriptions ({"name", "summary", "family",
 * "options": [...]}, as `dsolve describe NAME --json` prints each). Free *json. */
ds_status ds_solvers_list(char **json);

/* One solver's description as JSON. Free *json. */
ds_status ds_solver_describe(const char *name, char **json);

/* A solver from its registered name and a JSON object of options (NULL: none), as in
 * `dsolve solve`. Free *solver with ds_solver_free. */
ds_status ds_solver_make(const char *name, const char *options_json, ds_solver *solver);

/* The θ length per instance the solver takes, or -1 when it takes any length. */
ds_status ds_solver_variable_count(ds_solver solver, int64_t *count);

/* Solves every row of the rows × columns matrix theta; writes rows × columns solution
 * entries to solutions (capacity floats). The answer equals `dsolve solve`'s. */
ds_status ds_solver_solve(ds_solver solver, const float *theta, int64_t rows, int64_t columns,
                          int64_t threads, float *solutions, int64_t capacity);

/* Frees a solver; 0 is ignored. */
ds_status ds_solver_free(ds_solver solver);

/* ---- Layers -------------------------------------------------------------------------------- */

/* A layer over the solver `solver` with its JSON options (NULL: none).
 *   estimator: aimle, aimle-central[:C], aimle-forward[:C], aimle-backward[:C], imle[:λ],
 *              imle-forward[:λ], imle-central[:λ], imle-backward[:λ], blackbox:λ,
 *              direct-loss[:ε], perturbed-optimizer, score-function, straight-through (ste),
 *              gumbel-softmax:T:BLOCK
 *   noise:     none, gumbel, normal, sum-of-gamma:K[:T]
 *   samples:   noise samples per row (≥ 1); seed: all randomness; threads: 0 = one per core.
 * Free *layer with ds_layer_free. */
ds_status ds_layer_make(const char *solver, const char *options_json, const char *estimator,
                        const char *noise, int64_t samples, uint64_t seed, int64_t threads,
                        ds_layer *layer);

/* Temperatures of the forward perturbation θ + τ·ε and of the backward target (default 1). */
ds_status ds_layer_set_temperatures(ds_layer layer, float forward, float target);

/* Raises perturbed θ entry-wise to at least *floor before the solver sees it (0 for shortest
 * paths, whose costs must be non-negative); NULL removes the floor. */
ds_status ds_layer_set_perturbation_floor(ds_layer layer, const float *floor);

/* Forward pass. theta: rows × columns. Writes to z (capacity floats) the samples,
 * (rows · samples) × columns with row b's samples at rows b·S … (b+1)·S − 1, or with mean ≠ 0
 * their per-row mean, rows × columns. Advances the layer's step. Free *tape with
 * ds_tape_free. */
ds_status ds_layer_forward(ds_layer layer, const float *theta, int64_t rows, int64_t columns,
                           int32_t mean, float *z, int64_t capacity, ds_tape *tape);

/* Backward pass. dldz: count floats shaped like the tape's forward output; sample_losses:
 * one loss per sample for the score-function estimator (else NULL, 0). Writes ∂L/∂θ,
 * rows × columns, to dtheta (capacity floats). Advances adaptive IMLE's state. The tape
 * stays valid. */
ds_status ds_layer_backward(ds_layer layer, ds_tape tape, const float *dldz, int64_t count,
                            const float *sample_losses, int64_t losses_count,
                            float *dtheta, int64_t capacity);

/* ds_layer_backward, and what the pass did, written to statistics (NULL: not wanted) as 5
 * doubles: the mean step λ, the mean number of non-zero gradient entries per informative
 * sample (∂L/∂z ≠ 0), the number of informative samples (-1 for estimators without finite
 * differences), the silent rows, and the α used (NaN unless adaptive IMLE). */
ds_status ds_layer_backward_with_statistics(ds_layer layer, ds_tape tape, const float *dldz, int64_t count,
                                            const float *sample_losses, int64_t losses_count,
                                            float *dtheta, int64_t capacity, double *statistics);

/* One step of adaptive IMLE's α rule with a sparsity signal from elsewhere (the mean number
 * of non-zero gradient entries per informative sample). Data-parallel training: every worker
 * restores the state it had before its backward pass (ds_layer_restore_state) and advances it
 * with the signal merged over all workers, Σ mean · informative / Σ informative, so that α
 * stays the same on every worker. DS_INVALID_CONFIGURATION unless the estimator is adaptive
 * IMLE. */
ds_status ds_layer_advance_adaptive(ds_layer layer, double mean_non_zeros);

/* The layer's state as JSON, {"adaptive": {"alpha", "nonZeroAverage", "previousUpdate",
 * "updates"}, "step": N}, for checkpoints. Free *json. */
ds_status ds_layer_state(ds_layer layer, char **json);

/* Continues from a state ds_layer_state wrote. */
ds_status ds_layer_restore_state(ds_layer layer, const char *json);

/* Frees a layer (its tapes stay valid until freed); 0 is ignored. */
ds_status ds_layer_free(ds_layer layer);

/* Frees a tape; 0 is ignored. */
ds_status ds_tape_free(ds_tape tape);

#ifdef __cplusplus
}
#endif

#endif /* DIFFERENTIABLE_SOLVERS_H */
