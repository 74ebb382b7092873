"""Options of one candidate meeting: who may take part, where and when, with features."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Doc, Span, Token

from ingest.extraction.dates import ResolvedDate, resolve, tense
from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.context import Article, governing, marker
from ingest.extraction.learned.linear import Features, bucket, word
from ingest.extraction.meetings import Frame, boundary, other_event, verb_locatives
from ingest.extraction.mentions import Mention
from ingest.extraction.parties import org_kind, party_kind, pronouns, unnamed
from ingest.extraction.places import place_key, venue_place
from ingest.extraction.roles import across_paragraph
from ingest.extraction.scope import clause_head, subject_of
from ingest.extraction.triggers import Trigger

DISTANCES = (2, 5, 10, 20, 40)
# How a DATE expression is read, by the tense of its clause: "will meet Monday" is the coming
# Monday, "met Monday" the last; a present or verbless clause is read both ways.
READINGS = {"future": (True,), "past": (False,), "present": (False, True), "none": (False, True)}


@dataclass
class PartyOption:
    """A country or organisation that may be a side of the meeting."""

    name: str
    kind: str  # Country | Organization
    token: int
    feats: Features


@dataclass
class PlaceOption:
    """A place the meeting may be held in."""

    place: Mention
    feats: Features


@dataclass
class DateOption:
    """A date the meeting may have."""

    when: ResolvedDate
    feats: Features


def neighbours(sent: Span) -> list[tuple[str, Span]]:
    """The sentence itself, the one before and the one after."""
    doc = sent.doc
    out = [("sent", sent)]
    if sent.start > 0:
        out.append(("prev", doc[sent.start - 1].sent))
    if sent.end < len(doc):
        out.append(("next", doc[sent.end].sent))
    return out


def trigger_subject(trig: Trigger, doc: Doc) -> set[int]:
    """The subject tokens of the verb governing a trigger (read once per trigger)."""
    return subject_of(clause_head(trig.root(doc)))


def position(tok: Token, trig: Trigger, frame: Frame, subj: set[int]) -> Features:
    """Where a token stands relative to the trigger: slot, marker, distance, scope."""
    root = trig.root(tok.doc)
    verb = clause_head(root)
    g = governing(tok)
    gh = g.head.head if g.dep_ == "pobj" else g.head
    f: Features = {f"gdep={g.dep_}": 1.0, f"dep={tok.dep_}": 1.0,
                   f"mark={marker(tok)}": 1.0,
                   f"dist={bucket(abs(tok.i - trig.start), DISTANCES)}": 1.0,
                   f"after={tok.i > trig.start}": 1.0,
                   "scope": float(tok.i in frame.inside),
                   "under_trig": float(root.is_ancestor(tok)),
                   "on_trig": float(gh.i in (root.i, verb.i) or g.head.i == root.i),
                   "subj": float(tok.i in subj)}
    if g.dep_ == "pobj":
        f[f"gprep={word(g.head)}"] = 1.0
    if tok.i in subj:
        f[f"subj&{trig.kind}"] = 1.0
    if g.pos_ == "NOUN":
        f[f"gword={word(g)}"] = 1.0
    doc = tok.doc
    if (tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-", "–")) or (
            tok.i > 0 and doc[tok.i - 1].text in ("-", "–")):
        f["hyphen"] = 1.0
    return f


def party_sources(art: Article, sent: Span) -> list[tuple[str, str, str, int, str]]:
    """(name, kind, source, token, surface) for every party the sentences around name."""
    facts = art.facts
    out: list[tuple[str, str, str, int, str]] = []
    for where, s in neighbours(sent):
        for m in facts.in_sent(s):
            last = m.end - 1
            if m.kind == "country":
                out.append((m.name, "Country", f"{where}:mention", last, m.surface))
            elif m.kind == "org" and org_kind(facts, m.name):
                out.append((m.name, "Organization", f"{where}:org", last, m.surface))
            if m.kind == "org" and m.name in facts.gaz.organizations:
                home = facts.gaz.organizations[m.name].country
                if home and home in facts.gaz.countries:
                    out.append((facts.gaz.countries[home].name, "Country", f"{where}:group",
                                last, "group"))
            elif m.kind == "place" and m.country and where == "sent":
                out.append((m.country, "Country", "sent:place", last, m.surface))
        if where != "sent":
            continue
        for person, last in facts.people_in(s):
            party = facts.person_country.get(id(person))
            if party is not None:
                kind = "Country" if facts.gaz.country_by_name(party) else org_kind(facts, party)
                if kind:
                    out.append((party, kind, "sent:person", last, "person"))
        for title in facts.titles_by_sent.get(s.start, []):
            country = facts.gaz.title_countries.get(title.text.lower())
            if country:
                out.append((country, "Country", "sent:title", title.start, "title"))
            holder = facts.last_titled(title) if unnamed(facts, title) else None
            party = facts.person_country.get(id(holder)) if holder is not None else None
            if party and (kind := party_kind(facts, party)):
                out.append((party, kind, "sent:office", title.start, "office"))
        for tok, found, official in pronouns(facts, s):
            party = facts.person_country.get(id(found)) if found is not None else official
            kind = party_kind(facts, party) if party else None
            if party and kind:
                out.append((party, kind, "sent:pronoun", tok.i, "pronoun"))
    return out


def party_options(art: Article, trig: Trigger, frame: Frame, sent: Span) -> list[PartyOption]:
    """Each name that may be a side, with the features of its best-placed mention."""
    doc = art.facts.doc
    best: dict[str, PartyOption] = {}
    ranks: dict[str, tuple[bool, bool, int]] = {}
    tags: dict[str, Features] = {}
    subj = trigger_subject(trig, doc)
    slots: dict[str, set[str | None]] = {}
    for name, kind, src, token, surface in party_sources(art, sent):
        where = src.split(":")[0]
        f = position(doc[token], trig, frame, subj) if where == "sent" else {}
        if where == "sent":
            kind_of = slot(art.facts, doc[token])
            slots.setdefault(name, set()).add(kind_of)
            if kind_of is not None:
                f[f"slot={kind_of}"] = 1.0
        f[f"where={where}"] = 1.0
        tags.setdefault(name, {}).update({f"src={src}": 1.0, f"surface={surface}": 1.0})
        tags[name]["mentions"] = tags[name].get("mentions", 0.0) + 1.0
        rank = (where != "sent", token not in frame.inside, abs(token - trig.start))
        if name not in best or rank < ranks[name]:
            best[name], ranks[name] = PartyOption(name, kind, token, f), rank
    for name, kind in frame.parties.sides.items():
        if name not in best:
            token = frame.parties.where.get(name, trig.start)
            best[name] = PartyOption(name, kind, token if token >= 0 else trig.start,
                                     {"src=rule_only": 1.0})
    for name, option in best.items():
        option.feats |= tags.get(name, {})
        kinds = slots.get(name, set())
        if len(kinds) == 1 and (only := next(iter(kinds))) is not None:
            option.feats[f"{only}_only&{trig.kind}"] = 1.0
        option.feats["mentions"] = min(option.feats.get("mentions", 0.0), 4.0) / 4.0
        option.feats |= common(art, trig, frame, name, len(best))
    return list(best.values())


def slot(facts: DocFacts, tok: Token) -> str | None:
    """A phrase that names a country without making it a side: the venue ("in Minsk,
    Belarus", "at the UN") or an envoy's portfolio ("Special Representative for the DPRK")."""
    if facts.portfolio(tok):
        return "portfolio"
    g = governing(tok)
    return "venue" if g.dep_ == "pobj" and g.head.lower_ in ("in", "at") else None


def common(art: Article, trig: Trigger, frame: Frame, name: str, n: int) -> Features:
    """Features every party option carries: the rules' verdict, prominence, the trigger."""
    in_rule = name in frame.parties.sides
    f: Features = {"bias_party": 1.0, "in_rule": float(in_rule),
                   "rule_host": float(name in frame.hosts), f"noptions={min(n, 6)}": 1.0,
                   "resolved_sides": float(frame.parties.resolved_sides and in_rule),
                   f"pkind={trig.kind}": 1.0, f"pmod={trig.modality}": 1.0,
                   f"rule&kind={in_rule}&{trig.kind}": 1.0,
                   f"nrule={min(frame.parties.countable, 5)}&{in_rule}": 1.0}
    return f | art.name_feats(name)


def place_options(art: Article, trig: Trigger, frame: Frame, sent: Span) -> list[PlaceOption]:
    """Places in and around the sentence (a place the body names read there, not off the
    dateline), the one naming the trigger itself, the opening's first place, the article's
    most named place, the rules' choice, and the article's cities of a country the meeting is
    placed in."""
    facts, doc = art.facts, art.facts.doc
    locatives = verb_locatives(trig.root(doc))
    subj = trigger_subject(trig, doc)
    found: dict[str, PlaceOption] = {}
    for where, s in neighbours(sent):
        for m in facts.in_sent(s):
            if m.kind == "place" and m.dateline:
                m = filed_in(facts, m) or m
            if m.kind != "place" or (m.name in found and (
                    m.dateline or not found[m.name].place.dateline)):
                continue
            tok = doc[m.start:m.end].root
            f: Features = {f"src={where}": 1.0, f"surface={m.surface}": 1.0,
                           "is_country": float(m.name == m.country),
                           f"head={word(tok.head)}": 1.0}
            if where == "sent":
                f |= position(tok, trig, frame, subj)
                f["locative"] = float(m.start in locatives)
            found[m.name] = PlaceOption(m, f)
    named = modifier_place(facts, trig)
    if named is not None:
        found.setdefault(named.name, PlaceOption(named, {f"surface={named.surface}": 1.0}))
        found[named.name].feats |= {"src=sent": 1.0, "modifier": 1.0, "on_trig": 1.0,
                                    "locative": 1.0}
    lede = lede_place(facts)
    if lede is not None:
        found.setdefault(lede.name, PlaceOption(lede, {f"surface={lede.surface}": 1.0}))
        found[lede.name].feats["lede"] = 1.0
    top = frequent_place(facts)
    if top is not None:
        found.setdefault(top.name, PlaceOption(top, {f"surface={top.surface}": 1.0}))
        found[top.name].feats["frequent"] = 1.0
    rule = frame.place
    if rule is not None and rule.dateline:
        rule = filed_in(facts, rule) or rule
    if rule is not None:
        found.setdefault(rule.name, PlaceOption(rule, {"src=rule_only": 1.0}))
        found[rule.name].feats["is_rule"] = 1.0
    countries = {o.place.country for o in found.values() if o.place.name == o.place.country}
    for m in facts.mentions:
        if m.kind == "place" and m.country in countries and m.name != m.country \
                and m.name not in found and m.surface in ("capital", "ner"):
            found[m.name] = PlaceOption(m, {"src=article_city": 1.0,
                                            f"surface={m.surface}": 1.0})
    for option in found.values():
        p = option.place
        option.feats |= {"bias_place": 1.0, f"plkind={trig.kind}": 1.0,
                         f"count={bucket(art.counts[p.name], (1, 2, 4))}": 1.0,
                         "party_country": float(p.country in frame.parties.sides),
                         f"nplaces={min(len(found), 4)}": 1.0}
    return list(found.values())


# The opening sentences set the story's scene: their first place is offered to every trigger
# ("ministers meet today in London" … later "the meeting"); 1 sentence: 0.603, 2: 0.616,
# 3: 0.620 (dev meeting F1 0.784 -> 0.753: another venue blocks a merge), 4: 0.616.
LEDE_SENTS = 2


def lede_place(facts: DocFacts) -> Mention | None:
    """The first place the article's opening sentences name (the story's setting)."""
    for s in islice(facts.doc.sents, LEDE_SENTS):
        for m in facts.in_sent(s):
            if m.kind == "place" and not m.dateline:
                return m
    return None


def frequent_place(facts: DocFacts) -> Mention | None:
    """The place the article names most often (at least twice)."""
    counts = Counter(m.name for m in facts.mentions if m.kind == "place" and not m.dateline)
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    if n < 2:
        return None
    return next(m for m in facts.mentions if m.kind == "place" and m.name == name)


MODIFIER_DEPS = ("compound", "amod", "nmod")


def modifier_place(facts: DocFacts, trig: Trigger) -> Mention | None:
    """A city, capital or venue naming the meeting noun itself ("the Geneva talks", "a Paris
    summit", "the Camp David meeting"): offered as a place, not read as a mention (the capital
    still names its country as a side)."""
    doc, gaz = facts.doc, facts.gaz
    root = trig.root(doc)
    start = root.i
    while start > root.left_edge.i and doc[start - 1].dep_ in MODIFIER_DEPS \
            and doc[start - 1].is_title:
        start -= 1
    if start == root.i or start < trig.start - 4:
        return None
    span = doc[start:root.i]
    text = span.text
    venue = venue_place(span, gaz)
    if venue is not None:
        return venue
    for m in facts.in_sent(root.sent):
        if m.start == span.start and m.end == span.end and m.kind == "country" \
                and m.surface == "capital" and m.country:
            country = gaz.country_by_name(m.country)
            capital = country.capital if country else None
            if country and text in country.capital_aliases:
                capital = text
            return Mention("place", capital, span.start, span.end, "capital", m.country,
                           key=place_key(capital, m.country, gaz)) if capital else None
        if m.start <= span.start < m.end:
            return None
    city = gaz.cities.get(text)
    if city is not None or (span.root.ent_type_ in ("GPE", "FAC") and len(span) == len(
            [t for t in span if t.ent_type_ == span.root.ent_type_])):
        home = gaz.countries[city.iso3].name if city and city.iso3 in gaz.countries else None
        return Mention("place", text, span.start, span.end, "ner", home,
                       key=place_key(text, home, gaz))
    return None


def filed_in(facts: DocFacts, dateline: Mention) -> Mention | None:
    """The country offered instead of a dateline city: a dateline is where the story was
    filed, not a venue (corpus/README), unless the body names that city too or says "here"
    (None then, and for a city of no known country)."""
    if dateline.country is None or any(here_locative(facts, t) for t in facts.doc) or any(
            m.kind == "place" and m.name == dateline.name and not m.dateline
            for m in facts.mentions):
        return None
    return Mention("place", dateline.country, dateline.start, dateline.end, "dateline",
                   dateline.country, dateline=True)


def here_locative(facts: DocFacts, tok: Token) -> bool:
    """ "ended talks here", "Wen's visit here", "the library here": "here" as where something
    happens or stands, not "a key backer here" (in this country's politics)."""
    if tok.lower_ != "here":
        return False
    head = tok.head
    return head.pos_ in ("VERB", "AUX", "PROPN") or head.lower_ in facts.lex.nouns


def place_choices(ev_places: list[PlaceOption], parties: list[PartyOption], sides: set[str],
                  trig: Trigger) -> list[PlaceOption]:
    """The places of one meeting with the given sides: the trigger's place options plus each
    side's own country (a visit to a country names no city), with features tied to the sides."""
    subject = {o.name for o in parties if o.feats.get("subj")}
    known = {o.place.name for o in ev_places}
    extra = [PlaceOption(Mention("place", o.name, o.token, o.token + 1, "party", o.name),
                         {"src=side": 1.0, "bias_place": 1.0, f"plkind={trig.kind}": 1.0})
             for o in parties if o.name in sides and o.kind == "Country" and o.name not in known]
    out: list[PlaceOption] = []
    for option in [*ev_places, *extra]:
        country = option.place.country
        tied: Features = {"side_country": float(country in sides),
                          "subject_country": float(country in subject and country in sides),
                          f"side&kind={country in sides}&{trig.kind}": 1.0,
                          f"country&side={option.place.name == country}&{country in sides}": 1.0,
                          f"nsides={min(len(sides), 4)}": 1.0}
        out.append(PlaceOption(option.place, option.feats | tied))
    return out


def shape(text: str) -> str:
    """What kind of date expression: weekday, relative, day, month, year, other."""
    low = text.lower()
    if re.search(r"(mon|tues|wednes|thurs|fri|satur|sun)day", low):
        return "weekday"
    if re.search(r"\b(today|tonight|yesterday|tomorrow|last|next|this|past)\b", low):
        return "relative"
    if re.search(r"\d{1,2}", low) and re.search(r"[a-z]{3}", low):
        return "day" if not re.fullmatch(r"\D*\d{4}\D*", low) else "month"
    return "year" if re.search(r"\d{4}", low) else "other"


def date_options(art: Article, trig: Trigger, frame: Frame, sent: Span,
                 rule: ResolvedDate | None) -> list[DateOption]:
    """Resolved DATE expressions in and around the sentence (read as past and as future, as
    the tense of their clause allows), the opening's date and the publication date."""
    facts = art.facts
    pub = facts.published
    root = trig.root(facts.doc)
    subj = trigger_subject(trig, facts.doc)
    found: dict[str, DateOption] = {}
    for near, s in neighbours(sent):
        for ent in facts.dates_in(s):
            where = near
            if near == "sent" and across_paragraph(facts.doc, ent.start, trig.start):
                # a header line the parser ran into the lead ("No: 217, 15 October 2025, Press
                # Release …\n\nThe Meeting will be held on 17 October"): another sentence
                where = "prev" if ent.start < trig.start else "next"
            for future in READINGS[tense(ent)]:
                when = resolve(ent.text, pub, future)
                if when is None or when.value in found:
                    continue
                f: Features = {f"src={where}": 1.0, f"shape={shape(ent.text)}": 1.0,
                               f"read_future={future}": 1.0,
                               f"future&mod={future}&{trig.modality}": 1.0,
                               "boundary": float(boundary(ent)),
                               "named": float(any(t.i in facts.named_tokens for t in ent))}
                if where == "sent":
                    f |= position(ent.root, trig, frame, subj)
                    f["other_event"] = float(other_event(ent.root, root))
                found[when.value] = DateOption(when, f)
    extra = [("lede", facts.lede_date)]
    if pub is not None:
        # not the publication month: the day scores wherever the month does
        extra += [("pubday", ResolvedDate(pub.isoformat(), "day"))]
    for src, when in extra:
        if when is not None:
            found.setdefault(when.value, DateOption(when, {}))
            found[when.value].feats[f"src={src}"] = 1.0
    if rule is not None:
        if rule.value not in found and pub is not None and pub.isoformat().startswith(rule.value):
            # the rules' fallback (the publication month or year) is the publication day:
            # the day scores wherever the month does, and the month read nowhere says no more
            rule = ResolvedDate(pub.isoformat(), "day")
        found.setdefault(rule.value, DateOption(rule, {"src=rule_only": 1.0}))
        found[rule.value].feats["is_rule"] = 1.0
    n = sum(1 for o in found.values() if "src=sent" in o.feats)
    for option in found.values():
        when = option.when
        option.feats |= {"bias_date": 1.0, f"prec={when.precision}": 1.0,
                         f"dkind={trig.kind}": 1.0, f"dmod={trig.modality}": 1.0,
                         f"ndates={min(n, 3)}": 1.0}
        if pub is not None:
            option.feats[f"vs_pub={compare(when.value, pub.isoformat())}"] = 1.0
    return list(found.values())


def compare(value: str, pub: str) -> str:
    """A date against publication: same day, earlier, later, or far back."""
    if pub.startswith(value):
        return "covers"
    if value > pub:
        return "later"
    return "far" if int(value[:4]) < int(pub[:4]) - 1 else "earlier"
