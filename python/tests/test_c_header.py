"""The C header declares what the library exports: a C program built against it runs."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

HEADER_DIRECTORY = Path(__file__).resolve().parents[2] / "Sources" / "DifferentiableSolversC" / "include"

PROGRAM = r"""
#include <stdio.h>
#include <string.h>
#include "differentiable_solvers.h"

int main(void) {
    if (ds_abi_version() != DS_ABI_VERSION) return 10;
    ds_solver solver = 0;
    if (ds_solver_make("top-k", "{\"k\": 2}", &solver) != DS_OK) return 11;
    float theta[4] = {0.3f, 2.0f, -1.0f, 0.9f}, z[4];
    if (ds_solver_solve(solver, theta, 1, 4, 1, z, 4) != DS_OK) return 12;
    if (!(z[0] == 0 && z[1] == 1 && z[2] == 0 && z[3] == 1)) return 13;
    if (ds_solver_free(solver) != DS_OK || ds_solver_free(solver) != DS_INVALID_HANDLE) return 14;
    if (strstr(ds_last_error(), "freed already") == NULL) return 15;

    ds_layer layer = 0;
    if (ds_layer_make("top-k", "{\"k\": 2}", "aimle-central", "gumbel", 3, 42, 0, &layer) != DS_OK) return 16;
    float samples[12], dldz[12], dtheta[4];
    ds_tape tape = 0;
    if (ds_layer_forward(layer, theta, 1, 4, 0, samples, 12, &tape) != DS_OK) return 17;
    for (int i = 0; i < 12; i++) dldz[i] = samples[i] - 0.5f;
    if (ds_layer_backward(layer, tape, dldz, 12, NULL, 0, dtheta, 4) != DS_OK) return 18;
    char *state = NULL;
    if (ds_layer_state(layer, &state) != DS_OK || strstr(state, "\"step\":1") == NULL) return 19;
    ds_string_free(state);
    if (ds_layer_make("top-k", NULL, "aimle", "gumbel", 1, 0, 0, &layer) != DS_INVALID_OPTIONS) return 20;
    printf("%s\n", ds_last_error());
    return ds_tape_free(tape) == DS_OK && ds_layer_free(layer) == DS_OK ? 0 : 21;
}
"""


@pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler (cc) on PATH")
def test_a_c_program_built_against_the_header_runs(tmp_path: Path) -> None:
    library = Path(os.environ["DIFFERENTIABLE_SOLVERS_LIBRARY"])
    source = tmp_path / "program.c"
    source.write_text(PROGRAM)
    program = tmp_path / "program"
    subprocess.run(["cc", "-std=c99", "-Wall", "-Werror", "-I", str(HEADER_DIRECTORY), str(source), "-o", str(program),
                    "-L", str(library.parent), "-lDifferentiableSolversC", f"-Wl,-rpath,{library.parent}"], check=True)
    result = subprocess.run([str(program)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "solver 'top-k' needs option 'k'" in result.stdout
