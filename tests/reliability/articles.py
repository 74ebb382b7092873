"""Small realistic articles written for these tests: varying countries, cities, people and dates.

Articles come in pairs: two outlets (different URL and wording) report the same meeting, so
concurrent workers race to merge the same Meeting node.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

# (country, demonym, capital, minister) — all in the extractor's gazetteer.
SIDES = [
    ("Japan", "Japanese", "Tokyo", "Yoko Kamikawa"),
    ("China", "Chinese", "Beijing", "Wang Yi"),
    ("France", "French", "Paris", "Catherine Colonna"),
    ("Germany", "German", "Berlin", "Annalena Baerbock"),
    ("Chile", "Chilean", "Santiago", "Alberto van Klaveren"),
    ("Peru", "Peruvian", "Lima", "Javier Gonzalez-Olaechea"),
    ("Ghana", "Ghanaian", "Accra", "Shirley Ayorkor Botchwey"),
    ("Kenya", "Kenyan", "Nairobi", "Musalia Mudavadi"),
    ("India", "Indian", "New Delhi", "Subrahmanyam Jaishankar"),
    ("Brazil", "Brazilian", "Brasilia", "Mauro Vieira"),
    ("Egypt", "Egyptian", "Cairo", "Sameh Shoukry"),
    ("Mexico", "Mexican", "Mexico City", "Alicia Barcena"),
]
ISSUES = ["trade", "migration", "climate change", "energy security", "the border dispute"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

WORDING = [
    "{m1} of {a}, {a_min}, met her {b_dem} counterpart {b_min} in {city} on {day}. "
    "The two sides discussed {issue}. Officials called the talks "
    "constructive.",
    "{a} and {b} held talks in {city} on {day}, the {a_dem} foreign ministry said. "
    "{a_min} and {b_min} focused on {issue}. No joint statement was issued.",
]


def spoken(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def meeting_of(n: int) -> dict[str, Any]:
    """The n-th meeting: a pair of countries, a capital, a distinct day."""
    a = SIDES[n % len(SIDES)]
    b = SIDES[(n // len(SIDES) + n + 1) % len(SIDES)]
    if a == b:
        b = SIDES[(SIDES.index(a) + 1) % len(SIDES)]
    host = (a, b)[n % 2]
    day = date(2015, 1, 1) + timedelta(days=3 * n)
    return {"a": a, "b": b, "city": host[2], "day": day, "issue": ISSUES[n % len(ISSUES)]}


def article(i: int, tag: str = "load") -> dict[str, Any]:
    """Article i (a POST /articles body); articles 2k and 2k+1 report meeting k."""
    m = meeting_of(i // 2)
    a, b = m["a"], m["b"]
    text = WORDING[i % 2].format(
        m1="The foreign minister", a=a[0], a_dem=a[1], a_min=a[3], b=b[0], b_dem=b[1],
        b_min=b[3], city=m["city"], day=spoken(m["day"]), issue=m["issue"])
    return {"text": text, "url": f"https://news{i % 2}.example.org/{tag}/{m['day']}/{i}",
            "title": f"{a[0]} and {b[0]} talk {m['issue']}", "source": f"Outlet {i % 2}",
            "published": str(m["day"] + timedelta(days=1))}


def articles(n: int, tag: str = "load", start: int = 0) -> list[dict[str, Any]]:
    return [article(i, tag) for i in range(start, start + n)]
