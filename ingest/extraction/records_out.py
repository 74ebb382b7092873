"""Turning drafts and mentions into the typed records the graph writer takes."""

from __future__ import annotations

from graph.records import Entity, Meeting, Participant, Role
from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.linear import Linear
from ingest.extraction.learned.roles import prominence, role_confidence
from ingest.extraction.lexicon import cue_phrases
from ingest.extraction.meetings import Draft

# Titles of those who speak for a government ("Spokesperson", "Press Secretary"): they report
# meetings, they are not in them.
SPEAKER_TITLES = cue_phrases("speaker_titles")


def confidence(draft: Draft) -> float:
    """The learned model's belief, else a rough score from how much the sentence pins down."""
    if draft.score is not None:
        return round(min(max(draft.score, 0.0), 1.0), 3)
    score = 0.55 + 0.1 * (draft.when is not None) + 0.1 * (draft.place is not None)
    score += 0.1 * bool(draft.parties.people) - 0.15 * draft.parties.resolved_sides
    return round(min(max(score, 0.05), 0.95), 2)


def rated(belief: float | None) -> float | None:
    """A probability as a record holds it: rounded, in (0, 1]."""
    return None if belief is None else min(max(round(belief, 3), 0.001), 1.0)


def participants(facts: DocFacts, draft: Draft) -> tuple[Participant, ...]:
    """Sides first, then people; visits mark visitor and host. A side's confidence is the
    party model's belief in it (the highest over merged drafts); a person's is that of the side
    they serve, else the meeting's."""
    def role(country: str | None) -> str:
        if draft.kind != "visit" or not draft.hosts:
            return "participant"
        return "host" if country in draft.hosts else "visitor"

    scores = draft.side_scores
    out = [Participant(name=n, type=k, role=role(n), confidence=rated(scores.get(n)))
           for n, k in draft.parties.sides.items()]
    voices = {id(r.person) for r in facts.roles if r.title.lower().endswith(SPEAKER_TITLES)}
    for person in draft.parties.people:
        if id(person) in voices:
            continue  # "attributable to Spokesperson X:" reports the meeting, X is not in it
        country = facts.person_country.get(id(person))
        belief = scores.get(country) if country is not None else None
        if belief is None and scores:
            belief = draft.score
        out.append(Participant(name=person.name, type="Person", role=role(country),
                               confidence=rated(belief)))
    return tuple(out)


def to_meeting(facts: DocFacts, draft: Draft, issues: tuple[str, ...]) -> Meeting:
    """One merged draft → Meeting record with its evidence sentence."""
    evidence, start, end = facts.evidence(draft.sent)
    countries = tuple(n for n, k in draft.parties.sides.items() if k == "Country")
    return Meeting(
        evidence=evidence, start=start, end=end,
        participants=participants(facts, draft), countries=countries,
        location=draft.place.name if draft.place else None,
        location_country=draft.place.country if draft.place else None,
        date=draft.when.value if draft.when else None,
        date_precision=draft.when.precision if draft.when else None,
        kind=draft.kind, status="planned" if draft.status == "planned" else "held",
        confidence=confidence(draft), issues=issues,
    )


def to_roles(facts: DocFacts, model: Linear) -> tuple[Role, ...]:
    """Titled people with the country or organisation they serve, rated by the role model."""
    out: list[Role] = []
    ranks = prominence(facts)
    for role in facts.roles:
        if role.party is None:
            continue
        evidence, start, end = facts.evidence(facts.doc[role.token].sent)
        out.append(Role(evidence=evidence, start=start, end=end, person=role.person.name,
                        title=role.title, country=role.party,
                        confidence=role_confidence(model, facts, role, ranks)))
    return tuple(out)


def to_entities(facts: DocFacts) -> tuple[Entity, ...]:
    """Countries, organisations, cities and people the article names, canonical."""
    seen: dict[tuple[str, str], set[str]] = {}
    extra: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    keys: dict[tuple[str, str], str | None] = {}
    for m in facts.mentions:
        if m.kind == "media" or m.surface == "region":
            continue
        text = facts.doc[m.start:m.end].text
        kind = {"country": "Country", "org": "Organization", "place": "City"}[m.kind]
        if m.kind == "place" and m.name == m.country:
            kind = "Country"
        country = facts.gaz.country_by_name(m.name) if kind == "Country" else None
        seen.setdefault((kind, m.name), set()).add(text)
        extra[(kind, m.name)] = (country.iso3 if country else None,
                                 m.country if kind == "City" else None)
        keys.setdefault((kind, m.name), m.key)  # identity decided by the mention
    out = [Entity(name=n, type=k, aliases=tuple(sorted(a - {n})),
                  iso3=extra[(k, n)][0], country=extra[(k, n)][1], key=keys[(k, n)])
           for (k, n), a in seen.items()]
    out += [Entity(name=p.name, type="Person", aliases=tuple(sorted(p.variants - {p.name})),
                   country=facts.person_country.get(id(p)), key=p.key) for p in facts.people]
    return tuple(out)
