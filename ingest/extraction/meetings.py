"""Meetings: one draft per usable trigger, then merged into distinct encounters."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ingest.extraction.dates import ResolvedDate, resolve
from ingest.extraction.facts import DocFacts
from ingest.extraction.lexicon import cue_words
from ingest.extraction.mentions import Mention
from ingest.extraction.parties import Parties, gather, has_side_phrase
from ingest.extraction.scope import clause_head, scope, subject_of
from ingest.extraction.triggers import Trigger

# Words that place an undated meeting in the past rather than around publication.
BACKGROUND = cue_words("background_words")
VISITS = frozenset({"visit", "host"})
KIND_RANK = {"phone_call": 0, "summit": 1, "negotiation": 2, "visit": 3, "talks": 4,
             "meeting": 5}


@dataclass
class Draft:
    """A meeting before it becomes a record."""

    trigger: Trigger
    sent: Span
    parties: Parties
    kind: str
    status: str
    place: Mention | None
    when: ResolvedDate | None
    hosts: set[str]
    score: float | None = None  # the learned model's belief that this is a meeting
    side_scores: dict[str, float] = field(default_factory=dict)  # side → the model's belief
    # False when the date is a default (the opening's or the publication's), read in no
    # sentence near the trigger: such a date does not make another encounter
    date_read: bool = True
    joins: bool = False  # one side named at "the meeting": it joins an earlier draft
    place_sure: bool = True  # False when the place model was unsure of the place (see decode)

    @property
    def key(self) -> frozenset[str]:
        """The set of sides, used to merge drafts of one encounter."""
        return frozenset(self.parties.sides)


def place_for(facts: DocFacts, sent: Span, inside: set[int], trig: Trigger) -> Mention | None:
    """The meeting place: a locative inside the clause (else on its verb), nearest the trigger."""
    places = [m for m in facts.in_sent(sent) if m.kind == "place"
              and facts.doc[m.start:m.end].root.head.lower_ != "from"]
    for allowed in (inside, verb_locatives(trig.root(facts.doc))):
        near = [m for m in places if m.start in allowed]
        if near:
            return sharpen(facts, sent, min(near, key=lambda m: abs(m.start - trig.start)))
    return None


def sharpen(facts: DocFacts, sent: Span, place: Mention) -> Mention:
    """A country as place becomes its capital when the sentence names that capital too
    ("a visit to Peru … Lima's streets")."""
    if place.name != place.country:
        return place
    country = facts.gaz.country_by_name(place.name)
    for m in facts.in_sent(sent):
        if country and m.surface == "capital" and m.country == country.name \
                and (m.kind == "place" or facts.doc[m.start:m.end].root.dep_ == "poss"):
            return Mention("place", country.capital or place.name, m.start, m.end, "capital",
                           country.name)
    return place


def verb_locatives(tok: Token) -> set[int]:
    """Tokens of "in …" / "at …" phrases on the verb governing a trigger."""
    verb = clause_head(tok)
    return {t.i for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
            for t in c.subtree}


def other_event(tok: Token, trigger: Token) -> bool:
    """Whether a token sits in a coordinated verb's clause that does not hold the trigger."""
    return any(a.dep_ == "conj" and a.pos_ in ("VERB", "AUX") and not a.is_ancestor(trigger)
               and a.i != trigger.i for a in [tok, *tok.ancestors])


def boundary(ent: Span) -> bool:
    """ "since 1945", "until May", "for two years": a bound or a span, not the meeting's date."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return before in ("since", "until", "till", "for", "through", "throughout") or \
        ent.text.lower().startswith(("since ", "until "))


def date_for(facts: DocFacts, sent: Span, inside: set[int], trig: Trigger,
             future: bool) -> ResolvedDate | None:
    """The date nearest the trigger among the sentence's DATE expressions (own clause first)."""
    best: tuple[int, ResolvedDate] | None = None
    for ent in facts.dates_in(sent):
        if any(t.i in facts.named_tokens for t in ent) or boundary(ent):
            continue
        if ent.root.i not in inside and other_event(ent.root, trig.root(facts.doc)):
            continue
        found = resolve(ent.text, facts.published, future)
        distance = abs(ent.start - trig.start) + (0 if ent.root.i in inside else 100)
        if found is not None and (best is None or distance < best[0]):
            best = (distance, found)
    return best[1] if best else None


def add_host(facts: DocFacts, parties: Parties, place: Mention | None) -> set[str]:
    """A visit (or talks held abroad) with one side: the place's country hosts."""
    if place is None or place.country is None or place.country in parties.sides:
        return set()
    if "Country" not in parties.sides.values():
        return set()
    if parties.countable == 1:
        parties.add(place.country, "Country")
        return {place.country}
    return set()


def host_sides(doc: Doc, trig: Trigger, parties: Parties) -> set[str]:
    """Who hosts: the subject of "hosted", or the agent of "was received by"."""
    root = trig.root(doc)
    agent = [c for c in root.children if c.dep_ == "agent"]
    if agent:
        tokens = {t.i for t in agent[0].subtree}
        named = {n for n, i in parties.where.items() if i in tokens}
        return named or {next(iter(parties.sides), "")}
    return {next(iter(parties.sides), "")}


def split_bilateral(facts: DocFacts, trig: Trigger, parties: Parties) -> list[Parties]:
    """ "A held talks with B's and C's leaders": one bilateral meeting per counterpart."""
    if trig.kind in ("summit", "negotiation", "host") or parties.resolved_sides:
        return [parties]
    root = trig.root(facts.doc)
    if any(t.lower_ in ("between", "among", "trilateral", "multilateral") for t in root.subtree):
        return [parties]
    subj = subject_of(clause_head(root))
    mine = {n for n, i in parties.where.items() if i in subj and parties.sides[n] == "Country"}
    others = [n for n in parties.sides if n not in mine]
    if len(mine) != 1 or len(others) < 2:
        return [parties]
    return [parties.only(mine | {other}, facts.person_country) for other in others]


@dataclass
class Frame:
    """What the rules read around one trigger: its clause, parties, place and hosts."""

    inside: set[int]
    parties: Parties
    place: Mention | None
    hosts: set[str]
    kind: str


def frame_for(facts: DocFacts, trig: Trigger, previous: list[Draft],
              inner: list[Trigger], onward: list[Trigger]) -> Frame:
    """The rules' reading of one trigger (its clause and the triggers that clause holds;
    onward trips inside its clause are left to their own drafts)."""
    doc = facts.doc
    sent = doc[trig.start].sent
    inside = scope(trig.root(doc))
    for sub in inner:
        inside |= scope(sub.root(doc))
    for trip in onward:
        inside -= {t.i for t in trip.root(doc).subtree}
    parties = gather(facts, sent, inside)
    if has_side_phrase(sent, facts, inside) and parties.countable < 2:
        for name in side_names(facts, previous):
            parties.add(name, "Country")
        parties.resolved_sides = True
    place = place_for(facts, sent, inside, trig)
    hosts = add_host(facts, parties, place)
    if trig.kind == "host":
        hosts = host_sides(doc, trig, parties)
        guests = [n for n in parties.sides if n not in hosts]
        if len(guests) >= 2:
            parties = parties.only(set(guests), facts.person_country)
            hosts = set()
    kind = ("visit" if hosts else "meeting") if trig.kind == "host" else trig.kind
    kind = min([kind, *(t.kind for t in inner if t.kind in KIND_RANK)], key=KIND_RANK.__getitem__)
    return Frame(inside, parties, place, hosts, kind)


def draft_for(facts: DocFacts, trig: Trigger, previous: list[Draft],
              inner: list[Trigger], onward: list[Trigger]) -> list[Draft]:
    """Draft meetings from one trigger (none when fewer than two sides)."""
    f = frame_for(facts, trig, previous, inner, onward)
    if f.parties.countable < 2:
        return []
    sent = facts.doc[trig.start].sent
    when, status = timing(facts, sent, f.inside, trig)
    return [Draft(trig, sent, p, f.kind, status, f.place, when, f.hosts)
            for p in split_bilateral(facts, trig, f.parties)]


def timing(facts: DocFacts, sent: Span, inside: set[int],
           trig: Trigger) -> tuple[ResolvedDate | None, str]:
    """The meeting's date and status (a date after publication makes it planned)."""
    when = date_for(facts, sent, inside, trig, trig.modality == "planned")
    status = trig.modality
    pub = facts.published
    if when is not None and pub is not None and status == "held" and when.precision == "day" \
            and when.value > pub.isoformat():
        when = date_for(facts, sent, inside, trig, True)
        status = "planned"
    if when is None and pub is not None and status == "held" and not looks_back(sent):
        when = facts.lede_date or ResolvedDate(f"{pub.year:04d}-{pub.month:02d}", "month")
    return when, status


def looks_back(sent: Span) -> bool:
    """Background: "last met", "previously", "in the past", "former" …"""
    return any(t.lower_ in BACKGROUND for t in sent)


def side_names(facts: DocFacts, previous: list[Draft]) -> list[str]:
    """ "the two sides": the sides of the last meeting, else the article's main pair."""
    pair = facts.pair
    for draft in reversed(previous[-1:]):
        countries = [n for n, k in draft.parties.sides.items() if k == "Country"]
        if len(countries) >= 2 and set(pair) <= set(countries):
            return countries
    return pair


def absorbed(trig: Trigger, kinds: dict[int, str]) -> bool:
    """Whether a trigger belongs to the one governing it (a trip onward stays its own)."""
    if trig.governor is None or trig.governor not in kinds:
        return False
    return trig.kind not in VISITS


def nesting(facts: DocFacts, triggers: list[Trigger]) -> tuple[
        dict[int, str], dict[int, list[Trigger]], dict[int, list[Trigger]]]:
    """Trigger kinds by root token, and the triggers each one's clause absorbs or sends on."""
    kinds = {t.root(facts.doc).i: t.kind for t in triggers}
    held: dict[int, list[Trigger]] = {}
    onward: dict[int, list[Trigger]] = {}
    for t in triggers:
        if t.governor is not None and t.governor in kinds:
            (held if absorbed(t, kinds) else onward).setdefault(t.governor, []).append(t)
    return kinds, held, onward


def find_drafts(facts: DocFacts, triggers: list[Trigger]) -> list[Draft]:
    """Draft meetings for every held or planned trigger."""
    drafts: list[Draft] = []
    kinds, held, onward = nesting(facts, triggers)
    for trig in triggers:
        if trig.modality in ("negated", "hypothetical") or absorbed(trig, kinds):
            continue
        root = trig.root(facts.doc).i
        drafts += draft_for(facts, trig, drafts, held.get(root, []), onward.get(root, []))
    return drafts
