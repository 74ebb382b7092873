"""One meeting or several: "A met B, C and D" is three bilateral meetings, a summit is one."""

from __future__ import annotations

from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.candidates import Event
from ingest.extraction.learned.linear import Features, word
from ingest.extraction.lexicon import cue_words
from ingest.extraction.meetings import split_bilateral
from ingest.extraction.parties import Parties
from ingest.extraction.scope import clause_head, subject_of

GROUP_WORDS = cue_words("group_meeting_words")


def split_feats(facts: DocFacts, ev: Event, parties: Parties) -> Features:
    """Whether the sides met as one group or the subject's side met each of the others."""
    doc = facts.doc
    verb = clause_head(ev.trig.root(doc))
    subj = subject_of(verb)
    in_subj = sum(1 for n, i in parties.where.items() if i in subj)
    f: Features = {"bias_split": 1.0, f"skind={ev.trig.kind}": 1.0,
                   f"strig={doc[ev.trig.start:ev.trig.end].text.lower()}": 1.0,
                   f"sides={min(parties.countable, 6)}": 1.0, f"in_subj={min(in_subj, 3)}": 1.0,
                   f"smod={ev.trig.modality}": 1.0,
                   "rule_split": float(len(split_bilateral(facts, ev.trig, parties)) > 1),
                   "orgs": float("Organization" in parties.sides.values())}
    for tok in ev.sent:
        if tok.lower_ in GROUP_WORDS:
            f[f"sword={word(tok)}"] = 1.0
    return f


def hub(facts: DocFacts, ev: Event, parties: Parties, prominence: dict[str, int]) -> str:
    """The side meeting each of the others: the subject's (not an envoy's portfolio named in
    it), else the article's most named."""
    subj = subject_of(clause_head(ev.trig.root(facts.doc)))
    named = [n for n, i in parties.where.items()
             if i in subj and not (0 <= i < len(facts.doc) and facts.portfolio(facts.doc[i]))]
    pool = named or list(parties.sides)
    return min(pool, key=lambda n: (prominence.get(n, 99), list(parties.sides).index(n)))


def star(facts: DocFacts, parties: Parties, centre: str) -> list[Parties]:
    """One bilateral meeting of the centre with each other side."""
    return [parties.only({centre, other}, facts.person_country)
            for other in parties.sides if other != centre]
