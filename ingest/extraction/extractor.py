"""The extractor's entry points: Doc + article in, Extraction out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from graph.records import ArticleText, Extraction, Issue, Meeting
from ingest.extraction.facts import DocFacts
from ingest.extraction.issues import find_issues
from ingest.extraction.learned.candidates import find_events
from ingest.extraction.learned.decode import decide
from ingest.extraction.learned.linear import Model, load_model
from ingest.extraction.lexicon import load_lexicon
from ingest.extraction.meetings import Draft, find_drafts
from ingest.extraction.mentions import find_mentions
from ingest.extraction.merge import merge
from ingest.extraction.people import find_people, residue_lines, within
from ingest.extraction.records_out import to_entities, to_meeting, to_roles
from ingest.extraction.relations import find_relations
from ingest.extraction.roles import find_roles
from ingest.extraction.text import prepare
from ingest.extraction.triggers import find_triggers
from ingest.extraction.version import EXTRACTOR_VERSION
from reference.gazetteer import load_gazetteer


def read_facts(doc: Doc, article: ArticleText) -> DocFacts:
    """Mentions, people and roles of one annotated Doc."""
    gaz, lex = load_gazetteer(), load_lexicon()
    residue = residue_lines(doc)  # teasers and captions name other stories' parties and places
    mentions = [m for m in find_mentions(doc, gaz, lex, article.published)
                if not within(residue, doc[m.start].idx)]
    people = find_people(doc, gaz)
    parties = [m for m in mentions if m.kind in ("country", "org")]
    places = [m for m in mentions if m.kind == "place"]
    roles = find_roles(doc, people, parties, places)
    source = article.text if len(article.text) >= len(doc.text) else doc.text
    return DocFacts(doc, article.published, gaz, lex, mentions, people, roles, source,
                    residue=residue)


# How many tokens around a meeting's sentence an issue may be raised and still be its topic.
ISSUE_WINDOW = 120


# How far (tokens) from a visit's sentence a city may be named and still be where it went: a
# city the article names only in another part of the story is some other stop or event.
SHARPEN_WINDOW = 150


def sharpen_visit(facts: DocFacts, draft: Draft) -> None:
    """A visit placed only in a country goes to the one city of that country named as a place
    near it ("a visit to Kenya" … "in Nairobi")."""
    place = draft.place
    if draft.kind != "visit" or place is None or place.name != place.country:
        return
    lo, hi = draft.sent.start - SHARPEN_WINDOW, draft.sent.end + SHARPEN_WINDOW
    cities = {m.name: m for m in facts.mentions if m.kind == "place" and m.country == place.country
              and m.name != place.country and m.surface in ("capital", "ner")
              and lo <= m.start < hi}
    if len(cities) == 1:
        draft.place = next(iter(cities.values()))


def issues_for(draft: Draft, issues: list[tuple[Issue, int]]) -> tuple[str, ...]:
    """Issues raised in the meeting's sentence, or near it between the meeting's countries."""
    sides = {n for n, k in draft.parties.sides.items() if k == "Country"}
    near = range(draft.sent.start - ISSUE_WINDOW, draft.sent.end + ISSUE_WINDOW)
    return tuple(i.name for i, sent in issues if sent == draft.sent.start or (
        len(sides) >= 2 and sides <= set(i.countries) and sent in near))


def assemble(facts: DocFacts, drafts: list[Draft], model: Model | None = None) -> Extraction:
    """The Extraction record of an article's facts and its merged meeting drafts (roles rated
    by `model`, else the committed one)."""
    for draft in drafts:
        sharpen_visit(facts, draft)
    issues = find_issues(facts)
    meetings: list[Meeting] = [to_meeting(facts, d, issues_for(d, issues)) for d in drafts]
    return Extraction(
        entities=to_entities(facts), meetings=tuple(meetings),
        roles=to_roles(facts, (model or load_model()).role),
        issues=tuple(i for i, _ in issues), relations=tuple(find_relations(facts)),
        extractor_version=EXTRACTOR_VERSION,
    )


def extract(doc: Doc, article: ArticleText) -> Extraction:
    """Everything one article yields (pure: reads the Doc, returns records): every trigger
    is a candidate, and the learned model decides meeting, parties, place and date."""
    facts = read_facts(doc, article)
    model = load_model()
    return assemble(facts, decide(facts, find_events(facts, article.title), model), model)


def extract_by_rules(doc: Doc, article: ArticleText) -> Extraction:
    """The rules alone (the features' source), for comparison."""
    facts = read_facts(doc, article)
    return assemble(facts, merge(find_drafts(facts, find_triggers(doc, facts.lex))))


def extract_many(nlp: Language, articles: Iterable[ArticleText], batch_size: int = 32,
                 on_start: Callable[[int], None] | None = None) -> Iterator[Extraction]:
    """Extract from many articles, parsing them in batches with nlp.pipe; `on_start(k)` is
    called once article k is parsed, before its rules run (the supervisor's progress marks)."""
    pairs = ((prepare(a.text), a) for a in articles)
    for k, (doc, article) in enumerate(nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)):
        if on_start is not None:
            on_start(k)
        yield extract(doc, article)


def extract_article(nlp: Language, article: ArticleText) -> Extraction:
    """Extract from one article."""
    return extract(nlp(prepare(article.text)), article)
