"""Bar charts of an evaluation, as PNG files for the HTML report (matplotlib, no display)."""
from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no window, works on CI
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

COLOURS = {"precision": "#4C78A8", "recall": "#F58518", "f1": "#54A24B", "accuracy": "#54A24B",
           "rouge1": "#4C78A8", "rouge2": "#F58518", "rougeL": "#54A24B", "unsupported": "#E45756"}


def _value(x: float) -> float:
    return 0.0 if x is None or math.isnan(x) else float(x)


def field_chart(fields: pd.DataFrame, path: Path) -> Path:
    """Grouped horizontal bars: precision, recall and F1 per field type, gold counts in the labels."""
    labels = [f"{row.label}  (gold {row.gold})" for row in fields.itertuples()]
    n = len(labels)
    fig, ax = plt.subplots(figsize=(6.4, 0.4 * n + 1.2), dpi=120)
    height = 0.26
    for k, metric in enumerate(("precision", "recall", "f1")):
        ys = [i + (k - 1) * height for i in range(n)]
        ax.barh(ys, [_value(v) for v in fields[metric]], height=height, color=COLOURS[metric],
                label={"f1": "F1"}.get(metric, metric.capitalize()))
    for i, f1 in enumerate(fields["f1"]):
        ax.text(min(_value(f1), 1.0) + 0.01, i + height, "-" if math.isnan(f1) else f"{f1:.2f}",
                va="center", fontsize=8, color="#333")
    ax.set_yticks(range(n), labels, fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.1)
    ax.set_xlabel("micro score over documents")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False, fontsize=9)
    return _finish_bar_chart(fig, ax, path)


def slot_chart(slots: pd.DataFrame, path: Path) -> Path:
    """Officer slot accuracy per slot, with correct/applicable written on each bar."""
    fig, ax = plt.subplots(figsize=(6.5, 2.6), dpi=110)
    labels = list(slots["label"])
    ax.barh(range(len(labels)), [_value(v) for v in slots["accuracy"]], color=COLOURS["accuracy"], height=0.55)
    for i, row in enumerate(slots.itertuples()):
        text = "no matched officer with this slot" if not row.applicable else f"{row.correct}/{row.applicable}"
        ax.text(_value(row.accuracy) + 0.01, i, text, va="center", fontsize=8, color="#333")
    ax.set_yticks(range(len(labels)), labels, fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.25)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.set_xlabel("accuracy over matched officers")
    return _finish_bar_chart(fig, ax, path)


def _finish_bar_chart(fig, axes, path: Path, grid: str = "x") -> Path:
    """The house style of a bar chart (light grid, no top/right frame), saved and closed."""
    for ax in axes if isinstance(axes, (list, tuple)) else (axes,):
        ax.grid(axis=grid, color="#ddd", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def summary_chart(summaries: pd.DataFrame, path: Path) -> Path:
    """Mean ROUGE-1/2/L over documents with a reference (left) and unsupported facts per document (right)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.0), dpi=110, gridspec_kw={"width_ratios": [1, 3]})
    names = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L"}
    means = [_value(summaries[k].mean()) if summaries[k].notna().any() else 0.0 for k in names]
    left.bar(list(names.values()), means, color=[COLOURS[k] for k in names], width=0.6)
    for i, v in enumerate(means):
        left.text(i, v + 0.02, f"{v:.2f}", ha="center", fontsize=9)
    left.set_ylim(0, 1.05)
    left.set_title("mean F1 against the reference", fontsize=10)
    docs = list(summaries["doc_id"])
    right.bar(range(len(docs)), summaries["unsupported"], color=COLOURS["unsupported"], width=0.7)
    right.set_xticks(range(len(docs)), docs, rotation=90, fontsize=7)
    right.set_xlim(-0.6, max(len(docs), 1) - 0.4)
    right.set_ylim(0, max(1, int(summaries["unsupported"].max() if len(docs) else 0)) * 1.15)
    right.yaxis.get_major_locator().set_params(integer=True)
    right.set_title("facts in the predicted summary that the record does not hold", fontsize=10)
    return _finish_bar_chart(fig, (left, right), path, grid="y")
