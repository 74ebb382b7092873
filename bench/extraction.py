"""(1) Extraction vs the bare model: articles/s through diplograph's extractor and through
stock spaCy on the same texts with the same batch size, side by side, repeated.

"bare" is the stock model with exactly the components diplograph runs (everything but the
lemmatizer) and no diplograph annotator; "full stock" is the stock model as shipped. Each repeat
runs every variant once, in rotated order, and the ratio is taken within the repeat. Wall-clock
rates are what a user sees; CPU rates (articles per CPU-second of this process) are the same
comparison with the other users of this shared machine taken out.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import spacy
from spacy.language import Language

from bench.results import Result, Row
from bench.stats import ratios, spread, summary
from graph.records import ArticleText
from ingest.extraction import extract_many, load_pipeline
from ingest.extraction.pipeline import MODEL_SUFFIXES, UNUSED

TARGET = 0.8


def load_stock(model: str, exclude: tuple[str, ...]) -> Language:
    """The stock model (under either package name), minus `exclude`."""
    for suffix in MODEL_SUFFIXES:
        try:
            return spacy.load(model + suffix, exclude=list(exclude))
        except OSError:
            continue
    raise OSError(f"spaCy model {model!r} is not installed")


def timed(run: Callable[[], int]) -> tuple[float, float]:
    """(articles per wall second, articles per CPU second) of one run."""
    wall, cpu = time.perf_counter(), time.process_time()
    n = run()
    return n / (time.perf_counter() - wall), n / max(time.process_time() - cpu, 1e-9)


Variant = Callable[[list[ArticleText]], int]


def variants(model: str, batch_size: int) -> dict[str, Variant]:
    """The pipelines compared, each a function of the articles it processes."""
    ours, bare, full = load_pipeline(model), load_stock(model, UNUSED), load_stock(model, ())

    def pipe(nlp: Language) -> Variant:
        return lambda arts: sum(1 for _ in nlp.pipe([a.text for a in arts],
                                                     batch_size=batch_size))

    return {
        "diplograph": lambda arts: sum(1 for _ in extract_many(ours, arts, batch_size)),
        "bare": pipe(bare),
        "full_stock": pipe(full),
    }


def measure(model: str, articles: list[ArticleText], batch_size: int,
            repeats: int) -> dict[str, dict[str, list[float]]]:
    """Rates per variant and clock; every repeat runs each variant once, order rotated."""
    runs = variants(model, batch_size)
    for variant in runs.values():  # warm-up: first-call costs out of the timing
        variant(articles[:batch_size])
    rates: dict[str, dict[str, list[float]]] = {k: {"wall": [], "cpu": []} for k in runs}
    names = list(runs)
    for i in range(repeats):
        for name in names[i % len(names):] + names[: i % len(names)]:
            wall, cpu = timed(lambda v=runs[name]: v(articles))  # type: ignore[misc]
            rates[name]["wall"].append(wall)
            rates[name]["cpu"].append(cpu)
    return rates


def run(model: str, corpus: list[dict[str, Any]], batch_size: int, repeats: int) -> Result:
    """Benchmark (1) on the corpus articles given."""
    articles = [ArticleText(text=a["text"], title=a.get("title"), published=a.get("published"))
                for a in corpus]
    rates = measure(model, articles, batch_size, repeats)
    result = Result("extraction")
    ours = rates["diplograph"]
    for base, label in (("bare", "bare spaCy (same components)"), ("full_stock", "full stock")):
        for clock in ("wall", "cpu"):
            r = ratios(ours[clock], rates[base][clock])
            result.data[f"ratio_vs_{base}_{clock}"] = r
            target = f"≥ {TARGET} ×" if base == "bare" else "(info)"
            met = r["median"] >= TARGET if base == "bare" else None
            result.rows.append(Row(f"extraction / {label}, {clock}", target, spread(r), met))
    for name, rate in rates.items():
        result.data[f"{name}_articles_per_s"] = summary(rate["wall"])
        result.data[f"{name}_articles_per_cpu_s"] = summary(rate["cpu"])
    result.rows.append(Row("extraction articles/s (wall)", "(info)",
                           spread(summary(ours["wall"]), 1), None))
    result.data.update({"articles": len(articles), "batch_size": batch_size, "model": model,
                        "mean_chars": round(sum(len(a.text) for a in articles) / len(articles))})
    return result
