#!/usr/bin/env python3
"""Writes Examples/LearningToExplain/RESULTS.md from the committed metrics JSON in results/.

Each results file wraps what one run of `LearningToExplain` wrote to metrics.json
(`metrics`) with the command that produced it, the wall-clock seconds the shell measured for
it and a note. Usage: python3 scripts/results/learning_to_explain.py
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "Examples" / "LearningToExplain"

# Minervini et al. 2023, Table 1 (BeerAdvocate, aspect aroma): subset precision × 100 (mean over 10
# splits) of the methods that also run here, for k = 5, 10, 15.
PUBLISHED_AROMA_PRECISION = {
    "STE (τ chosen per k)": [44.593, 39.635, 36.267],
    "IMLE (forward, λ = 10³)": [53.744, 48.215, 41.850],
    "AIMLE (forward)": [44.668, 48.397, 41.688],
    "AIMLE (central)": [62.056, 53.260, 47.109],
}
PUBLISHED_K = [5, 10, 15]

# The runs, in the order RESULTS.md shows them: (file stem, heading, what the run is for).
SECTIONS = [
    ("k-4-8-16-full", "k ∈ {4, 8, 16} at the full budget",
     "The comparison of the issue: every method at each k, trained with the full recipe (`--full`: every "
     "training image but the validation split)."),
    ("default", "The default run",
     "What `swift run -c release LearningToExplain` does with its defaults."),
    ("default-budget-sweep", "Method settings at the default budget (k = 8)",
     "IMLE's λ over the grid {10, 100, 1000} and L2X's temperature τ over {0.1, 0.5, 1, 2} that the AIMLE paper "
     "searches, AIMLE's target c (the paper's generic 1, and k) and scheme, at the default run's budget. The "
     "command's defaults were chosen on this run's validation accuracy (below); AIMLE keeps the generic c = 1, "
     "which needs no tuning."),
]

# Method families whose settings the sweep compares, by the start of their labels.
FAMILIES = ["IMLE", "AIMLE", "L2X"]


def percent(value):
    return f"{100 * value:.1f}"


def best_validation_epoch(run):
    """The epoch with the highest validation accuracy (None without a validation split)."""
    scored = [e for e in run["epochs"] if e.get("validation")]
    return max(scored, key=lambda e: e["validation"]["accuracy"]) if scored else None


def run_table(runs):
    lines = ["| k | method | epochs | post-hoc acc. % | at best val. epoch % | random-patch acc. % | ink share % "
             "| random ink share % | ink recall % | training s |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for run in runs:
        last = run["epochs"][-1]["test"]
        best = best_validation_epoch(run)
        selected = f'{percent(best["test"]["accuracy"])} (epoch {best["epoch"]})' if best else "—"
        lines.append(f'| {run["configuration"]["k"]} | {run["method"]} | {len(run["epochs"])} | '
                     f'{percent(last["accuracy"])} | {selected} | {percent(last["randomSelectionAccuracy"])} | '
                     f'{percent(last["inkShare"])} | {percent(last["randomInkShare"])} | {percent(last["inkRecall"])} | '
                     f'{run["trainingSeconds"]:.0f} |')
    return lines


def validation_table(runs):
    """Validation accuracy and ink share after every epoch, for the settings sweep."""
    epochs = max(len(run["epochs"]) for run in runs)
    lines = ["| method | " + " | ".join(f"val. acc. % epoch {e + 1}" for e in range(epochs)) + " | val. ink share % |",
             "|---|" + "---|" * (epochs + 1)]
    for run in runs:
        accuracies = [percent(e["validation"]["accuracy"]) for e in run["epochs"]]
        lines.append(f'| {run["method"]} | ' + " | ".join(accuracies) + f' | {percent(run["epochs"][-1]["validation"]["inkShare"])} |')
    return lines


def leaders(runs):
    """Per k, the methods with the highest post-hoc accuracy and ink share after the last epoch."""
    sentences = []
    for k in sorted({run["configuration"]["k"] for run in runs}):
        mine = [run for run in runs if run["configuration"]["k"] == k]
        accurate = max(mine, key=lambda run: run["epochs"][-1]["test"]["accuracy"])
        inked = max(mine, key=lambda run: run["epochs"][-1]["test"]["inkShare"])
        sentences.append(f'k = {k}: highest post-hoc accuracy {accurate["method"]} '
                         f'({percent(accurate["epochs"][-1]["test"]["accuracy"])} %), highest ink share '
                         f'{inked["method"]} ({percent(inked["epochs"][-1]["test"]["inkShare"])} %).')
    return sentences


def best_settings(runs):
    """Per family, the setting with the best validation accuracy after the last epoch and at any epoch."""
    sentences = []
    for family in FAMILIES:
        mine = [run for run in runs if run["method"].split(" ")[0] == family]
        if not mine:
            continue
        last = max(mine, key=lambda run: run["epochs"][-1]["validation"]["accuracy"])
        peak = max(mine, key=lambda run: best_validation_epoch(run)["validation"]["accuracy"])
        sentences.append(f'{family}: best validation accuracy after the last epoch {last["method"]} '
                         f'({percent(last["epochs"][-1]["validation"]["accuracy"])} %), at any epoch {peak["method"]} '
                         f'({percent(best_validation_epoch(peak)["validation"]["accuracy"])} %).')
    return sentences


def sheet_section(stem, runs):
    """The committed PNG sheets of a run (`results/<stem>-selections-k<k>.png`), with their row order."""
    lines = []
    for k in sorted({run["configuration"]["k"] for run in runs}):
        sheet = f"{stem}-selections-k{k}.png"
        if not (EXAMPLE / "results" / sheet).exists():
            continue
        order = ", ".join(run["method"] for run in runs if run["configuration"]["k"] == k)
        lines += [f"![Selections, k = {k}](results/{sheet})", "",
                  f"k = {k}: the first test images, then their selections by {order} (one row each): selected patches "
                  "lit on a blue ground, the others dimmed.", ""]
    return lines


def settings_line(wrapper):
    metrics = wrapper["metrics"]
    training, validation, test = metrics["sizes"]
    first = metrics["runs"][0]["configuration"]
    return (f"{training:,} training, {validation:,} validation and {test:,} test images; {metrics['epochs']} epochs, "
            f"batches of {metrics['batchSize']}, Adam {first['learningRate']:g}; selector 784–{first['hiddenUnits']}–49 and "
            f"classifier 784–{first['hiddenUnits']}–10; {first['samples']} perturb-and-MAP sample(s) per image at "
            f"τ = {first['temperature']:g}; seed {first['seed']}.")


def main():
    wrappers = {path.stem: json.loads(path.read_text()) for path in sorted((EXAMPLE / "results").glob("*.json"))}
    threshold = next(iter(wrappers.values()))["metrics"]["inkThreshold"] if wrappers else 0.1
    lines = ["# Learning to explain — results", "",
             "Generated by `python3 scripts/results/learning_to_explain.py` from the metrics JSON in `results/`; "
             "do not edit by hand.", "",
             "A selector network scores the 7 × 7 patches (4 × 4 pixels) of a Fashion-MNIST image, k of them are kept, "
             "and a classifier that sees only the kept patches predicts the label; both are trained jointly. AIMLE, IMLE "
             "and straight-through train the selector through perturb-and-MAP top-k (Sum-of-Gamma noise with each run's "
             "k, 10 terms); L2X trains it through its relaxation (k Gumbel-softmax draws over the 49 patches, "
             "elementwise maximum). Every method is evaluated on the noiseless top k of the selector's scores, a true "
             "k-subset. L2X's classifier is trained on relaxed masks (entries in [0, 1]) and evaluated on hard ones, "
             "the relaxation's train–test gap.", "",
             "* **post-hoc accuracy**: test accuracy of the classifier on the selected patches alone (last epoch; the "
             "next column is the test accuracy at the epoch of best validation accuracy);",
             "* **random-patch accuracy**: the same classifier on k patches drawn uniformly at random — what the "
             "selector adds over chance;",
             f"* **ink share**: share of selected patches whose mean grey level exceeds {threshold:g} (the garment, not "
             "the black background); **random ink share**: the share of all patches that carry ink, which is what a "
             "random selection gets in expectation; **ink recall**: share of the test images' ink patches selected;",
             "* **training s**: seconds of training steps (evaluation excluded). The runs shared the two cores with "
             "other training jobs; compare the seconds with each other, not with other machines.", ""]
    for stem, heading, purpose in SECTIONS:
        wrapper = wrappers.get(stem)
        if wrapper is None:
            continue
        runs = wrapper["metrics"]["runs"]
        lines += [f"## {heading} (`results/{stem}.json`)", "", purpose, "",
                  f"Command: `{wrapper['command']}` — {wrapper['wallSeconds'] / 60:.1f} minutes of wall time"
                  + (f"; {wrapper['note']}" if wrapper.get("note") else "") + ".", "",
                  settings_line(wrapper), ""]
        lines += run_table(runs) + [""]
        if stem == "default-budget-sweep":
            lines += ["Validation accuracy after each epoch:", ""] + validation_table(runs) + [""]
            lines += [f"* {sentence}" for sentence in best_settings(runs)] + [""]
        else:
            lines += [f"* {sentence}" for sentence in leaders(runs)] + [""]
        lines += sheet_section(stem, runs)
    lines += ["## Against the paper", "",
              "The AIMLE paper's Table 1 (Minervini et al. 2023) is on BeerAdvocate reviews: k-subsets of words that "
              "explain an aspect rating, a convolutional selector, MSE on the rating and subset precision against "
              "human annotations of the words; its L2X-style relaxation baselines there are SoftSub and SST. "
              "BeerAdvocate is not on this machine, so these runs use the image version of the task from Chen et al. "
              "2018 (they select 4 × 4 patches of MNIST digits) on Fashion-MNIST. Data, networks, loss and metric "
              "differ — there are no annotated explanations here; ink share is a proxy that only says whether the "
              "selection lies on the garment — so the numbers do not compare with the paper's; only the ordering of "
              "the methods can be set beside it. The published subset precision (%, aspect aroma):", "",
              "| method | " + " | ".join(f"k = {k}" for k in PUBLISHED_K) + " |",
              "|---|" + "---|" * len(PUBLISHED_K)]
    lines += [f"| {method} | " + " | ".join(f"{value:.1f}" for value in values) + " |"
              for method, values in PUBLISHED_AROMA_PRECISION.items()]
    lines += [""]
    (EXAMPLE / "RESULTS.md").write_text("\n".join(lines))


if __name__ == "__main__":
    main()
