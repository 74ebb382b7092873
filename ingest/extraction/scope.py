"""Scope: which tokens of a sentence hold the parties of a meeting trigger."""

from __future__ import annotations

from spacy.tokens import Token

from ingest.extraction.lexicon import cue_words
from ingest.extraction.walk import is_root, up

# Dependents that open a clause of their own (a purpose, a report, a relative clause).
BARRIERS = frozenset({"advcl", "ccomp", "relcl", "acl", "xcomp", "parataxis", "csubj"})
# Argument slots of a governing verb that may name parties of a nominal trigger.
VERB_ARGS = frozenset({"nsubj", "nsubjpass", "prep", "agent", "dative"})
# Ways a verb trigger borrows the subject of the verb it depends on ("agreed to meet").
# Verbs whose subject arranges a meeting of others ("Norway brokered talks between …").
MEDIATING = cue_words("mediating")
# Prepositions that make a nominal trigger part of its verb's event ("held talks", "by phone").
MANNER = cue_words("manner_prepositions")
BORROW = frozenset({"xcomp", "conj", "advcl", "pcomp"})


def clause_head(tok: Token) -> Token:
    """The verb governing a trigger (the trigger itself when it is a verb)."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    return next((h for h in up(tok) if h.pos_ in ("VERB", "AUX")), tok)


def opens_clause(tok: Token) -> bool:
    """An embedded clause, or a second verb of a coordination (its own event)."""
    return tok.dep_ in BARRIERS or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"))


def phrase(root: Token, keep: Token | None = None) -> set[int]:
    """A subtree without the embedded clauses (unless they contain `keep`)."""
    out: set[int] = set()
    for tok in root.subtree:
        path = [tok, *(a for a in tok.ancestors if root.is_ancestor(a))]
        if any(opens_clause(t) and t.i != root.i and not (
                keep is not None and (t.is_ancestor(keep) or t.i == keep.i)) for t in path):
            continue
        out.add(tok.i)
    return out


def misparsed_name(tok: Token) -> bool:
    """A name read as a modal ("May is due to …", "May had met …"): it is the subject."""
    if tok.tag_ != "MD" or not tok.text[:1].isupper() or tok.i + 1 >= len(tok.doc):
        return False
    after = tok.doc[tok.i + 1]
    return tok.ent_type_ == "PERSON" or after.tag_ in ("VBZ", "VBD", "VBP") or (
        tok.i > tok.sent.start and tok.dep_ == "aux")


def subject_of(verb: Token) -> set[int]:
    """The subject phrase of a verb (or, for a relative clause, the noun it modifies)."""
    out: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") or misparsed_name(child):
            out |= phrase(child)
    if not out and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("PROPN", "NOUN"):
        out |= phrase(verb.head)
    return out


def borrowed_subject(verb: Token) -> set[int]:
    """The subject a verb without one shares with the clause above it (a few levels up)."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in BORROW | {"prep", "pcomp", "pobj", "acomp"} or is_root(tok):
            return set()
        tok = tok.head
        found = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else set()
        if found:
            return found
    return set()


def verb_scope(verb: Token) -> set[int]:
    """A verb trigger: its clause, plus a borrowed subject ("agreed to meet", "arrived and met")."""
    inside = phrase(verb)
    if not subject_of(verb):
        inside |= borrowed_subject(verb)
    return inside


def noun_scope(noun: Token) -> set[int]:
    """A nominal trigger: its phrase, and the governing verb's arguments when it is an object
    ("X held talks with Y") or an adjunct ("after talks with Y, X said")."""
    inside = phrase(noun)
    verb = clause_head(noun)
    if verb.i == noun.i or noun.dep_ in ("nsubj", "nsubjpass"):
        return inside
    as_object = noun.dep_ in ("dobj", "attr") or (
        noun.dep_ == "pobj" and noun.head.lower_ in MANNER and noun.head.head.i == verb.i)
    for child in verb.children:
        if child.is_ancestor(noun) or child.i == noun.i:
            continue
        if child.dep_ == "nsubj" and verb.lower_ in MEDIATING:
            continue
        if child.dep_ in ("nsubj", "nsubjpass") or (as_object and child.dep_ in VERB_ARGS):
            inside |= phrase(child)
    if not subject_of(verb):
        inside |= borrowed_subject(verb)
    return inside


def scope(trigger: Token) -> set[int]:
    """Token indices that may name the parties of the meeting `trigger` reports."""
    if trigger.pos_ in ("VERB", "AUX"):
        return verb_scope(trigger)
    return noun_scope(trigger)
