"""Issues: matters raised between countries, and the meetings that discussed them."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from graph.records import Issue
from ingest.extraction.facts import DocFacts

# Words after which an issue is named ("at odds over X", "issues including X and Y").
INTRODUCERS = frozenset({"over", "including", "about", "regarding", "concerning", "on"})
# Nouns that mark a sentence as being about issues between parties.
ISSUE_CUES = frozenset({"issue", "issues", "dispute", "disputes", "odds", "row", "problem",
                        "problems", "discuss", "discussed", "discussing", "talks", "tension",
                        "tensions", "concern", "concerns", "question", "matter", "protest",
                        "raised", "raise", "agenda", "focus", "focused", "differences"})
STOP_HEADS = frozenset({"day", "days", "week", "weeks", "year", "years", "time", "way",
                        "phone", "television", "behalf", "condition", "he", "she", "it",
                        "they", "we", "record", "saturday", "sunday", "monday", "tuesday",
                        "wednesday", "thursday", "friday"})


def issue_chunks(sent: Span) -> list[Span]:
    """Noun phrases introduced by "over", "including" … in an issue-bearing sentence."""
    if not any(t.lower_ in ISSUE_CUES for t in sent):
        return []
    out: list[Span] = []
    for tok in sent:
        if tok.lower_ not in INTRODUCERS or tok.dep_ != "prep":
            continue
        for obj in (c for c in tok.children if c.dep_ == "pobj"):
            if obj.pos_ in ("NOUN", "PROPN") and obj.lower_ not in STOP_HEADS:
                out.append(phrase(obj))
                out += [phrase(c) for c in obj.children if c.dep_ == "conj"]
    return out


def phrase(head: Token) -> Span:
    """The noun phrase under a head, cut before clauses, appositions and conjuncts."""
    end = head.right_edge.i + 1
    for child in head.children:
        if child.i > head.i and child.dep_ in ("relcl", "acl", "cc", "conj", "punct", "appos"):
            end = min(end, child.left_edge.i)
    return head.doc[head.left_edge.i:min(end, head.left_edge.i + 12)]


def clean(text: str) -> str:
    """Drop leading articles and possessive determiners."""
    return re.sub(r"^(the|a|an|its|their|his|her|our)\s+", "", text.strip(" ,.;:\"'"), flags=re.I)


def find_issues(facts: DocFacts) -> list[tuple[Issue, int]]:
    """Issues with the countries they lie between and the sentence they were read in."""
    found: dict[str, tuple[Issue, int]] = {}
    for sent in facts.doc.sents:
        countries = sorted({m.name for m in facts.in_sent(sent) if m.kind == "country"}
                           | {m.country for m in facts.in_sent(sent)
                              if m.kind == "place" and m.country})
        if not countries:
            continue
        for chunk in issue_chunks(sent):
            name = clean(chunk.text)
            if len(name.split()) >= 2 and name.lower() not in found:
                found[name.lower()] = (Issue(name=name, countries=tuple(countries)), sent.start)
    return list(found.values())
