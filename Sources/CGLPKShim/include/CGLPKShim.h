#ifndef CGLPKSHIM_H
#define CGLPKSHIM_H

/*
 * A thin C layer over GLPK that the Swift module calls instead of GLPK itself.
 *
 * Every entry point that can reach GLPK's fatal-error path runs inside setjmp with
 * glp_error_hook installed, so a GLPK failure returns CGLPK_LIBRARY_ERROR instead of
 * aborting the process. After such a failure the calling thread's GLPK environment is
 * freed (glp_free_env, as GLPK's reference manual requires), which invalidates every GLPK
 * object of that thread: cglpk_environment_generation() changes so that owners can tell.
 *
 * Terminal output never reaches stdout: a terminal hook captures it in a per-thread
 * buffer (cglpk_messages) so that parse errors with file line numbers can be reported.
 *
 * GLPK memory belongs to the allocating thread's environment, so every problem must be
 * used and deleted on the thread that built it. The shim counts the problems alive on
 * each thread and frees the thread's environment when the count drops to zero, and when the
 * thread exits (problems that outlive their thread can be freed by no other thread).
 */

#include <glpk.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Return codes of the shim (GLPK's own codes travel in cglpk_outcome). */
enum {
    CGLPK_OK = 0,
    CGLPK_LIBRARY_ERROR = -1,  /* GLPK called its fatal-error routine; environment reset */
    CGLPK_READ_FAILED = 1,     /* a model or data file could not be read or parsed */
    CGLPK_TIME_LIMIT = 2,      /* MathProg translation exceeded its time limit */
    CGLPK_MEMORY_LIMIT = 3,    /* MathProg translation exceeded its memory limit */
    CGLPK_SYSTEM_ERROR = 4     /* the translator process could not be started */
};

/* Model file formats accepted by cglpk_read. */
enum {
    CGLPK_FORMAT_FREE_MPS = 0,
    CGLPK_FORMAT_FIXED_MPS = 1,
    CGLPK_FORMAT_CPLEX_LP = 2,
    CGLPK_FORMAT_MATHPROG = 3
};

/* A validated model in GLPK's conventions. Matrix triplets are 1-based with an unused
   element 0, as glp_load_matrix expects; bound types are GLP_FR/LO/UP/DB/FX; kinds are
   GLP_CV/IV/BV. */
typedef struct cglpk_model {
    int row_count;
    int column_count;
    int maximize;
    const int *row_type;
    const double *row_lower;
    const double *row_upper;
    const int *column_type;
    const double *column_lower;
    const double *column_upper;
    const int *column_kind;
    int entry_count;
    const int *entry_row;
    const int *entry_column;
    const double *entry_value;
} cglpk_model;

typedef struct cglpk_options {
    int time_limit_ms;      /* INT_MAX: none */
    double mip_gap;         /* relative MIP gap tolerance */
    int integer;            /* nonzero: branch-and-cut (glp_intopt with presolve) */
} cglpk_options;

typedef struct cglpk_outcome {
    int glpk_return;        /* return code of glp_simplex / glp_intopt */
    int status;             /* glp_get_status or glp_mip_status */
    int primal_status;      /* glp_get_prim_stat of the (relaxation) basic solution */
    int dual_status;        /* glp_get_dual_stat of the (relaxation) basic solution */
    double objective;       /* objective of the returned solution */
} cglpk_outcome;

/* Builds a problem; on success *problem owns it (delete with cglpk_delete). */
int cglpk_build(const cglpk_model *model, glp_prob **problem);

/* Reads an MPS or CPLEX LP model file (data_path is unused; MathProg models go through
   cglpk_read_mathprog, whose translation is bounded). */
int cglpk_read(int format, const char *model_path, const char *data_path, glp_prob **problem);

/* Translates a MathProg model (and an optional data file, NULL for none) in a child
   process that may run at most time_limit_ms milliseconds and allocate at most
   memory_limit_mb megabytes in GLPK (0: no memory limit), then reads the result into a
   problem of the calling thread. Returns CGLPK_OK, CGLPK_READ_FAILED, CGLPK_TIME_LIMIT,
   CGLPK_MEMORY_LIMIT, CGLPK_SYSTEM_ERROR or CGLPK_LIBRARY_ERROR; the translator's terminal
   output is available from cglpk_messages() in every case. */
int cglpk_read_mathprog(const char *model_path, const char *data_path, int time_limit_ms,
                        int memory_limit_mb, glp_prob **problem);

/* Deletes a problem built or read on the calling thread in the current generation. */
void cglpk_delete(glp_prob *problem);

/* Replaces the objective by theta (column_count entries), solves, and writes the column
   values to solution (integral columns rounded to the nearest integer). */
int cglpk_solve(glp_prob *problem, const float *theta, int column_count,
                const cglpk_options *options, float *solution, cglpk_outcome *outcome);

/* The terminal output GLPK produced during the last shim call on this thread. */
const char *cglpk_messages(void);

/* Changes whenever the calling thread's GLPK environment is freed. */
unsigned long cglpk_environment_generation(void);

/* A number that identifies the calling thread and is never given to another thread of the
   process, unlike pthread_t values, which the system reuses once a thread has exited. */
unsigned long long cglpk_thread_identity(void);

/* How many threads exited with a GLPK environment, which the shim then freed (for tests). */
unsigned long cglpk_environments_freed_at_thread_exit(void);

/* Makes GLPK fail on purpose (adds -1 columns) to exercise the error path. */
int cglpk_provoke_library_error(void);

#ifdef __cplusplus
}
#endif

#endif
