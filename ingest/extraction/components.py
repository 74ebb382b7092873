"""The spaCy components diplograph adds to a pipeline (all registered here)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ingest.extraction.lexicon import load_lexicon
from reference.gazetteer import load_gazetteer

REFS = "dg_refs"  # countries, capitals, seats, organisations, outlets (label = surface text)
TITLES = "dg_titles"  # titles of office (label = the title as matched)
TRIGGERS = "dg_triggers"  # meeting words and phrases (label = the lower-case phrase)


def build_matcher(nlp: Language, phrases: Iterable[str], attr: str) -> PhraseMatcher:
    """One PhraseMatcher whose match ids are the phrases themselves."""
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for phrase in sorted(set(phrases)):
        matcher.add(phrase, [nlp.make_doc(phrase)])
    return matcher


class Annotator:
    """Marks reference-data names, titles and meeting triggers on the Doc as span groups."""

    def __init__(self, nlp: Language) -> None:
        gaz = load_gazetteer()
        lex = load_lexicon()
        self.refs = build_matcher(nlp, gaz.surfaces, "ORTH")
        self.titles = build_matcher(nlp, gaz.titles, "LOWER")
        self.triggers = build_matcher(nlp, [*lex.verbs, *lex.nouns, *lex.idioms], "LOWER")

    def spans(self, doc: Doc, matcher: PhraseMatcher, longest: bool) -> list[Span]:
        """Matches as labelled spans, optionally keeping only the longest of overlaps."""
        found = [Span(doc, s, e, label=m) for m, s, e in matcher(doc)]
        return filter_spans(found) if longest else found

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[REFS] = self.spans(doc, self.refs, longest=True)
        doc.spans[TITLES] = self.spans(doc, self.titles, longest=True)
        doc.spans[TRIGGERS] = self.spans(doc, self.triggers, longest=True)
        return doc


@Language.factory(
    "diplograph_annotator",
    requires=["token.dep", "token.pos"],
    assigns=["doc.spans"],
)
def make_annotator(nlp: Language, name: str) -> Annotator:
    """Factory for the Annotator component."""
    return Annotator(nlp)
