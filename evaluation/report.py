"""The evaluation as a report a person would rather look at than read.

`write_report(evaluation, folder)` writes `index.html` (score tables with a
colour scale, bar charts, and per document the text with gold and predicted
items highlighted side by side, officers' slots and the two summaries),
`report.md` (the tables, for a pull request or an issue) and the PNG charts.
"""
from __future__ import annotations

import html
import math
from pathlib import Path
from typing import Any, Optional, Union

import pandas as pd

from evaluation import charts, highlight, tables
from evaluation import matching as m
from evaluation.run import DocumentResult, Evaluation
from evaluation.summary_checks import UnsupportedFact

FIELDS_PNG, SLOTS_PNG, SUMMARIES_PNG = "fields.png", "officer_slots.png", "summaries.png"


def write_report(evaluation: Evaluation, folder: Union[str, Path]) -> Path:
    """Write index.html, report.md and the charts into `folder` (created if needed); return index.html."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    fields, slots, summaries = evaluation.fields, evaluation.slots, evaluation.summaries
    charts.field_chart(fields, out / FIELDS_PNG)
    charts.slot_chart(slots, out / SLOTS_PNG)
    charts.summary_chart(summaries, out / SUMMARIES_PNG)
    (out / "report.md").write_text(markdown(evaluation), encoding="utf-8")
    index = out / "index.html"
    index.write_text(page(evaluation), encoding="utf-8")
    return index


# --- Markdown ---------------------------------------------------------------------------------

def markdown(evaluation: Evaluation) -> str:
    totals = evaluation.summary_totals()
    errors = _document_errors(evaluation)
    lines = [
        "# Vigyapti evaluation", "",
        f"{_source_line(evaluation)}", "",
        "## Micro P/R/F1 per field type", "",
        tables.markdown_table(evaluation.fields, tables.FIELD_COLUMNS), "",
        f"![P/R/F1 per field type]({FIELDS_PNG})", "",
        "## Officer slot accuracy", "",
        "Of matched officers whose gold slot has a value, how many have exactly that value.", "",
        tables.markdown_table(evaluation.slots, tables.SLOT_COLUMNS), "",
        "## Summaries", "",
        f"Mean ROUGE-1 {tables.cell(totals['rouge1'])}, ROUGE-2 {tables.cell(totals['rouge2'])}, "
        f"ROUGE-L {tables.cell(totals['rougeL'])} over {totals['with_reference']} references; "
        f"{totals['unsupported_total']} unsupported facts in {totals['documents_with_unsupported']} documents; "
        f"{totals['empty_summaries']} empty summaries.", "",
        "## Documents, most errors first", "",
        tables.markdown_table(errors, ["doc_id", "tp", "fp", "fn", "f1", "unsupported"]),
    ]
    if evaluation.skipped:
        lines += ["", "## Skipped", ""] + [f"- {doc}: {why}" for doc, why in evaluation.skipped.items()]
    return "\n".join(lines) + "\n"


def _document_errors(evaluation: Evaluation) -> pd.DataFrame:
    from evaluation.scoring import errors_per_document

    errors = errors_per_document(d.score for d in evaluation.documents)
    errors["unsupported"] = [len(d.unsupported) for d in evaluation.documents]
    errors["errors"] = errors["fp"] + errors["fn"]
    return errors.sort_values(["errors", "doc_id"], ascending=[False, True]).reset_index(drop=True)


def _source_line(evaluation: Evaluation) -> str:
    skipped = f" ({len(evaluation.skipped)} skipped: incomplete or unreadable)" if evaluation.skipped else ""
    return f"{len(evaluation.documents)} documents of `{evaluation.gold_dir}` scored against {evaluation.source_description}{skipped}."


# --- HTML -------------------------------------------------------------------------------------

CSS = """
body { font-family: "Noto Sans", "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #1d2433; background: #f6f7f9; }
main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 60px; }
h1 { margin: 0 0 4px; font-size: 26px; } h2 { margin: 34px 0 12px; font-size: 20px; border-bottom: 1px solid #dde1e7; padding-bottom: 6px; }
.sub { color: #5b6577; margin: 0 0 18px; }
.cards { display: flex; gap: 14px; flex-wrap: wrap; }
.card { background: #fff; border: 1px solid #dde1e7; border-radius: 8px; padding: 12px 18px; flex: 1 1 130px; }
.card .n { font-size: 28px; font-weight: 600; } .card .k { color: #5b6577; font-size: 13px; }
.pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 20px; align-items: start; }
.pair.wide-right { grid-template-columns: auto minmax(0, 1fr); }
table { border-collapse: collapse; background: #fff; font-size: 14px; }
th, td { border: 1px solid #dde1e7; padding: 4px 9px; } th { background: #eef1f5; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
img.chart { max-width: 100%; background: #fff; border: 1px solid #dde1e7; border-radius: 6px; }
details.doc { background: #fff; border: 1px solid #dde1e7; border-radius: 8px; margin: 12px 0; padding: 0 16px; }
details.doc > summary { cursor: pointer; padding: 12px 0; font-size: 16px; }
details.doc > summary .meta { color: #5b6577; font-size: 14px; margin-left: 10px; }
.col h4 { margin: 8px 0 4px; font-size: 14px; color: #5b6577; text-transform: uppercase; letter-spacing: .05em; }
.col .entities { font-size: 15px; line-height: 2.3 !important; font-family: "Noto Sans Devanagari", "Noto Sans", sans-serif; }
.legend span { display: inline-block; padding: 1px 8px; border-radius: 4px; margin-right: 8px; font-size: 13px; }
.bad { background: #ffadad; } .good { background: #b7e4c7; }
mark.unsupported { background: #ffadad; padding: 0 2px; border-radius: 3px; }
.summary-text { background: #fafbfc; border: 1px solid #e6e9ee; border-radius: 6px; padding: 8px 12px; font-size: 14px; min-height: 1.5em; }
.empty { color: #98a1b0; font-style: italic; }
.note { color: #5b6577; font-size: 13px; }
"""


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _heat(value: float) -> str:
    """Background colour for a score: red at 0, amber at 0.5, green at 1."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f' style="background: hsl({round(120 * max(0.0, min(1.0, value)))}, 70%, 85%)"'


def html_table(frame: pd.DataFrame, columns: list[str], heat: tuple[str, ...] = ()) -> str:
    head = "".join(f"<th>{_esc(tables.HEADERS.get(c, c))}</th>" for c in columns)
    rows = []
    for row in frame[columns].itertuples(index=False):
        cells = []
        for column, value in zip(columns, row):
            numeric = not isinstance(value, str)
            style = _heat(value) if column in heat else ""
            content = f'<a href="#doc-{_esc(value)}">{_esc(value)}</a>' if column == "doc_id" else _esc(tables.cell(value))
            cells.append(f'<td class="{"num" if numeric else ""}"{style}>{content}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _cards(evaluation: Evaluation) -> str:
    fields = evaluation.fields.set_index("field")
    totals = evaluation.summary_totals()
    items = [(tables.cell(fields.loc["officers", "f1"]), "officer names F1"),
             (tables.cell(fields.loc["figures", "f1"]), "figures F1"),
             (tables.cell(fields.loc["places", "f1"]), "places F1"),
             (tables.cell(totals["rougeL"]), "summary ROUGE-L"),
             (str(totals["unsupported_total"]), "unsupported facts in summaries"),
             (str(len(evaluation.documents)), "documents")]
    return '<div class="cards">' + "".join(
        f'<div class="card"><div class="n">{_esc(n)}</div><div class="k">{_esc(k)}</div></div>' for n, k in items) + "</div>"


def page(evaluation: Evaluation) -> str:
    totals = evaluation.summary_totals()
    errors = _document_errors(evaluation)
    documents = "\n".join(document_section(d, open_=(i == 0)) for i, d in enumerate(
        sorted(evaluation.documents, key=lambda d: list(errors["doc_id"]).index(d.gold.doc_id))))
    skipped = ""
    if evaluation.skipped:
        skipped = "<h2>Skipped</h2><ul>" + "".join(
            f"<li>{_esc(doc)}: {_esc(why)}</li>" for doc, why in evaluation.skipped.items()) + "</ul>"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vigyapti evaluation: {_esc(evaluation.gold_dir)}</title><style>{CSS}</style></head>
<body><main>
<h1>Vigyapti evaluation</h1>
<p class="sub">{_esc(_source_line(evaluation)).replace('`', '')}</p>
{_cards(evaluation)}
<h2>Scores per field type</h2>
<p class="note">Micro over documents: true positives, false positives and false negatives summed, then precision, recall and F1.
Matching rules: docs/evaluation.md. &ldquo;-&rdquo; is undefined (nothing predicted or nothing in gold).</p>
<div class="pair wide-right"><div>{html_table(evaluation.fields, tables.FIELD_COLUMNS, heat=("precision", "recall", "f1"))}</div>
<div><img class="chart" src="{FIELDS_PNG}" alt="precision, recall and F1 per field type"></div></div>
<h2>Officer slot accuracy</h2>
<p class="note">Of the officers matched by name (unnamed ones by post and place) whose gold slot has a value: how often the prediction has exactly that value.</p>
<div class="pair wide-right"><div>{html_table(evaluation.slots, tables.SLOT_COLUMNS, heat=("accuracy",))}</div>
<div><img class="chart" src="{SLOTS_PNG}" alt="officer slot accuracy"></div></div>
<h2>Summaries</h2>
<p class="note">Mean ROUGE-1 {tables.cell(totals['rouge1'])}, ROUGE-2 {tables.cell(totals['rouge2'])}, ROUGE-L {tables.cell(totals['rougeL'])}
over {totals['with_reference']} reference summaries; {totals['unsupported_total']} facts in {totals['documents_with_unsupported']} predicted
summaries are not in their record; {totals['empty_summaries']} summaries are empty.</p>
<img class="chart" src="{SUMMARIES_PNG}" alt="ROUGE and unsupported facts per document">
<h2>Documents, most errors first</h2>
{html_table(errors, ["doc_id", "tp", "fp", "fn", "f1", "unsupported"], heat=("f1",))}
<p class="legend" style="margin-top:18px"><span class="good">TYPE</span> paired with the other side
<span class="bad">TYPE · missed</span> in gold, not predicted <span class="bad">TYPE · spurious</span> predicted, not in gold</p>
{documents}
{skipped}
</main>
<script>/* a link to #doc-ID opens that document's section */
function openFromHash() {{ var d = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (d && d.tagName === "DETAILS") {{ d.open = true; d.scrollIntoView(); }} }}
window.addEventListener("hashchange", openFromHash); openFromHash();</script>
</body></html>
"""


def document_section(result: DocumentResult, open_: bool = False) -> str:
    text = result.gold.text
    gold_html, gold_dropped = highlight.render(text, highlight.record_spans(result.gold.record, result, 0), highlight.MISSED)
    pred_html, pred_dropped = highlight.render(text, highlight.record_spans(result.pred, result, 1), highlight.SPURIOUS)
    counts = result.score.counts
    missed = sum(c.fn for k, c in counts.items() if k != "mentions")
    spurious = sum(c.fp for k, c in counts.items() if k != "mentions")
    dropped = gold_dropped + pred_dropped
    note = (f'<p class="note">{dropped} overlapping spans are not drawn (displaCy draws one box per stretch of text).</p>'
            if dropped else "")
    doc_id = _esc(result.gold.doc_id)
    return f"""<details class="doc" id="doc-{doc_id}"{' open' if open_ else ''}>
<summary><b>{doc_id}</b><span class="meta">{missed} missed · {spurious} spurious · {len(result.unsupported)} unsupported facts in the summary</span></summary>
<div class="pair"><div class="col"><h4>Gold</h4>{gold_html}</div><div class="col"><h4>Predicted</h4>{pred_html}</div></div>
{note}
{officer_table(result)}
{summary_pair(result)}
</details>"""


def _officer_name(officer) -> str:
    if officer.name_en or officer.name_hi:
        return officer.name_en or officer.name_hi
    posts = ", ".join(p.title_en or p.title_hi for p in officer.posts)
    return f"(unnamed) {posts}"


def _slot(officer, what: str) -> str:
    if what == "service":
        return officer.service or ""
    attr = {"post": "title_en", "district": "district_en", "state": "state_en"}[what]
    return "; ".join(dict.fromkeys(getattr(p, attr) for p in officer.posts if getattr(p, attr)))


def _slot_key(officer, what: str) -> set:
    if what == "post":
        return {m.title_key(p.title_en) for p in officer.posts if m.title_key(p.title_en)}
    if what == "service":
        return {officer.service} if officer.service else set()
    attr = {"district": "district_en", "state": "state_en"}[what]
    return {getattr(p, attr) for p in officer.posts if getattr(p, attr)}


def officer_table(result: DocumentResult) -> str:
    gold, pred = result.gold.record.officers, result.pred.officers
    if not gold and not pred:
        return ""
    alignment = result.score.alignments["officers"]
    rows: list[tuple[Optional[Any], Optional[Any]]] = [(gold[i], pred[j]) for i, j in alignment.pairs]
    rows += [(gold[i], None) for i in alignment.gold_only] + [(None, pred[j]) for j in alignment.pred_only]
    slots = ("service", "post", "district", "state")
    head = "<th>gold officer</th><th>predicted officer</th>" + "".join(f"<th>{s}</th>" for s in slots)
    body = []
    for g, p in rows:
        cells = [f'<td class="{"" if g and p else "bad"}">{_esc(_officer_name(g)) if g else "—"}</td>',
                 f'<td class="{"" if g and p else "bad"}">{_esc(_officer_name(p)) if p else "—"}</td>']
        for slot in slots:
            if g and p:
                right = _slot_key(g, slot) == _slot_key(p, slot)
                gv, pv = _slot(g, slot), _slot(p, slot)
                shown = _esc(gv) if right else f"{_esc(gv) or '∅'} → {_esc(pv) or '∅'}"
                cells.append(f'<td class="{"" if right else "bad"}">{shown}</td>')
            else:
                cells.append(f"<td>{_esc(_slot(g or p, slot))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f'<h4>Officers</h4><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _marked(summary: str, facts: list[UnsupportedFact]) -> str:
    if not summary.strip():
        return '<span class="empty">(empty)</span>'
    out, last = [], 0
    for fact in sorted(facts, key=lambda f: f.start):
        out.append(_esc(summary[last:fact.start]))
        out.append(f'<mark class="unsupported" title="{_esc(fact.kind)} not in the record">{_esc(summary[fact.start:fact.end])}</mark>')
        last = fact.end
    out.append(_esc(summary[last:]))
    return "".join(out)


def summary_pair(result: DocumentResult) -> str:
    reference = result.gold.record.summary_en
    scores = ("ROUGE-1 {rouge1:.3f} · ROUGE-2 {rouge2:.3f} · ROUGE-L {rougeL:.3f}".format(**result.rouge)
              if result.rouge else "no reference summary")
    return f"""<div class="pair" style="margin:14px 0 18px"><div class="col"><h4>Reference summary</h4>
<div class="summary-text">{_marked(reference, [])}</div></div>
<div class="col"><h4>Predicted summary</h4><p class="note" style="margin:0 0 4px">{scores}; facts the record does not hold are marked</p>
<div class="summary-text">{_marked(result.pred.summary_en, result.unsupported)}</div></div></div>"""
