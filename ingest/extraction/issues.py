"""Issues: matters raised between countries, and the meetings that discussed them."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from graph.records import Issue
from ingest.extraction.components import TITLES
from ingest.extraction.facts import DocFacts
from ingest.extraction.lexicon import cue_words

# Words after which an issue is named ("at odds over X", "issues including X and Y").
INTRODUCERS = cue_words("issue_introducers")
# Verbs whose object is the matter raised ("discussed X", "raised X").
RAISING = cue_words("raising_verbs")
# Generic heads that only announce issues ("numerous issues including …").
GENERIC = cue_words("generic_issue_heads")
# Nouns that mark a sentence as being about issues between parties.
ISSUE_CUES = cue_words("issue_cues")
STOP_HEADS = cue_words("non_issue_heads")


# Heads that make a phrase a time, not a matter ("Thursday evening", "the Easter weekend").
TIME_HEADS = cue_words("time_heads")


def is_matter(chunk: Span, titled: set[int]) -> bool:
    """An issue is a matter under discussion: never a date or time, never a person's title
    ("Thursday evening", "the Saudi crown prince")."""
    root = chunk.root
    if root.lower_ in TIME_HEADS | STOP_HEADS or root.ent_type_ in ("DATE", "TIME"):
        return False
    if root.ent_type_ == "PERSON":
        return False
    return not any(t.i in titled for t in chunk)


def headed_chunks(sent: Span, heads: frozenset[str]) -> list[Span]:
    """Noun phrases headed by an issue noun with a modifier ("the abduction issue",
    "Iran's nuclear program", "the trade embargo")."""
    out: list[Span] = []
    for tok in sent:
        deps = ("compound", "prep") if tok.lower_ in GENERIC else ("compound", "amod", "poss",
                                                                     "prep")
        if tok.lower_ in heads and tok.pos_ == "NOUN" and any(
                c.dep_ in deps and c.lower_ != "for" for c in tok.children):
            out.append(phrase(tok))
    return out


def issue_chunks(sent: Span, heads: frozenset[str]) -> list[Span]:
    """Noun phrases introduced by "over", "including" … in an issue-bearing sentence."""
    out: list[Span] = headed_chunks(sent, heads)
    if not any(t.lower_ in ISSUE_CUES for t in sent):
        return out
    for tok in sent:
        if tok.lower_ in INTRODUCERS and tok.dep_ == "prep":
            objects = [c for c in tok.children if c.dep_ == "pobj"]
        elif tok.lower_ in RAISING:
            objects = [c for c in tok.children if c.dep_ == "dobj"]
        else:
            continue
        for obj in objects:
            if obj.pos_ == "NOUN" and obj.lower_ not in STOP_HEADS | GENERIC:
                out.append(phrase(obj))
            out += [phrase(c) for c in obj.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    return out


def phrase(head: Token) -> Span:
    """The noun phrase under a head, cut before clauses, appositions and conjuncts."""
    end = head.right_edge.i + 1
    for child in head.children:
        if child.i > head.i and child.dep_ in ("relcl", "acl", "cc", "conj", "punct", "appos"):
            end = min(end, child.left_edge.i)
    return head.doc[head.left_edge.i:min(end, head.left_edge.i + 12)]


def clean(text: str) -> str:
    """One line, without leading articles or trailing function words."""
    text = re.sub(r"\s+", " ", text.strip(" ,.;:\"'“”"))
    text = re.sub(r"^[“\"']?(the|a|an|its|their|his|her|our|some|numerous|several|many|"
                  r"each other's|each other’s)\s+", "", text, flags=re.I)
    text = text.lstrip("“\"'")
    return re.sub(r"\s+(and|or|the|a|of|to|in)$", "", text, flags=re.I)


def find_issues(facts: DocFacts) -> list[tuple[Issue, int]]:
    """Issues with the countries they lie between and the sentence they were read in."""
    found: dict[str, tuple[Issue, int]] = {}
    titled = {i for t in facts.doc.spans[TITLES] for i in range(t.start, t.end)}
    for sent in facts.doc.sents:
        countries = sorted({m.name for m in facts.in_sent(sent) if m.kind == "country"})
        if len(countries) == 1 and countries[0] in facts.pair:
            countries = sorted(facts.pair)
        if len(countries) < 2:
            continue
        for chunk in issue_chunks(sent, facts.lex.issue_heads):
            if not is_matter(chunk, titled):
                continue
            name = clean(chunk.text)
            if 2 <= len(name.split()) <= 14 and not any(
                    name.lower() in k or k in name.lower() for k in found):
                found[name.lower()] = (Issue(name=name, countries=tuple(countries)), sent.start)
    return list(found.values())
