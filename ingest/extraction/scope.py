"""Scope: which tokens of a sentence belong to the clause a meeting trigger sits in."""

from __future__ import annotations

from spacy.tokens import Token

# Dependents that open a clause of their own (a purpose, a report, a relative clause).
BARRIERS = frozenset({"advcl", "ccomp", "relcl", "acl", "xcomp", "parataxis"})
# Reporting verbs whose subject is a speaker, not a party.
REPORTING = frozenset({"say", "says", "said", "saying", "tell", "told", "report", "reported",
                       "reports", "announce", "announced", "add", "added", "note", "noted"})


def clause_head(tok: Token) -> Token:
    """The verb governing a trigger (the trigger itself when it is a verb)."""
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.head is not head:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else tok.sent.root


def scope(trigger: Token) -> set[int]:
    """Token indices of the trigger's clause, without embedded clauses it is not in."""
    head = clause_head(trigger)
    inside = {t.i for t in head.subtree}
    for child in head.children:
        if child.dep_ in BARRIERS and trigger.i not in {t.i for t in child.subtree}:
            inside -= {t.i for t in child.subtree}
    if head.dep_ in ("xcomp", "conj", "advcl") and head.head.lower_ not in REPORTING:
        inside |= subjects(head.head)
    return inside


def subjects(verb: Token) -> set[int]:
    """The subject phrase of a verb (shared by an xcomp or conjoined verb)."""
    out: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            out |= {t.i for t in child.subtree}
    return out
