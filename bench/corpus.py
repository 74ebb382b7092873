"""A deterministic corpus of distinct, realistic articles, varied from the dev articles.

Each article is a dev article (/work/shared/eval/dev) with its countries swapped for others
(name, demonyms and capital together, so "Japan … Japanese … Tokyo" stays consistent), its
people renamed, its dates moved by whole years of 52 weeks (weekdays stay true) and, like wire
copy cut to length, only its leading paragraphs kept. For benchmarks only: no rule is derived
from it. Same seed, same corpus.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from reference.gazetteer import Country, load_gazetteer

DEV_DIR = Path("/work/shared/eval/dev")
FIRST = ("Elena", "Marco", "Aiko", "Samuel", "Fatima", "Igor", "Priya", "Tomas", "Amara",
         "Lucas", "Mei", "Omar", "Sofia", "Kwame", "Hana", "Pavel", "Nadia", "Diego", "Leila",
         "Viktor", "Ingrid", "Rafael", "Yuki", "Ahmed", "Chloe", "Bongani", "Anya", "Jonas")
LAST = ("Marsh", "Okafor", "Lindqvist", "Haddad", "Tanaka", "Moreau", "Kowalski", "Reyes",
        "Novak", "Mensah", "Petrov", "Salazar", "Nakamura", "Brandt", "Oyelaran", "Castillo",
        "Varga", "Rahimi", "Duarte", "Sorensen", "Achebe", "Kim", "Horvat", "Bianchi",
        "Ferreira", "Aziz", "Lund", "Mwangi", "Costa", "Ivanova", "Quist", "Takeda")
YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")


@dataclass(frozen=True)
class Template:
    """A dev article and the surface forms in it that a variant replaces."""

    text: str
    published: date | None
    title: str | None
    countries: tuple[Country, ...]  # those the text names (by name, alias, demonym, capital)
    people: tuple[str, ...]  # full names the gold annotations list


def _surfaces(country: Country) -> list[str]:
    return [s for s in (country.name, *country.aliases, *country.demonyms, country.capital) if s]


def _mentions(text: str, country: Country) -> bool:
    return any(re.search(rf"\b{re.escape(s)}\b", text) for s in _surfaces(country))


def _people(gold: dict[str, Any]) -> tuple[str, ...]:
    names = {r["person"] for r in gold.get("roles", [])}
    for meeting in gold.get("meetings", []):
        names |= {p["name"] for p in meeting["participants"] if p["type"] == "Person"}
    return tuple(sorted(n for n in names if " " in n.strip()))


def templates(dev_dir: Path = DEV_DIR) -> list[Template]:
    """The dev articles, with the countries and people each one names."""
    gaz = load_gazetteer()
    current = [c for c in gaz.countries.values() if c.valid_until is None]
    out = []
    for path in sorted(dev_dir.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        text = gold["text"]
        published = date.fromisoformat(gold["published"]) if gold.get("published") else None
        out.append(Template(text, published, gold.get("title"),
                            tuple(c for c in current if _mentions(text, c)), _people(gold)))
    return out


def _pool() -> list[Country]:
    """Countries that can stand in for another: a name, a capital, singular + plural demonym."""
    gaz = load_gazetteer()
    return sorted((c for c in gaz.countries.values() if c.valid_until is None and c.capital
                   and len(c.demonyms) == 2), key=lambda c: c.iso3)


def _country_swaps(template: Template, rng: random.Random,
                   pool: list[Country]) -> dict[str, str]:
    targets = rng.sample(pool, len(template.countries))
    swaps: dict[str, str] = {}
    for old, new in zip(template.countries, targets, strict=True):
        for alias in (old.name, *old.aliases):
            swaps[alias] = new.name
        for i, demonym in enumerate(old.demonyms):
            swaps[demonym] = new.demonyms[min(i, len(new.demonyms) - 1)]
        if old.capital and new.capital:
            swaps[old.capital] = new.capital
    return swaps


def _people_swaps(template: Template, rng: random.Random) -> dict[str, str]:
    swaps: dict[str, str] = {}
    for person in template.people:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        swaps[person] = f"{first} {last}"
        swaps.setdefault(person.split()[-1], last)
    return swaps


def _replace(text: str, swaps: dict[str, str]) -> str:
    if not swaps:
        return text
    forms = sorted(swaps, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in forms) + r")\b")
    return pattern.sub(lambda m: swaps[m.group(1)], text)


def variant(template: Template, rng: random.Random, pool: list[Country]) -> dict[str, Any]:
    """One article: countries swapped, people renamed, dates moved, cut after a paragraph."""
    years = rng.randint(-12, 12)
    swaps = {**_country_swaps(template, rng, pool), **_people_swaps(template, rng)}
    paragraphs = template.text.split("\n")
    keep = max(3, round(len(paragraphs) * rng.uniform(0.5, 1.0)))
    text = _replace("\n".join(paragraphs[:keep]), swaps)
    text = YEAR.sub(lambda m: str(int(m.group(1)) + years), text)
    published = template.published and template.published + timedelta(weeks=52 * years)
    title = _replace(template.title, swaps) if template.title else None
    return {"text": text, "published": published.isoformat() if published else None,
            "title": title}


def generate(n: int, seed: int = 7, dev_dir: Path = DEV_DIR) -> list[dict[str, Any]]:
    """n distinct articles (as POST /articles bodies), the same for the same seed."""
    rng = random.Random(seed)
    found, pool = templates(dev_dir), _pool()
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for template in _cycle(found):
        if len(out) == n:
            break
        article = variant(template, rng, pool)
        if article["text"] not in seen:
            seen.add(article["text"])
            out.append({**article, "source": "bench", "url": f"https://bench.example/{seed}/"
                        f"{len(out)}"})
    return out


def _cycle(found: list[Template]) -> Iterator[Template]:
    while True:
        yield from found
