"""The table of means over a run's per-step traces (TrainingTrace CSV files), shared by the
results scripts of the examples that write them."""
import csv


def trace_table(directory, title):
    """Markdown lines for the CSV traces in `directory` (none when it holds none)."""
    traces = sorted(directory.glob("*.csv"))
    if not traces:
        return []
    lines = [title, "",
             "| trace | steps | mean α | mean λ | mean ‖z_L − z_R‖₀ | zero-gradient steps % | mean cosine |",
             "|---|---|---|---|---|---|---|"]
    for path in traces:
        with open(path) as handle:
            rows = list(csv.DictReader(handle))
        count = max(len(rows), 1)

        def mean(key):
            return sum(float(r[key]) for r in rows) / count
        zero = 100 * sum(1 for r in rows if float(r["gradient_norm"]) == 0) / count
        cosines = [float(r["reference_cosine"]) for r in rows if r["reference_cosine"]]
        cosine = f"{sum(cosines) / len(cosines):.3f}" if cosines else "—"
        lines.append(f'| {path.stem} | {len(rows)} | {mean("alpha"):.4f} | {mean("mean_lambda"):.3f} | '
                     f'{mean("mean_nonzeros"):.2f} | {zero:.0f} | {cosine} |')
    return lines + [""]
