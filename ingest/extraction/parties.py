"""Parties of a meeting: the countries, organisations and people taking part."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ingest.extraction.facts import DocFacts
from ingest.extraction.lexicon import cue_words
from ingest.extraction.people import Person

PRONOUNS = cue_words("person_pronouns")
PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss"})
# "His Highness", "Her Excellency": an office's form of address, not a pronoun for the last
# person named.
STYLES = cue_words("styles_of_address")


@dataclass
class Parties:
    """Who takes part: parties by name (→ Country | Organization) and people."""

    sides: dict[str, str] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    resolved_sides: bool = False
    where: dict[str, int] = field(default_factory=dict)  # side → token where first named

    def add(self, name: str, kind: str, token: int = -1) -> None:
        """Add a party once, keeping first-seen order."""
        self.sides.setdefault(name, kind)
        self.where.setdefault(name, token)

    def only(self, names: set[str], country_of: dict[int, str]) -> Parties:
        """A copy restricted to some sides (and the people serving them)."""
        kept = Parties(resolved_sides=self.resolved_sides)
        for name, kind in self.sides.items():
            if name in names:
                kept.add(name, kind, self.where[name])
        kept.people = [p for p in self.people if country_of.get(id(p)) in names]
        return kept

    @property
    def countable(self) -> int:
        """How many distinct sides (states, organisations) take part."""
        return len(self.sides)


def org_kind(facts: DocFacts, name: str) -> str | None:
    """ "Organization" for bodies that can be a side of a meeting, else None."""
    org = facts.gaz.organizations.get(name)
    return "Organization" if org is not None and (org.major or org.non_state) else None


def party_kind(facts: DocFacts, name: str) -> str | None:
    """Country or Organization for a party name a role points to."""
    if facts.gaz.country_by_name(name) is not None:
        return "Country"
    return org_kind(facts, name)


def gather(facts: DocFacts, sent: Span, inside: set[int]) -> Parties:
    """Parties named inside the trigger's clause."""
    parties = Parties()
    for m in facts.in_sent(sent):
        if m.start not in inside or facts.portfolio(facts.doc[m.end - 1]):
            continue
        if m.kind == "country":
            parties.add(m.name, "Country", m.start)
        elif m.kind == "org" and (kind := org_kind(facts, m.name)):
            parties.add(m.name, kind, m.start)
            add_group_home(facts, parties, m.name, m.start)
        elif m.kind == "org" and m.name in facts.gaz.organizations:
            add_group_home(facts, parties, m.name, m.start)
    for person, start in facts.people_in(sent):
        if start in inside:
            add_person(facts, parties, person, start)
    for title in facts.titles_by_sent.get(sent.start, []):
        if title.start not in inside or not unnamed(facts, title):
            continue
        holder = facts.title_holder(title.text) or facts.last_titled(title)
        if holder is not None:
            add_person(facts, parties, holder, title.start)
        country = facts.gaz.title_countries.get(title.text.lower())
        if country:
            parties.add(country, "Country", title.start)
    for tok, found, official in pronouns(facts, sent):
        if tok.i not in inside:
            continue
        if found is not None:
            add_person(facts, parties, found, tok.i)
        elif official is not None:
            parties.add(official, "Country", tok.i)
    return parties


def pronouns(facts: DocFacts, sent: Span) -> list[tuple[Token, Person | None, str | None]]:
    """Each personal pronoun of a sentence with the person it stands for (the last one named),
    or else the country of the unnamed official it refers to ("the Polish premier … he")."""
    out: list[tuple[Token, Person | None, str | None]] = []
    for tok in sent:
        if tok.lower_ in PRONOUNS and tok.dep_ in PRONOUN_DEPS and not styled(tok):
            found = antecedent(facts, tok.i)
            official = described_official(facts, sent, tok.i) if found is None else None
            if found is not None or official is not None:
                out.append((tok, found, official))
    return out


def styled(tok: Token) -> bool:
    """A possessive that is part of a form of address ("His Highness", "Her Excellency")."""
    return tok.dep_ == "poss" and tok.head.lower_ in STYLES


def unnamed(facts: DocFacts, title: Span) -> bool:
    """A bare title ("a secretary of state"): no name after it, no country before it."""
    doc = facts.doc
    named_after = title.end < len(doc) and title.end in facts.named_tokens
    marked = any(m.end in (title.start, title.start - 1) for m in facts.in_sent(title.sent))
    return not named_after and not marked


def add_group_home(facts: DocFacts, parties: Parties, name: str, token: int) -> None:
    """A non-state group that speaks for a people ("Hamas" → Palestine) brings that side."""
    org = facts.gaz.organizations[name]
    if org.country and org.country in facts.gaz.countries:
        parties.add(facts.gaz.countries[org.country].name, "Country", token)


def described_official(facts: DocFacts, sent: Span, index: int) -> str | None:
    """ "The Polish premier said he …": the country of an unnamed official before a pronoun."""
    starts = {t.start for t in facts.titles_by_sent.get(sent.start, []) if t.start < index}
    before = [m for m in facts.in_sent(sent) if m.kind == "country" and m.end in starts]
    return before[-1].name if before else None


def antecedent(facts: DocFacts, index: int) -> Person | None:
    """The last titled person named before a pronoun (a simple, recency-based guess)."""
    best: tuple[int, Person] | None = None
    for person in facts.people:
        if id(person) not in facts.person_country:
            continue
        before = [s for s, _ in person.spans if s < index]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), person)
    return best[1] if best else None


def add_person(facts: DocFacts, parties: Parties, person: Person, token: int) -> None:
    """A person takes part, and with them the country they serve."""
    if person not in parties.people:
        parties.people.append(person)
    party = facts.person_country.get(id(person))
    if party is not None and (kind := party_kind(facts, party)):
        parties.add(party, kind, token)


def has_side_phrase(sent: Span, facts: DocFacts, inside: set[int]) -> bool:
    """ "the two sides", "both countries" … inside the clause."""
    text = " " + " ".join(t.lower_ for t in sent if t.i in inside) + " "
    return any(f" {phrase} " in text for phrase in facts.lex.side_phrases)
