"""Hand-built extraction records and articles for the writer, queue and query tests."""

from __future__ import annotations

from graph.articles import NewArticle
from graph.records import Entity, Extraction, Issue, Meeting, Participant, Relation, Role

VERSION = "test-1"

JAPAN = Entity(name="Japan", type="Country", iso3="JPN", aliases=("Japanese", "Tokyo"))
NORTH_KOREA = Entity(name="North Korea", type="Country", iso3="PRK",
                     aliases=("DPRK", "North Korean", "Pyongyang"))
CHINA = Entity(name="China", type="Country", iso3="CHN", aliases=("Chinese",))
SOUTH_KOREA = Entity(name="South Korea", type="Country", iso3="KOR", aliases=("ROK",))
BEIJING = Entity(name="Beijing", type="City", country="China")
KIM = Entity(name="Kim Jong Un", type="Person", aliases=("Kim",), country="North Korea")


def article(n: int = 1, url: str | None = None, **kw: object) -> NewArticle:
    text = f"Article {n}: Japanese and North Korean officials held talks in Beijing."
    return NewArticle(text=text, url=url, title=f"Talks {n}", source="test", **kw)  # type: ignore[arg-type]


def meeting(sides: tuple[str, ...] = ("Japan", "North Korea"), date: str | None = "2012-08-29",
            precision: str | None = "day", place: str | None = "Beijing",
            issues: tuple[str, ...] = ("abductions",), start: int = 0) -> Meeting:
    return Meeting(
        evidence="Japanese and North Korean officials held talks in Beijing.", start=start,
        end=start + 58, participants=tuple(Participant(name=s, type="Country") for s in sides),
        countries=sides, location=place, location_country="China" if place else None,
        date=date, date_precision=precision,
        kind="talks", status="held", confidence=0.9, issues=issues)


def extraction(*meetings: Meeting, version: str = VERSION) -> Extraction:
    return Extraction(
        entities=(JAPAN, NORTH_KOREA, CHINA, SOUTH_KOREA, BEIJING, KIM),
        meetings=meetings or (meeting(),),
        roles=(Role(person="Kim Jong Un", title="leader", country="North Korea",
                    evidence="North Korean leader Kim Jong Un", start=0, end=30),),
        issues=(Issue(name="abductions", countries=("Japan", "North Korea")),),
        relations=(Relation(a="Japan", b="North Korea", type="NO_DIPLOMATIC_RELATIONS",
                            evidence="Japan has no diplomatic relations with North Korea.",
                            start=60, end=110),),
        extractor_version=version)
