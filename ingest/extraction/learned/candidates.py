"""Candidates: every meeting trigger, with the rules' reading of it as features."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from ingest.extraction.dates import ResolvedDate
from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.context import Article
from ingest.extraction.learned.linear import Features, bucket, word
from ingest.extraction.learned.options import (
    DateOption,
    PartyOption,
    PlaceOption,
    date_options,
    party_options,
    place_options,
)
from ingest.extraction.meetings import Draft, Frame, absorbed, frame_for, nesting, timing
from ingest.extraction.parties import has_side_phrase
from ingest.extraction.people import within
from ingest.extraction.scope import clause_head
from ingest.extraction.triggers import Trigger, chain, find_triggers

# Dependents of a trigger whose word tells its mood ("no", "will", "possible", "first").
WORDS = False  # bag of sentence words: no better under grouped CV, kept off
MOOD_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "amod", "det", "mark", "prt"})


@dataclass
class Event:
    """One trigger: its sentence, features, and the options for its parties, place and date."""

    trig: Trigger
    sent: Span
    sent_no: int
    frame: Frame
    rule_ok: bool
    rule_status: str
    rule_when: ResolvedDate | None
    feats: Features = field(default_factory=dict)
    parties: list[PartyOption] = field(default_factory=list)
    places: list[PlaceOption] = field(default_factory=list)
    dates: list[DateOption] = field(default_factory=list)


def event_feats(facts: DocFacts, ev: Event) -> Features:
    """What the trigger and its sentence say about whether a meeting is reported."""
    doc, trig = facts.doc, ev.trig
    root = trig.root(doc)
    verb = clause_head(root)
    f: Features = {"bias_event": 1.0, f"kind={trig.kind}": 1.0, f"mod={trig.modality}": 1.0,
                   f"trig={doc[trig.start:trig.end].text.lower()}": 1.0,
                   f"verb={trig.is_verb}": 1.0, f"dep={root.dep_}": 1.0,
                   f"head={word(root.head)}": 1.0, f"clause={word(verb)}": 1.0,
                   f"rule_ok={ev.rule_ok}": 1.0, f"absorbed={trig.governor is not None}": 1.0,
                   f"nrule={min(ev.frame.parties.countable, 4)}": 1.0,
                   f"sent_no={min(ev.sent_no, 6)}": 1.0,
                   f"sent_len={bucket(len(ev.sent), (10, 20, 35, 60))}": 1.0,
                   "side_phrase": float(has_side_phrase(ev.sent, facts, ev.frame.inside)),
                   "people": float(bool(ev.frame.parties.people)),
                   "has_place": float(ev.frame.place is not None),
                   "has_date": float(bool(facts.dates_in(ev.sent))),
                   "quoted": float(any(t.text in ('"', "“", "”") for t in ev.sent)),
                   f"tag={verb.tag_}": 1.0}
    for tok in chain(root, limit=5, through_adjuncts=True)[1:]:
        f[f"chain={word(tok)}"] = 1.0
    for tok in (root, verb):
        for c in tok.children:
            if c.dep_ in MOOD_DEPS:
                f[f"mood={c.lower_}"] = 1.0
    f[f"kind&mod={trig.kind}&{trig.modality}"] = 1.0
    f[f"kind&rule={trig.kind}&{ev.rule_ok}"] = 1.0
    if WORDS:
        for tok in ev.sent:
            if tok.is_alpha and tok.pos_ not in ("PROPN", "NUM") and not tok.is_stop:
                f[f"w={tok.lower_}"] = 0.5
    countries = {m.name for m in facts.in_sent(ev.sent) if m.kind in ("country", "org")}
    f[f"nsent={min(len(countries), 5)}"] = 1.0
    return f


def find_events(facts: DocFacts, title: str | None) -> list[Event]:
    """Every trigger of the article as a candidate meeting, in text order."""
    # A trigger in page residue (a "READ MORE:" teaser, a video caption) reports another story.
    triggers = [t for t in find_triggers(facts.doc, facts.lex)
                if not within(facts.residue, facts.doc[t.start].idx)]
    kinds, held, onward = nesting(facts, triggers)
    art = Article(facts, title)
    sent_no = {s.start: i for i, s in enumerate(facts.doc.sents)}
    previous: list[Draft] = []
    events: list[Event] = []
    for trig in triggers:
        root = trig.root(facts.doc).i
        frame = frame_for(facts, trig, previous, held.get(root, []), onward.get(root, []))
        sent = facts.doc[trig.start].sent
        when, status = timing(facts, sent, frame.inside, trig)
        ok = (trig.modality in ("held", "planned") and not absorbed(trig, kinds)
              and frame.parties.countable >= 2)
        ev = Event(trig, sent, sent_no[sent.start], frame, ok, status, when)
        if ok:
            previous.append(Draft(trig, sent, frame.parties, frame.kind, status, frame.place,
                                  when, frame.hosts))
        ev.feats = event_feats(facts, ev)
        ev.parties = party_options(art, ev.trig, ev.frame, sent)
        ev.places = place_options(art, ev.trig, ev.frame, sent)
        ev.dates = date_options(art, ev.trig, ev.frame, sent, ev.rule_when)
        events.append(ev)
    return events
