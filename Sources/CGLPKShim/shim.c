/* The guarded C layer over GLPK; see include/CGLPKShim.h for the contract. */

#include "CGLPKShim.h"
#include "internal.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <string.h>

#define CGLPK_MESSAGE_CAPACITY 16384

static _Thread_local char message_buffer[CGLPK_MESSAGE_CAPACITY];
static _Thread_local size_t message_length;
static _Thread_local unsigned long environment_generation;
static _Thread_local long live_problems;
static _Thread_local unsigned long long thread_identity;
static atomic_ullong next_thread_identity = 1;
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;
static _Thread_local int exit_hook_installed;
static atomic_ulong environments_freed_at_exit;

/* Runs when a thread that used GLPK exits. Problems still alive on the thread belong to its
   environment, and no other thread may free them (GLPKProblem compares thread identities,
   which are never reused), so without this the environment and those problems would leak
   with the thread's thread-local pointer. */
static void free_environment_at_exit(void *unused) {
    (void)unused;
    if (glp_free_env() == 0) atomic_fetch_add(&environments_freed_at_exit, 1);
    environment_generation += 1;
    live_problems = 0;
}

static void create_exit_key(void) {
    pthread_key_create(&exit_key, free_environment_at_exit);
}

/* Registers free_environment_at_exit for the calling thread (once per thread). */
static void install_exit_hook(void) {
    if (exit_hook_installed) return;
    pthread_once(&exit_key_once, create_exit_key);
    if (pthread_setspecific(exit_key, (void *)1) == 0) exit_hook_installed = 1;
}

/* Terminal hook: keeps GLPK's text for error reports; nonzero tells GLPK not to print. */
static int capture_output(void *info, const char *text) {
    (void)info;
    size_t length = strlen(text);
    size_t room = CGLPK_MESSAGE_CAPACITY - 1 - message_length;
    if (length > room) length = room;
    memcpy(message_buffer + message_length, text, length);
    message_length += length;
    message_buffer[message_length] = '\0';
    return 1;
}

/* Error hook: GLPK calls it instead of aborting; control returns to the setjmp point. */
static void return_to_caller(void *info) {
    longjmp(*(jmp_buf *)info, 1);
}

void begin_guarded_call(jmp_buf *recovery, int keep_terminal_output) {
    install_exit_hook();
    message_length = 0;
    message_buffer[0] = '\0';
    glp_term_hook(capture_output, NULL);
    glp_term_out(keep_terminal_output ? GLP_ON : GLP_OFF);
    glp_error_hook(return_to_caller, recovery);
}

void end_guarded_call(void) {
    glp_error_hook(NULL, NULL);
    glp_term_out(GLP_OFF);
}

/* After a fatal GLPK error the environment must be freed before GLPK is used again. */
void recover_from_library_error(void) {
    glp_free_env();
    environment_generation += 1;
    live_problems = 0;
}

void release_environment_if_unused(void) {
    if (live_problems == 0) glp_free_env();
}

int cglpk_build(const cglpk_model *model, glp_prob **problem) {
    glp_prob *volatile built = NULL;
    *problem = NULL;
    CGLPK_BEGIN_GUARDED_CALL(recovery, 0);
    built = create_counted_problem();
    glp_set_obj_dir(built, model->maximize ? GLP_MAX : GLP_MIN);
    if (model->row_count > 0) glp_add_rows(built, model->row_count);
    glp_add_cols(built, model->column_count);
    for (int i = 0; i < model->row_count; i++)
        glp_set_row_bnds(built, i + 1, model->row_type[i], model->row_lower[i], model->row_upper[i]);
    for (int j = 0; j < model->column_count; j++) {
        glp_set_col_kind(built, j + 1, model->column_kind[j]);
        if (model->column_kind[j] != GLP_BV)
            glp_set_col_bnds(built, j + 1, model->column_type[j],
                             model->column_lower[j], model->column_upper[j]);
    }
    if (model->entry_count > 0)
        glp_load_matrix(built, model->entry_count, model->entry_row, model->entry_column,
                        model->entry_value);
    end_guarded_call();
    *problem = built;
    return CGLPK_OK;
}

int cglpk_read(int format, const char *model_path, const char *data_path, glp_prob **problem) {
    (void)data_path;
    glp_prob *volatile read = NULL;
    int failed = 0;
    *problem = NULL;
    CGLPK_BEGIN_GUARDED_CALL(recovery, 1);
    read = create_counted_problem();
    switch (format) {
    case CGLPK_FORMAT_FREE_MPS:
        failed = glp_read_mps(read, GLP_MPS_FILE, NULL, model_path) != 0;
        break;
    case CGLPK_FORMAT_FIXED_MPS:
        failed = glp_read_mps(read, GLP_MPS_DECK, NULL, model_path) != 0;
        break;
    case CGLPK_FORMAT_CPLEX_LP:
        failed = glp_read_lp(read, NULL, model_path) != 0;
        break;
    default:  /* MathProg goes through cglpk_read_mathprog, which bounds its translation */
        failed = 1;
    }
    end_guarded_call();
    if (failed) {
        glp_delete_prob(read);
        live_problems -= 1;
        release_environment_if_unused();
        return CGLPK_READ_FAILED;
    }
    *problem = read;
    return CGLPK_OK;
}

void cglpk_delete(glp_prob *problem) {
    jmp_buf recovery;
    if (setjmp(recovery)) {
        recover_from_library_error();
        return;
    }
    begin_guarded_call(&recovery, 0);
    glp_delete_prob(problem);
    end_guarded_call();
    live_problems -= 1;
    release_environment_if_unused();
}

static void copy_solution(glp_prob *problem, int column_count, int integer, float *solution) {
    for (int j = 1; j <= column_count; j++) {
        double value = integer ? glp_mip_col_val(problem, j) : glp_get_col_prim(problem, j);
        if (glp_get_col_kind(problem, j) != GLP_CV) value = nearbyint(value);
        solution[j - 1] = (float)value;
    }
}

int cglpk_solve(glp_prob *problem, const float *theta, int column_count,
                const cglpk_options *options, float *solution, cglpk_outcome *outcome) {
    CGLPK_BEGIN_GUARDED_CALL(recovery, 0);
    for (int j = 1; j <= column_count; j++) glp_set_obj_coef(problem, j, (double)theta[j - 1]);
    if (options->integer) {
        glp_iocp parameters;
        glp_init_iocp(&parameters);
        parameters.msg_lev = GLP_MSG_OFF;
        parameters.presolve = GLP_ON;
        parameters.tm_lim = options->time_limit_ms;
        parameters.mip_gap = options->mip_gap;
        outcome->glpk_return = glp_intopt(problem, &parameters);
        outcome->status = glp_mip_status(problem);
        outcome->objective = glp_mip_obj_val(problem);
    } else {
        glp_smcp parameters;
        glp_init_smcp(&parameters);
        parameters.msg_lev = GLP_MSG_OFF;
        parameters.tm_lim = options->time_limit_ms;
        /* Every solve starts from the standard (all-slack) basis, so the answer does not
           depend on which instances this problem object solved before. */
        glp_std_basis(problem);
        outcome->glpk_return = glp_simplex(problem, &parameters);
        outcome->status = glp_get_status(problem);
        outcome->objective = glp_get_obj_val(problem);
    }
    outcome->primal_status = glp_get_prim_stat(problem);
    outcome->dual_status = glp_get_dual_stat(problem);
    copy_solution(problem, column_count, options->integer, solution);
    end_guarded_call();
    return CGLPK_OK;
}

void replace_messages(const char *text, size_t length) {
    if (length > CGLPK_MESSAGE_CAPACITY - 1) length = CGLPK_MESSAGE_CAPACITY - 1;
    memmove(message_buffer, text, length);
    message_length = length;
    message_buffer[message_length] = '\0';
}

void count_live_problem(int change) {
    live_problems += change;
}

glp_prob *create_counted_problem(void) {
    glp_prob *problem = glp_create_prob();
    live_problems += 1;
    return problem;
}

const char *cglpk_messages(void) {
    return message_buffer;
}

unsigned long cglpk_environment_generation(void) {
    return environment_generation;
}

unsigned long cglpk_environments_freed_at_thread_exit(void) {
    return atomic_load(&environments_freed_at_exit);
}

unsigned long long cglpk_thread_identity(void) {
    if (thread_identity == 0) thread_identity = atomic_fetch_add(&next_thread_identity, 1);
    return thread_identity;
}

int cglpk_provoke_library_error(void) {
    glp_prob *volatile problem = NULL;
    CGLPK_BEGIN_GUARDED_CALL(recovery, 0);
    problem = create_counted_problem();
    glp_add_cols(problem, -1);
    end_guarded_call();
    glp_delete_prob(problem);
    live_problems -= 1;
    release_environment_if_unused();
    return CGLPK_OK;
}
