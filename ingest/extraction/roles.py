"""Roles: a person's title and the country (or organisation) they hold it for."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from ingest.extraction.components import TITLES
from ingest.extraction.lexicon import cue_phrases, cue_words, load_lexicon
from ingest.extraction.mentions import Mention
from ingest.extraction.people import HONORIFICS, Person
from reference.gazetteer import load_gazetteer

# Words that may stand between a country and a title ("China's new foreign minister").
FILLERS = cue_words("title_fillers")
WINDOW = 5
STOP_TOKENS = cue_words("role_stop_tokens")
ARTICLES = ("the", "a", "an")
# A title's complement before the name ("Minister of Water and Energy", "Ambassador to Japan",
# "Minister of Energy, Water and Mines" after the matched "Minister of Energy"): the words
# that open it and the small words it may hold besides capitalised ones.
COMPLEMENT_OPENERS = ("of", "for", "to", ",", "and")
LIST_SPAN = 24  # the most tokens between two titled names of one list
COMPLEMENT_WORDS = ("of", "for", "to", "the", "and", ",", "&", "on")
# Offices of the U.S. legislature and executive that American-style copy gives without a
# country ("Sen. Jane Roe", "Vice President John Doe"); used only when the article names the
# United States and nothing else gives the holder a country.
US_STYLE_TITLES = cue_words("us_style_titles")
US = "United States"


def title_ending_at(doc: Doc, end: int, titles: dict[int, Span]) -> Span | None:
    """The title right before token `end` ("President X", "the Chinese leader, X",
    "[Chinese President] X"; a no-break space between them is a token of its own)."""
    while end > 0 and (doc[end - 1].is_space or doc[end - 1].text == "]"):
        end -= 1
    if end in titles:
        return titles[end]
    if end - 1 in titles and (doc[end - 1].text == "," or doc[end - 1].lower_ in HONORIFICS):
        return titles[end - 1]
    return None


def party_before(start: int, ends: dict[int, Mention], doc: Doc) -> Mention | None:
    """A country or organisation mention a few filler words before token `start`."""
    i = start
    for _ in range(WINDOW):
        if i in ends:
            return ends[i]
        if i == 0 or not (doc[i - 1].lower_ in FILLERS or doc[i - 1].pos_ == "ADJ"):
            return None
        i -= 1
    return None


def party_inside(title: Span, starts: dict[int, Mention]) -> Mention | None:
    """A party named inside the title itself ("State Department spokesman")."""
    return next((starts[i] for i in range(title.start, title.end) if i in starts), None)


def appositive(doc: Doc, end: int, starts: dict[int, Mention],
               title_starts: dict[int, Span]) -> tuple[Span, Mention | None] | None:
    """ "NAME, China's foreign minister" / "NAME, the Japanese envoy" / "NAME, the foreign
    minister of Poland" / "NAME, Secretary of State" (party found later)."""
    if end >= len(doc) - 2 or doc[end].text != ",":
        return None
    i = end + 1 + (doc[end + 1].lower_ in ARTICLES)
    party = starts.get(i)
    if party is None:
        title = title_starts.get(i)
        if title is None or names_next(doc, title.end):
            return None
        party = party_of(doc, title.end, starts)
        # "NAME, chairman of the Acme Group": the title is held in a body the text names
        # but the reference data does not know; no country to give.
        if party is None and title.end < len(doc) and doc[title.end].lower_ in ("of", "for"):
            return None
        return title, party
    j = party.end + (party.end < len(doc) and doc[party.end].text in ("'s", "’s"))
    title = next((title_starts[k] for k in range(j, j + 3) if k in title_starts), None)
    return (title, party) if title is not None else None


def names_next(doc: Doc, i: int) -> bool:
    """Whether a name follows token `i` (the title then introduces that name, not the one
    before the comma: "met A, President B")."""
    return i < len(doc) and doc[i].ent_type_ == "PERSON"


def party_of(doc: Doc, i: int, starts: dict[int, Mention]) -> Mention | None:
    """ "… of [the] Poland": the party named right after a title."""
    if i + 1 >= len(doc) or doc[i].lower_ != "of":
        return None
    party = starts.get(i + 1 + (doc[i + 1].lower_ == "the"))
    if party is None or (party.surface == "name" and party.end < len(doc)
                         and doc[party.end].is_title and doc[party.end].pos_ == "PROPN"):
        return None  # "of the Peru Policy Group": the country only names the body
    return party


def party_after(doc: Doc, end: int, starts: dict[int, Mention]) -> Mention | None:
    """ "Prime Minister X of Pakistan": the country right after the name."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    party = starts.get(end + 1 + (doc[end + 1].lower_ == "the"))
    return party if party is not None and party.kind == "country" else None


def title_of_party(doc: Doc, start: int, ends: dict[int, Mention],
                   title_ends: dict[int, Span]) -> tuple[Span, Mention] | None:
    """ "the prime minister of Pakistan, X": title, "of", country, comma, then the name."""
    if start < 4 or doc[start - 1].text != ",":
        return None
    party = ends.get(start - 1)
    if party is None or party.kind != "country":
        return None
    of = party.start - 1 - (doc[party.start - 1].lower_ == "the")
    title = title_ends.get(of) if of > 0 and doc[of].lower_ == "of" else None
    return (title, party) if title is not None else None


def nearest_party(doc: Doc, start: int, ends: dict[int, Mention]) -> Mention | None:
    """The closest country mention earlier in the sentence, if no list word intervenes."""
    sent_start = doc[start].sent.start
    last = next((ends[i] for i in range(start, max(sent_start, start - 11), -1)
                 if i in ends and ends[i].kind == "country"), None)
    if last is None:
        return None
    if any(t.lower_ in STOP_TOKENS for t in doc[last.end:start]) or start - last.end > 10:
        return None
    return last


def list_party(doc: Doc, title: Span, previous: tuple[int, Mention] | None,
               starts: dict[int, Mention]) -> Mention | None:
    """In "Chinese President A, Premier B and …" later titles inherit the first party."""
    if previous is None:
        return None
    between = doc[previous[0]:title.start]
    if 2 < len(between) <= LIST_SPAN:
        # "Russian Foreign Minister A, Special Representative for Climate B, Deputy Prime
        # Minister C": the titled names of one comma list, however long their titles.
        items = all(t.text in (",", "and") or t.is_title or t.is_upper or t.is_space
                    or t.lower_ in COMPLEMENT_WORDS for t in between) \
            and not any(t.i in starts for t in between)
        return previous[1] if items and between[0].text == "," else None
    texts = [t.text for t in between]
    chained = "," in texts
    ok = bool(texts) and all(t in (",", "and") for t in texts)
    # "Chinese President A and Premier B": B is A's compatriot, unless B's office is one
    # American copy gives without a country ("… leader A and President B").
    paired = title.text.lower() not in US_STYLE_TITLES
    return previous[1] if ok and (chained or paired or listed(doc, previous[0])) else None


def listed(doc: Doc, end: int) -> bool:
    """Whether the name ending at `end` is itself part of a comma list."""
    sent = doc[end - 1].sent
    return any(t.text == "," for t in doc[max(sent.start, end - 8):end])


@dataclass(frozen=True)
class Index:
    """Mentions and titles by token offset, built once per document."""

    starts: dict[int, Mention]
    ends: dict[int, Mention]
    title_ends: dict[int, Span]
    title_starts: dict[int, Span]
    named: frozenset[int] = frozenset()  # tokens naming a person found


def index(doc: Doc, parties: list[Mention], people: list[Person]) -> Index:
    """Build the offset index."""
    named = frozenset(i for p in people for s, e in p.spans for i in range(s, e))
    return Index({m.start: m for m in parties}, {m.end: m for m in parties},
                 {t.end: t for t in doc.spans[TITLES]}, {t.start: t for t in doc.spans[TITLES]},
                 named)


def posted_to(doc: Doc, end: int, starts: dict[int, Mention]) -> Mention | None:
    """ "Ambassador X to Japan" / "Special Envoy for Sudan": the country the envoy is sent
    to or charged with, which is not the one they serve."""
    for i in (end, end + 1):
        if i + 1 < len(doc) and doc[i].lower_ in ("to", "for"):
            return starts.get(i + 1 + (doc[i + 1].lower_ == "the"))
    return None


ENVOY_WORDS = cue_phrases("envoy_words")


class Found(NamedTuple):
    """A title read for one mention of a person: the title as given (with any complement,
    "Ambassador to Japan"), its party, the rule that found it, and a country the title sends
    its holder to or charges them with ("to Japan", "for Sudan"), which is not theirs."""

    title: Span
    party: Mention | None
    source: str
    host: Mention | None = None


def long_title(doc: Doc, start: int, title_ends: dict[int, Span],
               named: frozenset[int]) -> tuple[Span, int] | None:
    """ "Minister of Water and Energy NAME" / "Ambassador to Japan NAME" / "Special Envoy
    for Climate, NAME": a title, "of", "for" or "to", then a capitalised complement before the
    name. Returns the title as matched and where the complement ends."""
    while start > 0 and doc[start - 1].is_space:
        start -= 1
    before = doc[start - 1] if start > 0 else None
    end = start - (before is not None and (before.text == "," or before.lower_ in HONORIFICS))
    for k in range(end - 1, max(end - 10, 0), -1):
        tok = doc[k]
        if tok.lower_ in COMPLEMENT_OPENERS and k in title_ends:
            return (title_ends[k], end) if k < end - 1 else None
        if tok.i in named or tok.is_sent_start or not (  # another person: their own title
                tok.is_title or tok.is_upper or tok.lower_ in COMPLEMENT_WORDS):
            return None
    return None


def complement(doc: Doc, title: Span, end: int, starts: dict[int, Mention]) -> Found:
    """The role a long title gives: "of COUNTRY" names the party, "to/for COUNTRY" the host."""
    i = title.end + 1 + (doc[title.end + 1].lower_ == "the")
    named = starts.get(i) if i < end else None
    full = doc[title.start:end - (doc[end - 1].text == ",")] \
        if doc[title.end].lower_ in ("of", "for", "to") else title
    if doc[title.end].lower_ == "of":
        return Found(full, named, "inside" if named is not None else "none")
    return Found(full, None, "none", named)


def role_at(doc: Doc, span: tuple[int, int], idx: Index,
            previous: tuple[int, Mention] | None) -> Found | None:
    """The title (and its party) introducing the person named at `span`, and the rule that
    found the party (SOURCES; "nearest": only the nearest country of the sentence, weak)."""
    title = title_ending_at(doc, span[0], idx.title_ends)
    given: Found | None = None
    if title is None:
        long = long_title(doc, span[0], idx.title_ends, idx.named)
        if long is None:
            found = appositive(doc, span[1], idx.starts, idx.title_starts)
            if found is not None:
                return Found(found[0], found[1], "appositive")
            found = title_of_party(doc, span[0], idx.ends, idx.title_ends)
            return Found(found[0], found[1], "title_of") if found is not None else None
        title = long[0]
        given = complement(doc, title, long[1], idx.starts)
        if given.party is not None:
            return given
    shown = given.title if given is not None else title
    host = given.host if given is not None else None
    envoy = portfolio_envoy(doc, title, idx)
    if envoy is not None:  # the title continues an envoy's: the envoy's party is theirs
        title, shown = envoy, doc[envoy.start:title.start]
    for source, party in (("inside", party_inside(title, idx.starts)),
                          ("before", party_before(title.start, idx.ends, doc)),
                          ("after", party_after(doc, span[1], idx.starts)),
                          ("list", list_party(doc, title, previous, idx.starts))):
        if party is not None:
            return Found(shown, party, source, host)
    return Found(shown, nearest_party(doc, title.start, idx.ends), "nearest", host)


def portfolio_envoy(doc: Doc, title: Span, idx: Index) -> Span | None:
    """ "Special Representative for the DPRK Ambassador X": the envoy title whose portfolio
    (the country after "for") stands before this title; that country is not the holder's."""
    portfolio = idx.ends.get(title.start)
    if portfolio is None:
        return None
    i = portfolio.start - (portfolio.start > 0 and doc[portfolio.start - 1].lower_ == "the")
    if i == 0 or doc[i - 1].lower_ != "for":
        return None
    envoy = idx.title_ends.get(i - 1)
    return envoy if envoy is not None and envoy.text.lower().endswith(ENVOY_WORDS) else None


# Which rule gave a role its party: read off the title's own words and neighbours (inside,
# before, after, appositive, title_of, list), the nearest country of the clause, or filled in
# later (description, office, unclaimed, us, previous); "none": no party.
SOURCES = ("inside", "before", "after", "appositive", "title_of", "list", "nearest",
           "description", "office", "unclaimed", "us", "previous", "none")


class RoleFact(NamedTuple):
    """A person's role as the rules read it."""

    person: Person
    title: str
    party: str | None  # the party name
    token: int  # where the title was given (first token of the name)
    source: str = "none"  # the rule that gave the party (SOURCES)
    support: int = 0  # how many of the person's titled mentions name this party
    mentions: int = 0  # how many of the person's mentions carry a title


def best_role(facts: list[RoleFact]) -> RoleFact | None:
    """The person's role: the most frequent party, first title given with it; without a
    party, the fullest title ("Secretary of State" over a later "Secretary")."""
    with_party = [f for f in facts if f.party is not None]
    if not with_party:
        fullest = max(facts, key=lambda f: len(f.title), default=None)
        return fullest._replace(mentions=len(facts)) if fullest is not None else None
    party, support = Counter(f.party for f in with_party).most_common(1)[0]
    best = next(f for f in with_party if f.party == party)
    return best._replace(support=support, mentions=len(facts))


def find_roles(doc: Doc, people: list[Person], parties: list[Mention],
               places: list[Mention]) -> list[RoleFact]:
    """One role per titled person; in a list, later titles inherit the first party."""
    facts: dict[int, list[RoleFact]] = {id(p): [] for p in people}
    nearest: dict[int, str] = {}  # person → a country only found near the title
    posted: dict[int, str] = {}  # envoy → the country they are posted to (not theirs)
    previous: tuple[int, Mention] | None = None
    idx = index(doc, parties, people)
    for span, person in sorted(((s, p) for p in people for s in p.spans), key=lambda x: x[0]):
        if previous is not None and doc[previous[0] - 1].sent != doc[span[0]].sent:
            previous = None
        found = role_at(doc, span, idx, previous)
        if found is None:
            continue
        title, party, source, host = found
        if source == "nearest" and party is not None:
            nearest[id(person)] = party.name
        if host is None and title.text.lower().endswith(ENVOY_WORDS):
            host = posted_to(doc, span[1], idx.starts)
        if host is not None:
            posted[id(person)] = host.name
            party = None if party is not None and party.name == host.name else party
        facts[id(person)].append(RoleFact(person, title.text, party.name if party else None,
                                          span[0], source if party else "none"))
        previous = (span[1], party) if party is not None else previous
    roles = [r for r in (best_role(facts[id(p)]) for p in people) if r is not None]
    roles = [r._replace(party=None, source="none") if posted.get(id(r.person)) == r.party
             and r.party is not None else r for r in roles]
    return fill_parties(doc, roles, parties, places, nearest, posted)


def described(doc: Doc, parties: list[Mention]) -> dict[str, str]:
    """Titles used with a party but without a name: "the British prime minister" → title → party."""
    ends = {m.end: m for m in parties}
    found: dict[str, str] = {}
    for title in doc.spans[TITLES]:
        if title.end < len(doc) and doc[title.end].ent_type_ == "PERSON":
            continue
        party = party_before(title.start, ends, doc)
        if party is not None:
            found.setdefault(title.text.lower(), party.name)
    return found


def across_paragraph(doc: Doc, a: int, b: int) -> bool:
    """Whether a blank line parts two tokens (a header line glued to the next paragraph)."""
    lo, hi = sorted((a, b))
    return "\n\n" in doc[lo:hi + 1].text


def unclaimed_country(doc: Doc, token: int, roles: list[RoleFact],
                      mentions: list[Mention]) -> str | None:
    """The nearest country named in the sentence (as actor or place) that no other titled
    person in the sentence holds: "a stop in Peru to meet President X" → Peru."""
    sent = doc[token].sent
    claimed = {r.party for r in roles if r.party and sent.start <= r.token < sent.end}
    near = [m for m in mentions if sent.start <= m.start < sent.end and abs(m.start - token) <= 15
            and (m.country or m.name) not in claimed and m.kind in ("country", "place")
            and m.country is not None and not across_paragraph(doc, m.start, token)]
    if is_subject(doc[token]):
        # "President X warned Iran" / "President X met Y in Panama": what the subject acts
        # on or where it acts is not whose office it holds — unless the subject hosts
        # ("Prime Minister X hosted Y in Canberra": a host receives at home).
        near = [m for m in near if m.start < token
                or (m.kind == "place" and hosts(doc[token]))]
    best = min(near, key=lambda m: abs(m.start - token), default=None)
    return best.country if best is not None else None


def hosts(token: Token) -> bool:
    """Whether the subject at `token` governs a host verb ("hosted", "received", "welcomed")."""
    head = token
    for _ in range(6):
        if head.dep_ in ("nsubj", "nsubjpass") or head.head is head:
            break
        head = head.head
    return load_lexicon().verbs.get(head.head.lower_) == "host"


def is_subject(token: Token) -> bool:
    """Whether the name at `token` is (part of) the subject of its clause."""
    head = token
    while head.dep_ in ("compound", "flat", "conj", "appos") and head.head is not head:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def fill_parties(doc: Doc, roles: list[RoleFact], parties: list[Mention],
                 places: list[Mention], nearest: dict[int, str],
                 posted: dict[int, str]) -> list[RoleFact]:
    """Give party-less roles a country: a unique description, a one-country office, the
    nearest unclaimed country of the sentence, else a U.S. office of American-style copy."""
    by_description = described(doc, parties)
    mentions = sorted(parties + places, key=lambda m: m.start)
    missing = Counter(r[1].lower() for r in roles if r[2] is None)
    held = {(r.title.lower(), r.party) for r in roles if r.party is not None}
    out: list[RoleFact] = []
    for role in roles:
        person, title, party, token = role[:4]
        key = title.lower()
        source = role.source
        if party is None and missing[key] == 1:
            party, source = by_description.get(key), "description"
            # "the Russian president" is the holder already named with that title and
            # country, not this one.
            party = None if (key, party) in held else party
        if party is None:
            party, source = load_gazetteer().title_countries.get(key), "office"
        if party is None:
            party, source = unclaimed_country(doc, token, roles, mentions), "unclaimed"
            party = None if party == posted.get(id(person)) else party
        out.append(role._replace(party=party, source=source if party else "none"))
    return previous_sentence(doc, us_style(out, parties, nearest), parties)


def previous_sentence(doc: Doc, roles: list[RoleFact], parties: list[Mention]) -> list[RoleFact]:
    """A role still without a country whose sentence names none ("Finance minister X has
    problems …") takes the last country the previous sentence of its paragraph names. The
    United States is left out: its offices without a country are the U.S.-style rule's, and
    American copy names the United States in every other sentence."""
    out: list[RoleFact] = []
    for role in roles:
        sent = doc[role.token].sent
        if role.party is None and sent.start > 0:
            before = doc[sent.start - 1].sent
            named = [m for m in parties if m.kind == "country" and m.name != US
                     and before.start <= m.start < before.end]
            if named and not across_paragraph(doc, named[-1].start, role.token):
                role = role._replace(party=named[-1].name, source="previous")
        out.append(role)
    return out


def us_style(roles: list[RoleFact], parties: list[Mention],
             nearest: dict[int, str]) -> list[RoleFact]:
    """Country-less U.S.-style offices in an article that names the United States: the
    United States, unless another country stands next to the title in the sentence. Several
    holders of one office may all get it: American copy names past presidents as "President
    X" too, and an office held abroad usually has its country nearby."""
    if not any(m.name == US for m in parties):
        return roles
    out: list[RoleFact] = []
    for role in roles:
        key = role.title.lower()
        legislator = key.startswith(("sen", "rep", "con"))
        if role.party is None and key in US_STYLE_TITLES and (
                legislator or nearest.get(id(role.person), US) == US):
            role = role._replace(party=US, source="us")
        out.append(role)
    return out
