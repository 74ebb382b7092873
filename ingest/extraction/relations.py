"""Standing relations stated plainly: alliances and the absence of diplomatic relations."""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.records import Relation, RelationType
from ingest.extraction.facts import DocFacts
from ingest.extraction.lexicon import cue_words

ALLY_WORDS = cue_words("ally_words")
RELATION_WORDS = cue_words("relation_words")
COLLECTIVE = cue_words("collective_nouns")


def countries_in(facts: DocFacts, tokens: set[int]) -> list[str]:
    """Country names mentioned on the given tokens, in order, without repeats."""
    names: list[str] = []
    for m in facts.in_sent(facts.doc[min(tokens)].sent) if tokens else []:
        if m.kind == "country" and m.start in tokens and m.name not in names:
            names.append(m.name)
    return names


def subject_tokens(tok: Token) -> set[int]:
    """Who the predicate noun is said of: the clause subject, or the noun a relative
    clause or apposition hangs on."""
    head = tok.head if tok.dep_ in ("attr", "appos") else tok
    if tok.dep_ == "appos":
        return {t.i for t in head.subtree if t.i < tok.i}
    subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and subj[0].lower_ in ("which", "that", "who") and head.dep_ == "relcl":
        return {t.i for t in head.head.subtree if t.i < head.i}
    return {t.i for s in subj for t in s.subtree}


def negated(tok: Token) -> bool:
    """ "is not an ally", "no longer an ally"."""
    return any(c.dep_ == "neg" or c.lower_ in ("no", "longer", "former")
               for c in [*tok.children, *tok.head.children])


def alliances(facts: DocFacts, sent: Span) -> list[tuple[str, str, Token]]:
    """ "Japan, a close ally of the United States" / "X is America's ally"."""
    out: list[tuple[str, str, Token]] = []
    for tok in sent:
        if tok.lower_ not in ALLY_WORDS or tok.pos_ != "NOUN" or negated(tok):
            continue
        of = {t.i for c in tok.children if c.dep_ in ("prep", "poss") for t in c.subtree}
        partners, members = countries_in(facts, of), countries_in(facts, subject_tokens(tok))
        out += [(a, b, tok) for a in members[:1] for b in partners[:1] if a != b]
    return out


def estranged(facts: DocFacts, sent: Span) -> list[tuple[str, str, Token]]:
    """ "The two countries have no diplomatic relations"."""
    for tok in sent:
        if tok.lower_ in RELATION_WORDS and any(c.lower_ == "diplomatic" for c in tok.children) \
                and any(c.lower_ in ("no", "not", "never") for c in [*tok.children,
                                                                    *tok.head.children]):
            named = countries_in(facts, {t.i for t in sent})
            if any(t.lower_ in COLLECTIVE for t in sent) and len(named) < 2:
                named = facts.pair
            if len(named) == 2:
                return [(named[0], named[1], tok)]
    return []


def find_relations(facts: DocFacts) -> list[Relation]:
    """Every plainly stated alliance or absence of relations."""
    out: list[Relation] = []
    for sent in facts.doc.sents:
        found: list[tuple[str, str, RelationType]] = [
            (a, b, "ALLY_OF") for a, b, _ in alliances(facts, sent)]
        found += [(a, b, "NO_DIPLOMATIC_RELATIONS") for a, b, _ in estranged(facts, sent)]
        for a, b, kind in found:
            text, start, end = facts.evidence(sent)
            out.append(Relation(evidence=text, start=start, end=end, a=a, b=b, type=kind))
    return out
