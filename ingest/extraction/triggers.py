"""Meeting triggers: the words that report an encounter, with their kind and modality."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from ingest.extraction.components import TRIGGERS
from ingest.extraction.lexicon import Lexicon, cue_words
from ingest.extraction.scope import misparsed_name
from ingest.extraction.walk import is_root, up

Modality = Literal["held", "planned", "negated", "hypothetical"]

CHAIN_DEPS = frozenset({"xcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "acomp", "pcomp",
                        "attr", "compound", "amod", "npadvmod", "auxpass"})
PLAN_WORDS = cue_words("plan_words")
# Prepositions of time whose phrase reports a meeting in passing ("during talks", "after
# meeting X"): the governing verb's mood is not the meeting's.
ADJUNCTS = cue_words("time_adjuncts")
PLAN_DEPS = frozenset({"aux", "auxpass", "amod", "acl", "advmod", "npadvmod"})
FUTURE_AUX = cue_words("future_auxiliaries")
HYPO_MODALS = cue_words("hypothetical_modals")
HYPO_WORDS = cue_words("hypothetical_words")
HYPO_DEPS = frozenset({"amod", "aux", "advmod", "acomp", "det", "neg", "npadvmod"})
BE = cue_words("be_forms")
MARKS = cue_words("condition_marks")
NEED_OBJECT = frozenset({"host", "phone_call"})
SPEND = cue_words("spend_forms")
PEOPLE_NOUNS = cue_words("people_nouns")
SAYING_VERBS = cue_words("saying_verbs")
NEGATIVE_DETERMINERS = cue_words("negative_determiners")
# Trigger words that report an encounter only before one of FOLLOWING_PREPOSITIONS ("a stop in
# Rome", "a call with X", not "put a stop to").
NEED_PREPOSITION = cue_words("need_preposition")
FOLLOWING_PREPOSITIONS = cue_words("following_prepositions")


@dataclass(frozen=True)
class Trigger:
    """One meeting word or phrase in context."""

    start: int
    end: int
    kind: str  # a MeetingKind, or "host" for a visit told from the host's side
    is_verb: bool
    modality: Modality
    governor: int | None = None  # root token of the trigger whose clause holds this one

    def root(self, doc: Doc) -> Token:
        """The token the phrase hangs on."""
        return doc[self.start:self.end].root


def chain(tok: Token, limit: int = 4, through_adjuncts: bool = False) -> list[Token]:
    """The trigger and the few heads that govern it (to find negation and modality)."""
    out = [tok]
    while (tok.dep_ in CHAIN_DEPS or shared_conjunct(tok)) and not is_root(tok) \
            and len(out) <= limit and (through_adjuncts or not (
                tok.dep_ == "pobj" and tok.head.lower_ in ADJUNCTS)):
        tok = tok.head
        out.append(tok)
    return out


def shared_conjunct(tok: Token) -> bool:
    """A conjoined verb without its own subject or auxiliary shares the first one's mood."""
    return tok.dep_ == "conj" and tok.pos_ == "VERB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


def blocked(tokens: list[Token], lex: Lexicon) -> bool:
    """Negated or blocked: "no talks", "refused to meet", "called off the visit"."""
    for tok in tokens:
        if any(c.dep_ == "neg" or c.lower_ in NEGATIVE_DETERMINERS for c in tok.children):
            return True
        particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
        if tok.lower_ in lex.blocking_verbs or f"{tok.lower_} {particle}" in lex.blocking_verbs:
            return True
        if tok.dep_ == "prep" and f"{tok.head.lower_} {tok.lower_}" in lex.blocking_verbs:
            return True
    return False


def hypothetical(tokens: list[Token]) -> bool:
    """Only possible: "could meet", "willing to meet", "if they meet", "possible talks"."""
    for tok in tokens:
        kids = list(tok.children)
        if any(c.lower_ in HYPO_MODALS and c.dep_ == "aux" and c.tag_ == "MD"
               and not misparsed_name(c) for c in kids):
            return True
        if any(c.lower_ in MARKS and c.dep_ in ("mark", "advmod") for c in kids):
            return True
        if tok.lower_ in HYPO_WORDS or any(c.lower_ in HYPO_WORDS for c in kids
                                           if c.dep_ in HYPO_DEPS):
            return True
        if tok.lower_ == "would" or any(c.lower_ == "would" for c in kids):
            return not reported(tok)
    return False


def reported(tok: Token) -> bool:
    """ "said they would meet": a reported plan, not a hypothesis."""
    head = tok
    for above in up(tok):
        if head.dep_ in ("ccomp", "ROOT"):
            break
        head = above
    return head.dep_ == "ccomp" and head.head.lower_ in SAYING_VERBS


def planned(tokens: list[Token]) -> bool:
    """Scheduled or future: "will meet", "talks scheduled for", "is to visit"."""
    for tok in tokens:
        kids = list(tok.children)
        if any(c.lower_ in FUTURE_AUX or c.lower_ == "would" for c in kids if c.dep_ == "aux"):
            return True
        if tok.lower_ in PLAN_WORDS or any(c.lower_ in PLAN_WORDS for c in kids
                                           if c.dep_ in PLAN_DEPS):
            return True
        if (tok.tag_ == "VB" and tok.dep_ == "xcomp" and tok.head.lower_ in BE
                and any(c.lower_ == "to" and c.dep_ == "aux" for c in kids)):
            return True
    return False


def host_meeting(top: Token, lex: Lexicon) -> list[Token]:
    """The meeting noun a relative clause hangs on, directly or on its destination ("a visit
    to Lima, where he was due to meet Y"), with its chain: a cancelled visit cancels what it
    was for."""
    if top.dep_ not in ("relcl", "acl"):
        return []
    noun = top.head
    for _ in range(2):
        if noun.lower_ in lex.nouns or noun.dep_ not in ("pobj", "prep"):
            break
        noun = noun.head
    return chain(noun) if noun.lower_ in lex.nouns else []


def modality(tok: Token, lex: Lexicon) -> Modality:
    """Held, planned, negated or only hypothetical (a condition or modal reaches through
    "after talks" adjuncts; refusals and plans of the main clause do not)."""
    tokens = chain(tok)
    if blocked(tokens + host_meeting(tokens[-1], lex), lex):
        return "negated"
    if hypothetical(chain(tok, limit=6, through_adjuncts=True)):
        return "hypothetical"
    return "planned" if planned(tokens) else "held"


def kind_of(span: Span, lex: Lexicon) -> tuple[str | None, bool]:
    """The meeting kind of a trigger phrase, read as a verb or as a noun."""
    is_verb = span.root.pos_ in ("VERB", "AUX")
    phrase = span.label_
    first, second = (lex.verbs, lex.nouns) if is_verb else (lex.nouns, lex.verbs)
    return first.get(phrase) or second.get(phrase), is_verb


def usable(span: Span, kind: str, is_verb: bool) -> bool:
    """Drop readings that are not encounters ("received a letter", "put a stop to")."""
    root = span.root
    if kind in NEED_OBJECT and is_verb:
        kids = list(root.children)
        objects = [c for c in kids if c.dep_ in ("dobj", "dative") and someone(c)]
        objects += [g for c in kids if c.dep_ == "prep" for g in c.children if someone(g)]
        return bool(objects) and not any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in kids)
    if span.label_ in SPEND:
        return any(c.dep_ == "prep" and c.lower_ == "in" for c in root.children)
    if span.label_ in NEED_PREPOSITION:
        if is_verb:  # officials gather ("ministers gathered on Monday at"), crowds do not
            return any(c.dep_ == "nsubj" and c.lower_ in PEOPLE_NOUNS for c in root.children) \
                and any(c.dep_ == "prep" and c.lower_ in FOLLOWING_PREPOSITIONS
                        for c in root.children)
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        return nxt is not None and nxt.lower_ in FOLLOWING_PREPOSITIONS
    return True


def governor(tok: Token, roots: set[int]) -> int | None:
    """The trigger whose purpose or manner clause holds this one ("met to discuss")."""
    head = tok
    for _ in range(4):
        if head.dep_ not in ("xcomp", "advcl", "acl", "pcomp", "pobj", "prep") \
                or is_root(head):
            return None
        head = head.head
        if head.i in roots:
            return head.i
    return None


def someone(tok: Token) -> bool:
    """Whether a noun names a person, a delegation or a state (not "a letter", "instructions")."""
    return (tok.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or tok.pos_ == "PROPN"
            or tok.lower_ in PEOPLE_NOUNS or tok.pos_ == "PRON")


def find_triggers(doc: Doc, lex: Lexicon) -> list[Trigger]:
    """Every meeting trigger in the Doc with its modality (idioms dropped)."""
    idioms = set(lex.idioms)
    out: list[Trigger] = []
    roots = {s.root.i for s in doc.spans[TRIGGERS] if s.label_ not in idioms}
    for span in doc.spans[TRIGGERS]:
        if span.label_ in idioms:
            continue
        kind, is_verb = kind_of(span, lex)
        if kind is None or not usable(span, kind, is_verb):
            continue
        out.append(Trigger(span.start, span.end, kind, is_verb, modality(span.root, lex),
                           governor(span.root, roots)))
    return out
