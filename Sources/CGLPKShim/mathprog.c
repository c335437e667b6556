/* MathProg translation under a time and memory bound; see include/CGLPKShim.h.
 *
 * GLPK's translator has no time limit and no callback during model generation, so a model
 * such as `set I := 1..100000000;` can keep it busy for minutes. The translation therefore
 * runs in a child process: the child translates (with glp_mem_limit set), writes the
 * problem in GLPK's own format to a temporary file and its terminal output to a pipe; the
 * parent waits at most the time limit, kills the child when it is exceeded, and otherwise
 * reads the temporary file, which is linear in the size of the problem.
 */

#define _GNU_SOURCE
#include "CGLPKShim.h"
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Exit codes of the child. */
enum { CHILD_OK = 0, CHILD_READ_FAILED = 10, CHILD_LIBRARY_ERROR = 11, CHILD_MEMORY_LIMIT = 12, CHILD_WRITE_FAILED = 13 };

#define TRANSCRIPT_CAPACITY 16384

static void write_all(int fd, const char *text, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, text, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        text += written;
        length -= (size_t)written;
    }
}

/* Runs in the child: translates, writes the problem to output_path, reports on fd, exits. */
static void translate_and_exit(int fd, const char *model_path, const char *data_path,
                               const char *output_path, int memory_limit_mb) {
    jmp_buf recovery;
    glp_tran *volatile translator = NULL;
    glp_prob *volatile problem = NULL;
    int code = CHILD_OK;
    if (setjmp(recovery)) {
        const char *messages = cglpk_messages();
        code = strstr(messages, "limit exceeded") != NULL ? CHILD_MEMORY_LIMIT : CHILD_LIBRARY_ERROR;
        write_all(fd, messages, strlen(messages));
        _exit(code);
    }
    begin_guarded_call(&recovery, 1);
    if (memory_limit_mb > 0) glp_mem_limit(memory_limit_mb);
    translator = glp_mpl_alloc_wksp();
    problem = glp_create_prob();
    int failed = glp_mpl_read_model(translator, model_path, 0) != 0;
    if (!failed && data_path != NULL) failed = glp_mpl_read_data(translator, data_path) != 0;
    if (!failed) failed = glp_mpl_generate(translator, NULL) != 0;
    if (!failed) glp_mpl_build_prob(translator, problem);
    if (failed) code = CHILD_READ_FAILED;
    else if (glp_write_prob(problem, 0, output_path) != 0) code = CHILD_WRITE_FAILED;
    end_guarded_call();
    const char *messages = cglpk_messages();
    write_all(fd, messages, strlen(messages));
    _exit(code);
}

static long long milliseconds_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* Collects the child's report until end of file or the deadline; returns 0 on end of file,
   1 when the deadline passed, -1 on an error. */
static int collect_report(int fd, long long deadline, char *transcript, size_t *length) {
    for (;;) {
        long long remaining = deadline - milliseconds_now();
        if (remaining <= 0) return 1;
        struct pollfd waiting = { .fd = fd, .events = POLLIN };
        int ready = poll(&waiting, 1, remaining > 1000000 ? 1000000 : (int)remaining);
        if (ready < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (ready == 0) continue;
        char chunk[4096];
        ssize_t count = read(fd, chunk, sizeof chunk);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) return -1;
        if (count == 0) return 0;
        size_t room = TRANSCRIPT_CAPACITY - 1 - *length;
        size_t kept = (size_t)count < room ? (size_t)count : room;
        memcpy(transcript + *length, chunk, kept);
        *length += kept;
    }
}

static int wait_for(pid_t child) {
    int status = 0;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return status;
}

/* Reads the child's output file into a problem of the calling thread's environment. */
static int read_translated(const char *path, glp_prob **problem) {
    glp_prob *volatile read = NULL;
    CGLPK_BEGIN_GUARDED_CALL(recovery, 0);
    read = create_counted_problem();
    int failed = glp_read_prob(read, 0, path) != 0;
    end_guarded_call();
    if (failed) {
        glp_delete_prob(read);
        count_live_problem(-1);
        release_environment_if_unused();
        return CGLPK_LIBRARY_ERROR;
    }
    *problem = read;
    return CGLPK_OK;
}

static int fail_with(const char *message, int code) {
    replace_messages(message, strlen(message));
    return code;
}

int cglpk_read_mathprog(const char *model_path, const char *data_path, int time_limit_ms,
                        int memory_limit_mb, glp_prob **problem) {
    *problem = NULL;
    char output_path[] = "/tmp/cglpk-mathprog-XXXXXX";
    int output = mkstemp(output_path);
    if (output < 0) return fail_with("could not create a temporary file for the translated model", CGLPK_SYSTEM_ERROR);
    close(output);
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) {
        unlink(output_path);
        return fail_with("could not create a pipe for the MathProg translator", CGLPK_SYSTEM_ERROR);
    }
    long long deadline = milliseconds_now() + (time_limit_ms > 0 ? time_limit_ms : 0);
    pid_t child = fork();
    if (child < 0) {
        close(report[0]);
        close(report[1]);
        unlink(output_path);
        return fail_with("could not start the MathProg translator process", CGLPK_SYSTEM_ERROR);
    }
    if (child == 0) {
        /* Keep only the report pipe, so that no other translation waits for this child's
           copy of its pipe to close. */
        long open_max = sysconf(_SC_OPEN_MAX);
        int limit = open_max > 0 && open_max < 65536 ? (int)open_max : 65536;
        for (int fd = 3; fd < limit; fd++) if (fd != report[1]) close(fd);
        translate_and_exit(report[1], model_path, data_path, output_path, memory_limit_mb);
    }
    close(report[1]);
    char transcript[TRANSCRIPT_CAPACITY];
    size_t length = 0;
    int outcome = collect_report(report[0], deadline, transcript, &length);
    close(report[0]);
    if (outcome != 0) kill(child, SIGKILL);
    int status = wait_for(child);
    transcript[length] = '\0';
    replace_messages(transcript, length);
    int result;
    if (outcome == 1) {
        result = CGLPK_TIME_LIMIT;
    } else if (outcome < 0 || status < 0 || !WIFEXITED(status)) {
        result = fail_with("the MathProg translator process ended abnormally", CGLPK_LIBRARY_ERROR);
    } else {
        switch (WEXITSTATUS(status)) {
        case CHILD_OK: result = read_translated(output_path, problem); break;
        case CHILD_READ_FAILED: result = CGLPK_READ_FAILED; break;
        case CHILD_MEMORY_LIMIT: result = CGLPK_MEMORY_LIMIT; break;
        default: result = CGLPK_LIBRARY_ERROR; break;
        }
    }
    unlink(output_path);
    return result;
}
