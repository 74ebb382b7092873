"""Cypher behind the query endpoints. Each returns plain maps; paging is `$skip`/`$limit`."""

from typing import LiteralString

# A meeting as the API shows it (expects `m` bound): the JSON the writer keeps on it
# (graph/cypher/facts.py, MEETING_PROJECTION; projecting it here cost ~100 db hits a meeting),
# decoded by graph/views.py.
_VIEW: LiteralString = "m.view"

# Meeting filters shared by the lists below ($since, $until, $kind, $min_confidence may be null).
_WHEN: LiteralString = """
  ($since IS NULL OR m.date_end >= $since) AND ($until IS NULL OR m.date_start <= $until)
  AND ($kind IS NULL OR m.kind = $kind)
  AND ($min_confidence IS NULL OR m.confidence >= $min_confidence)"""


def _type(var: LiteralString) -> LiteralString:
    return "[l IN labels(" + var + ") WHERE l <> 'Entity'][0]"


def _resolved(var: LiteralString, param: LiteralString,
              imports: LiteralString = "") -> LiteralString:
    """Binds `var` to the entity the alias `param` (lower-cased) names, countries first, then
    the most met (no row when no alias is called so): how RESOLVE picks, as a query's prefix."""
    return ("CALL (" + imports + ") {\n"
            "  MATCH (:Alias {name: " + param + "})-[:NAMES]->(" + var + ":Entity)\n"
            "  WITH " + var + ", COUNT { (" + var + ")-[:PARTICIPATED_IN]->() } AS n\n"
            "  ORDER BY CASE WHEN " + var + ":Country THEN 0 WHEN " + var + ":Person THEN 1 "
            "WHEN " + var + ":Organization THEN 2 ELSE 3 END, n DESC, " + var + ".key\n"
            "  LIMIT 1\n  RETURN " + var + "\n}\n")


def _ref(var: LiteralString) -> LiteralString:
    """The entity bound to `var` as graph.names.Resolved's fields."""
    return "{key: " + var + ".key, name: " + var + ".name, type: " + _type(var) + "}"


# The entity of $key bound to `e`: how the queries by key start (their _BY_NAME variants start
# with the entity the alias $name names instead, and return it as `entity`)
_KEY_E: LiteralString = "\nMATCH (e:Entity {key: $key})\n"

# $name (lower-cased) -> key, name, type; the entity an alias names, countries first
RESOLVE: LiteralString = (_resolved("e", "$name") + "RETURN e.key AS key, e.name AS name, "
                          + _type("e") + " AS type\n")

# $key -> key, name, type
BY_KEY: LiteralString = """
MATCH (e:Entity {key: $key})
RETURN e.key AS key, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS type
"""

# $name (a lookup name, one word), $limit -> key, name: the people one of whose names ends in
#   that word ("kishida" → Fumio Kishida): a surname typed alone.
BY_SURNAME: LiteralString = """
MATCH (a:Alias)-[:NAMES]->(p:Person)
WHERE a.name ENDS WITH ' ' + $name
RETURN DISTINCT p.key AS key, p.name AS name, 'Person' AS type
ORDER BY name
LIMIT $limit
"""

# $limit -> name; every alias (for "did you mean")
ALIASES: LiteralString = "MATCH (a:Alias) RETURN a.name AS name LIMIT $limit"

# Who met whom from the meetings themselves, `e` bound: $since, $until, $kind, $min_confidence,
#   $skip, $limit, $items -> total, counterparts [{id, name, type, meetings, first, last, items
#   [meeting]}]; items: the counterpart's $items latest meetings (by date_start then key, undated
#   last; oldest first; `meetings` counts them all; 0: none): unbounded, a big country's answer ran
#   to 10 MB. first/last: the earliest and latest date (as MET_WITH keeps them: min/max). The
#   person/country and label tests run once per counterpart, after grouping (per row they cost a
#   busy country ~90k db hits).
_FROM_MEETINGS: LiteralString = """
MATCH (e)-[:PARTICIPATED_IN]->(m:Meeting)
WHERE""" + _WHEN + """
WITH e, m ORDER BY m.date_start, m.key
MATCH (m)<-[:PARTICIPATED_IN]-(o)
WHERE o <> e
WITH e, o, collect(DISTINCT m) AS ms
// A person's counterparts are the people and the delegations (countries) they met, but not a
// country they hold a role for; a country's are never persons (its own leader is not news).
WHERE o:Entity AND NOT (e:Country AND o:Person)
  AND NOT (e:Person AND o:Country AND EXISTS { (e)-[:HOLDS_ROLE]->(o) })
WITH o, ms, size(ms) AS n ORDER BY n DESC, o.name, o.key
WITH collect({o: o, ms: ms, n: n}) AS rows
RETURN size(rows) AS total, [x IN rows[$skip..$skip + $limit] | {
  id: x.o.key, name: x.o.name, type: [l IN labels(x.o) WHERE l <> 'Entity'][0], meetings: x.n,
  first: reduce(f = null, d IN [m IN x.ms WHERE m.date IS NOT NULL | m.date] |
                CASE WHEN f IS NULL OR d < f THEN d ELSE f END),
  last: reduce(f = null, d IN [m IN x.ms WHERE m.date IS NOT NULL | m.date] |
               CASE WHEN f IS NULL OR d > f THEN d ELSE f END),
  items: [m IN x.ms[CASE WHEN size(x.ms) > $items THEN size(x.ms) - $items ELSE 0 END..] |
         """ + _VIEW + """]}] AS counterparts
"""

# $key and the parameters of _FROM_MEETINGS -> total, counterparts; recomputed from every
#   meeting of the entity (the reference answer; windows, kinds and confidence need it).
WHO_MET_WHOM: LiteralString = _KEY_E + """CALL (e) {""" + _FROM_MEETINGS + """}
RETURN total, counterparts
"""

# WHO_MET_WHOM with no window (since/until/kind/min_confidence all null) and $items <= the
#   writer's LATEST_KEPT, for an entity that is not a person: the ranking, counts and first/last
#   come from MET_WITH, and each counterpart on the page lists its $items latest meetings from
#   MET_WITH.latest by key (kept exact by graph/writer.py, RECOMPUTE_MET_WITH), instead of
#   expanding every meeting of the entity (11,000 for a busy country on the 100k bench graph; a
#   per-counterpart shared-meeting match expanded from the busy side once per counterpart, 257
#   ms). Same answer (tests/service/test_met_with_queries.py). A person's counterparts include
#   the delegations they met, which MET_WITH never pairs with a person: recomputed.
WHO_MET_WHOM_STORED: LiteralString = _KEY_E + """CALL (e) {
  WITH e WHERE NOT e:Person
  CALL (e) {
    MATCH (e)-[w:MET_WITH]-(o:Entity)
    WITH o, w ORDER BY w.meetings DESC, o.name, o.key
    WITH collect({o: o, w: w}) AS rows
    RETURN size(rows) AS total, rows[$skip..$skip + $limit] AS page
  }
  CALL (page) {
    UNWIND range(0, size(page) - 1) AS i
    WITH i, page[i].o AS o, page[i].w AS w
    WITH i, o, w, w.latest[CASE WHEN size(w.latest) > $items THEN size(w.latest) - $items
                                ELSE 0 END..] AS keys
    CALL (keys) {
      UNWIND range(0, size(keys) - 1) AS j
      MATCH (m:Meeting {key: keys[j]})
      WITH j, m ORDER BY j
      RETURN collect(""" + _VIEW + """) AS items
    }
    WITH i, o, w, items ORDER BY i
    RETURN collect({
      id: o.key, name: o.name, type: [l IN labels(o) WHERE l <> 'Entity'][0],
      meetings: w.meetings, first: w.first, last: w.last, items: items}) AS counterparts
  }
  RETURN total, counterparts
  UNION ALL  // not UNION: its Distinct would hash every answer's nested maps
  WITH e WHERE e:Person""" + _FROM_MEETINGS + """}
RETURN total, counterparts
"""

# WHO_MET_WHOM with a date window ($since and/or $until, since <= until) but no $kind or
#   $min_confidence, for an entity that is not a person: each counterpart's meetings in the
#   window are counted from its MET_WITH's months (graph/cypher/facts.py, RECOMPUTE_MET_WITH,
#   kept exact by the writer): whole months by `upto`, the window's first and last month cut at
#   its day by `days`, meetings across months (`spanning`) tested one by one; first/last from
#   `month_first`/`month_last` of the whole months and from the few meetings of a cut month; the
#   $items latest are fetched by key. A busy country's 11,000 meetings are never expanded (the
#   recomputation read them all to keep ~1,100). Same answer (tests/service/
#   test_met_with_queries.py); a person's counterparts are recomputed (see WHO_MET_WHOM_STORED).
WHO_MET_WHOM_WINDOW: LiteralString = _KEY_E + """CALL (e) {
  WITH e WHERE NOT e:Person
  CALL (e) {
    MATCH (e)-[w:MET_WITH]-(o:Entity)
    // (coalesce: a MET_WITH from before the months counts none until graph/schema.py's
    // backfill has recomputed it, as it does at every start, instead of failing)
    WITH o, w, coalesce(w.months, []) AS months, coalesce(w.upto, []) AS upto,
         $since.year * 12 + $since.month - 1 AS sm, $until.year * 12 + $until.month - 1 AS um
    // a..b: the pair's months in the window's (indexes into months/upto); one is cut at the
    // window's day only if it is the window's own first (sm) or last (um) month
    WITH o, w, months, upto, sm, um,
         CASE WHEN sm IS NULL THEN 0 ELSE size([k IN months WHERE k < sm]) END AS a,
         CASE WHEN um IS NULL THEN size(months) ELSE size([k IN months WHERE k <= um]) END - 1
           AS b
    WITH o, w, upto, a, b, coalesce(a <= b AND months[a] = sm, false) AS cut_a,
         coalesce(a <= b AND months[b] = um, false) AS cut_b,
         CASE WHEN a > b OR a = 0 THEN 0 ELSE upto[a - 1] END AS lo,
         CASE WHEN a > b THEN 0 ELSE upto[a] END AS end_a,
         CASE WHEN a > b OR b = 0 THEN 0 ELSE upto[b - 1] END AS start_b,
         CASE WHEN a > b THEN 0 ELSE upto[b] END AS hi
    WITH o, w, a, b, lo, end_a, start_b, hi, cut_a, cut_b,
         CASE WHEN cut_a OR cut_b THEN w.days ELSE [] END AS days
    // out_a: the first month's meetings that end before $since (anywhere in the month);
    // the last month's that start after $until are the end of its run (dated is by date_start)
    WITH o, w, a, b, lo, start_b,
         CASE WHEN cut_a THEN [i IN range(lo, end_a - 1) WHERE days[i] % 100 < $since.day]
              ELSE [] END AS out_a,
         hi - CASE WHEN cut_b THEN size([i IN range(start_b, hi - 1)
                                         WHERE days[i] / 100 > $until.day]) ELSE 0 END AS hi_in,
         [i IN range(0, size(coalesce(w.spanning, [])) - 1)
          WHERE ($since IS NULL OR w.spanning_to[i] >= $since)
            AND ($until IS NULL OR w.spanning_from[i] <= $until)] AS spans, hi, end_a
    WITH o, w, a, b, lo, end_a, start_b, hi, hi_in, out_a, spans,
         hi_in - lo - size(out_a) + size(spans) AS n
    WHERE n > 0
    WITH o, w, a, b, lo, end_a, start_b, hi, hi_in, out_a, spans, n ORDER BY n DESC, o.name, o.key
    WITH collect({o: o, w: w, n: n, a: a, b: b, lo: lo, end_a: end_a, start_b: start_b, hi: hi,
                  hi_in: hi_in, out_a: out_a, spans: spans}) AS rows
    RETURN size(rows) AS total, rows[$skip..$skip + $limit] AS page
  }
  CALL (page) {
    UNWIND range(0, size(page) - 1) AS i
    WITH i, page[i] AS r, page[i].w AS w
    WITH i, r, w, w.dated AS dated, w.month_first AS month_first, w.month_last AS month_last,
         w.spanning_dates AS spanning_dates,
         // a cut month's meetings in the window (their dates are read; a whole month's first
         // and last are kept): the first month's, and the last's when it is another month
         CASE WHEN size(r.out_a) > 0
              THEN [j IN range(r.lo, r.end_a - 1) WHERE j < r.hi_in AND NOT j IN r.out_a]
              ELSE [] END
         + CASE WHEN r.hi_in < r.hi AND (r.b > r.a OR size(r.out_a) = 0)
                THEN range(r.start_b, r.hi_in - 1) ELSE [] END AS cut,
         [k IN range(r.a, r.b)
          WHERE NOT (k = r.a AND size(r.out_a) > 0) AND NOT (k = r.b AND r.hi_in < r.hi)] AS whole,
         // the $items latest in dated[lo..hi_in] (out_a left out) and among the spanning ones
         [j IN range(CASE WHEN r.hi_in - $items - size(r.out_a) > r.lo
                          THEN r.hi_in - $items - size(r.out_a) ELSE r.lo END, r.hi_in - 1)
          WHERE NOT j IN r.out_a] AS tail
    WITH i, r, w, [j IN cut | dated[j]] AS cut_keys,
         [j IN r.spans WHERE spanning_dates[j] <> '' | spanning_dates[j]] AS span_dates,
         [k IN whole WHERE month_first[k] <> '' | month_first[k]] AS firsts,
         [k IN whole WHERE month_last[k] <> '' | month_last[k]] AS lasts,
         [j IN tail[CASE WHEN size(tail) > $items THEN size(tail) - $items ELSE 0 END..] |
          dated[j]]
         + [j IN r.spans[CASE WHEN size(r.spans) > $items THEN size(r.spans) - $items ELSE 0
                         END..] | w.spanning[j]] AS keys
    CALL (cut_keys) {
      UNWIND cut_keys AS k
      MATCH (m:Meeting {key: k})
      RETURN collect(m.date) AS cut_dates
    }
    CALL (keys) {
      UNWIND keys AS k
      MATCH (m:Meeting {key: k})
      WITH m ORDER BY m.date_start, m.key
      WITH collect(m) AS ms
      RETURN [m IN ms[CASE WHEN size(ms) > $items THEN size(ms) - $items ELSE 0 END..] |
              """ + _VIEW + """] AS items
    }
    WITH i, r, firsts + span_dates + cut_dates AS firsts, lasts + span_dates + cut_dates AS lasts,
         items ORDER BY i
    RETURN collect({
      id: r.o.key, name: r.o.name, type: [l IN labels(r.o) WHERE l <> 'Entity'][0],
      meetings: r.n,
      first: reduce(f = null, d IN firsts | CASE WHEN f IS NULL OR d < f THEN d ELSE f END),
      last: reduce(f = null, d IN lasts | CASE WHEN f IS NULL OR d > f THEN d ELSE f END),
      items: items}) AS counterparts
  }
  RETURN total, counterparts
  UNION ALL  // not UNION: its Distinct would hash every answer's nested maps
  WITH e WHERE e:Person""" + _FROM_MEETINGS + """}
RETURN total, counterparts
"""

def _scope(*names: LiteralString) -> LiteralString:
    """A CALL's scope clause: the variables it imports (the empty ones left out)."""
    return "(" + ", ".join(n for n in names if n) + ")"


def _anchored(keys: LiteralString, place: LiteralString, imports: LiteralString) -> LiteralString:
    """Meetings of all of `keys` (at `place`), from the meetings of the one with fewest."""
    return """
CALL """ + _scope(imports) + """ {
  UNWIND """ + keys + """ AS k
  MATCH (e:Entity {key: k})
  WITH e ORDER BY COUNT { (e)-[:PARTICIPATED_IN]->() } LIMIT 1
  MATCH (e)-[:PARTICIPATED_IN]->(m:Meeting)
  RETURN m
  UNION
  UNWIND CASE WHEN size(""" + keys + """) = 0 THEN [1] ELSE [] END AS everything
  MATCH (m:Meeting)
  RETURN m
}
WITH m""" + (", " + imports if imports else "") + """
WHERE all(k IN """ + keys + """ WHERE exists { (:Entity {key: k})-[:PARTICIPATED_IN]->(m) })
  AND""" + _at(place) + """
  AND""" + _WHEN + """
WITH m ORDER BY m.date_start DESC, m.key
WITH collect(m) AS rows
RETURN size(rows) AS total, [m IN rows[$skip..$skip + $limit] | """ + _VIEW + """] AS meetings
"""


def _at(place: LiteralString) -> LiteralString:
    """The meeting `m` is held at `place` (a city, or in a country), or `place` is null."""
    return (" (" + place + " IS NULL OR exists { (m)-[:HELD_IN]->(p) WHERE p.key = " + place
            + "\n    OR exists { (p)-[:IN_COUNTRY]->(:Country {key: " + place + "}) } })")


def _meetings(keys: LiteralString, place: LiteralString, imports: LiteralString) -> LiteralString:
    """MEETINGS over `keys` and `place` (parameters, or variables the caller's CALL imports:
    `imports`)."""
    plain = ("$since IS NULL AND $until IS NULL AND $kind IS NULL AND " + place
             + " IS NULL AND $min_confidence IS NULL")
    return """
CALL """ + _scope(imports) + """ {
  OPTIONAL MATCH (x:Entity {key: """ + keys + """[0]}), (y:Entity {key: """ + keys + """[1]})
  WHERE size(""" + keys + """) = 2 AND x <> y
    AND NOT (x:Person AND y:Country) AND NOT (x:Country AND y:Person)
  OPTIONAL MATCH (x)-[w:MET_WITH]-(y)
  RETURN CASE WHEN x IS NULL THEN null ELSE coalesce(w.ordered, []) END AS ordered
}
CALL """ + _scope("ordered", imports) + """ {
  WITH ordered WHERE ordered IS NOT NULL AND """ + plain + """
  CALL (ordered) {
    WITH ordered[$skip..$skip + $limit] AS page
    UNWIND range(0, size(page) - 1) AS i
    MATCH (m:Meeting {key: page[i]})
    WITH i, m ORDER BY i
    RETURN collect(""" + _VIEW + """) AS meetings
  }
  RETURN size(ordered) AS total, meetings
  UNION ALL
  WITH ordered WHERE ordered IS NOT NULL AND NOT (""" + plain + """)
  CALL """ + _scope("ordered", imports) + """ {
    UNWIND range(0, size(ordered) - 1) AS i
    MATCH (m:Meeting {key: ordered[i]})
    WHERE""" + _at(place) + """
      AND""" + _WHEN + """
    WITH i, m ORDER BY i
    RETURN collect(m) AS rows
  }
  RETURN size(rows) AS total, [m IN rows[$skip..$skip + $limit] | """ + _VIEW + """] AS meetings
  UNION ALL
  WITH ordered WHERE ordered IS NULL
  CALL """ + _scope(imports) + """ {""" + _anchored(keys, place, imports) + """}
  RETURN total, meetings
}
RETURN total, meetings
"""


# $keys (all must take part), $since, $until, $kind, $place (key or null), $min_confidence,
# $skip, $limit -> total, meetings [meeting], newest first. Two participants MET_WITH pairs (two
# entities, not a person with a country) are answered from its `ordered` (graph/cypher/facts.py,
# RECOMPUTE_MET_WITH, kept exact by the writer): every meeting they share, by key, in this
# answer's order — with no filter only the page is read, with one each shared meeting is read
# by key and tested (docs/performance.md: a busy pair's anchor had thousands of meetings, most
# not shared). Else from the meetings of the participant with the fewest (not from every
# Meeting: at 55,000 meetings the label scan cost seconds); with none given, from every
# meeting. MEETINGS_ANCHORED is that second way alone for any participants (the reference
# tests/service/test_met_with_queries.py holds MEETINGS to).
MEETINGS: LiteralString = _meetings("$keys", "$place", "")
MEETINGS_ANCHORED: LiteralString = _anchored("$keys", "$place", "")

# $q (lower-cased), $type (label or null), $skip, $limit -> total, entities [{id, name, type,
#   aliases, meetings}]
SEARCH: LiteralString = """
MATCH (a:Alias)-[:NAMES]->(e:Entity)
WHERE a.name CONTAINS $q AND ($type IS NULL OR $type IN labels(e))
WITH e, min(CASE WHEN a.name = $q THEN 0 WHEN a.name STARTS WITH $q THEN 1 ELSE 2 END) AS rank
WITH e, rank, COUNT { (e)-[:PARTICIPATED_IN]->() } AS n ORDER BY rank, n DESC, e.name
WITH collect({id: e.key, name: e.name, type: [l IN labels(e) WHERE l <> 'Entity'][0],
              aliases: coalesce(e.aliases, []), meetings: n}) AS rows
RETURN size(rows) AS total, rows[$skip..$skip + $limit] AS entities
"""

# $type (a label or null), $skip, $limit -> total, entities [{id, name, type, aliases, meetings}]:
#   every entity (of that type), the most met first (GET /entities without q).
ENTITIES: LiteralString = """
MATCH (e:Entity)
WHERE $type IS NULL OR $type IN labels(e)
WITH e, COUNT { (e)-[:PARTICIPATED_IN]->() } AS n ORDER BY n DESC, e.name, e.key
WITH collect({id: e.key, name: e.name, type: [l IN labels(e) WHERE l <> 'Entity'][0],
              aliases: coalesce(e.aliases, []), meetings: n}) AS rows
RETURN size(rows) AS total, rows[$skip..$skip + $limit] AS entities
"""

# $key, $limit -> profile {id, name, type, iso3, aliases, roles, meetings, meeting_count,
#   counterparts, issues}
PROFILE: LiteralString = _KEY_E + """CALL (e) {
  OPTIONAL MATCH (e)-[:PARTICIPATED_IN]->(m:Meeting)
  WITH m ORDER BY m.date_start DESC
  RETURN count(m) AS meeting_count, collect(m)[..$limit] AS ms
}
RETURN e {id: e.key, name: e.name, type: [l IN labels(e) WHERE l <> 'Entity'][0], iso3: e.iso3,
  aliases: coalesce(e.aliases, []),
  country: head([(e)-[:IN_COUNTRY]->(k) | k.name]),
  roles: [(e)-[r:HOLDS_ROLE]->(t) | {title: r.title, of: CASE WHEN t:Entity THEN t.name
          ELSE r.country END, article_id: r.article_id, evidence: r.evidence}],
  meeting_count: meeting_count,
  meetings: [m IN ms | """ + _VIEW + """],
  counterparts: [x IN COLLECT { MATCH (e)-[w:MET_WITH]-(o) RETURN {id: o.key, name: o.name,
      type: [l IN labels(o) WHERE l <> 'Entity'][0], meetings: w.meetings, first: w.first,
      last: w.last} AS c ORDER BY w.meetings DESC, o.name LIMIT $limit } | x],
  issues: COLLECT { MATCH (e)-[:PARTICIPATED_IN]->(:Meeting)-[:DISCUSSED]->(i:Issue)
      RETURN i.name AS i UNION MATCH (i:Issue)-[:CONCERNS]->(e) RETURN i.name AS i }
} AS profile
"""

_KEY_XY: LiteralString = "\nMATCH (x:Entity {key: $a}), (y:Entity {key: $b})\n"

_DYAD_SHARED_MATCHED: LiteralString = """
  CALL (x, y) {
    OPTIONAL MATCH (x)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(y)
    WHERE $min_confidence IS NULL OR m.confidence >= $min_confidence
    RETURN collect(m) AS shared
  }"""
_PERSON_COUNTRY: LiteralString = "(x:Person AND y:Country) OR (x:Country AND y:Person)"


def _dyad(shared: LiteralString) -> LiteralString:
    """The dyad of x and y given how `shared` (their meetings at or above $min_confidence, any
    order) is found: the $limit latest, issues by name (those both are concerned by read from
    each side once and intersected: matched as one pattern, each issue of one side was tested
    for the other, and an issue such as "trade" concerns hundreds — 16k db hits), relations."""
    return _KEY_XY + """OPTIONAL MATCH (x)-[w:MET_WITH]-(y)
CALL (x, y, w) {""" + shared + """
}
CALL (shared) {
  UNWIND shared AS m
  WITH m ORDER BY m.date_start DESC, m.key DESC LIMIT $limit
  RETURN collect(m) AS latest
}
CALL (x, y) {
  WITH x, y, CASE WHEN x = y THEN [] ELSE COLLECT { MATCH (x)<-[:CONCERNS]-(i:Issue) RETURN i }
                                    END AS mine
  MATCH (y)<-[:CONCERNS]-(i:Issue)
  WHERE i IN mine
  RETURN collect(i.name) AS concerning
}
RETURN w {.meetings, .first, .last} AS met_with,
  [(x)-[r:ALLY_OF|NO_DIPLOMATIC_RELATIONS]-(y) |
    {type: type(r), evidence: r.evidence, article_id: r.article_id}] AS relations,
  COLLECT { CALL (shared, concerning) {
              UNWIND shared AS m MATCH (m)-[:DISCUSSED]->(i:Issue) RETURN i.name AS i
              UNION UNWIND concerning AS i RETURN i }
            RETURN i ORDER BY i } AS issues,
  [m IN reverse(latest) | """ + _VIEW + """] AS timeline,
  size(shared) AS timeline_count
"""


# $a, $b, $limit, $min_confidence (or null) -> met_with {meetings, first, last} (all meetings),
#   relations [{type, evidence, article_id}], issues [name], timeline [meeting] (the $limit
#   latest at or above $min_confidence, oldest first: a busy dyad has hundreds), timeline_count
#   (all of those). The meetings the two share are found once (three
#   matches, for the count, the timeline and the issues, cost a busy dyad 3 x 65k db hits).
DYAD: LiteralString = _dyad("""
  WITH x, y, w WHERE """ + _PERSON_COUNTRY + _DYAD_SHARED_MATCHED + """
  RETURN shared
  UNION ALL
  // two entities MET_WITH pairs: their meetings by key (see MEETINGS), not matched through
  // the busier one's
  WITH x, y, w WHERE NOT (""" + _PERSON_COUNTRY + """)
  CALL (w) {
    UNWIND coalesce(w.ordered, []) AS k
    MATCH (m:Meeting {key: k})
    WHERE $min_confidence IS NULL OR m.confidence >= $min_confidence
    RETURN collect(m) AS shared
  }
  RETURN shared""")
# DYAD with the shared meetings always matched (the reference tests hold DYAD to)
DYAD_MATCHED: LiteralString = _dyad(_DYAD_SHARED_MATCHED + """
  RETURN shared""")

# $a, $b, $hops (max meetings on a path), $limit -> path [nodes {id, name, kind: entity|meeting,
#   type, date, meeting_kind}]
_SHORTEST_PATHS: LiteralString = """MATCH p = allShortestPaths((x)-[:PARTICIPATED_IN*..12]-(y))
WHERE length(p) <= 2 * $hops
RETURN [n IN nodes(p) | CASE WHEN n:Meeting
  THEN {id: n.key, name: coalesce(n.kind, 'meeting') + ' ' + coalesce(n.date, 'undated'),
        node: 'meeting', date: n.date, kind: n.kind}
  ELSE {id: n.key, name: n.name, node: 'entity',
        type: [l IN labels(n) WHERE l <> 'Entity'][0]} END] AS path
LIMIT $limit
"""

PATH: LiteralString = _KEY_XY + _SHORTEST_PATHS


def _by_name(keyed: LiteralString, bound: LiteralString, resolved: LiteralString,
             returned: LiteralString = "") -> LiteralString:
    """A query by key as one statement by name: its entities (bound by `bound`, the query's
    first MATCH) bound by alias instead (`resolved`), and `returned` added to its RETURN; no
    row when a name is no alias (graph/views.py then resolves it as graph/names.py does)."""
    if not keyed.startswith(bound):
        raise ValueError("the query does not start by binding its entities by key")
    return resolved + keyed.removeprefix(bound) + returned


# Who met whom by the alias $name (lower-cased) instead of $key: total, counterparts, and the
#   entity {key, name, type} the alias names (one statement: resolving it first cost a round
#   trip and a statement of its own, issue 13). Likewise the profile and the dyad ($a_name,
#   $b_name; a, b).
WHO_MET_WHOM_BY_NAME: LiteralString = _by_name(
    WHO_MET_WHOM, _KEY_E, _resolved("e", "$name"), ", " + _ref("e") + " AS entity\n")
WHO_MET_WHOM_STORED_BY_NAME: LiteralString = _by_name(
    WHO_MET_WHOM_STORED, _KEY_E, _resolved("e", "$name"), ", " + _ref("e") + " AS entity\n")
WHO_MET_WHOM_WINDOW_BY_NAME: LiteralString = _by_name(
    WHO_MET_WHOM_WINDOW, _KEY_E, _resolved("e", "$name"), ", " + _ref("e") + " AS entity\n")
PROFILE_BY_NAME: LiteralString = _by_name(PROFILE, _KEY_E, _resolved("e", "$name"))
DYAD_BY_NAME: LiteralString = _by_name(
    DYAD, _KEY_XY, _resolved("x", "$a_name") + _resolved("y", "$b_name"),
    ", " + _ref("x") + " AS a, " + _ref("y") + " AS b\n")

# $a_name, $b_name (aliases, lower-cased), $hops, $limit -> a, b (the entities they name), paths:
#   PATH's rows as a list, none when both name one entity (Neo4j refuses a shortest path whose
#   two ends are one node); no row when a name is no alias.
PATH_BY_NAME: LiteralString = _resolved("x", "$a_name") + _resolved("y", "$b_name") + """
RETURN """ + _ref("x") + " AS a, " + _ref("y") + """ AS b,
  CASE WHEN x = y THEN [] ELSE COLLECT {
""" + _SHORTEST_PATHS + """} END AS paths
"""

# MEETINGS with its $keys and $place bound as variables (the entities the names resolve to)
_MEETINGS_OF: LiteralString = _meetings("keys", "place", "keys, place")
_PARTICIPANTS: LiteralString = """
CALL () {
  UNWIND range(0, size($names) - 1) AS i
  """ + _resolved("e", "$names[i]", "i") + """  WITH i, e ORDER BY i
  RETURN collect(e) AS who
}
WITH who WHERE size(who) = size($names)
"""
_MEETINGS_AMONG: LiteralString = """
WITH who, at, [w IN who | w.key] AS keys, at.key AS place
CALL (keys, place) {""" + _MEETINGS_OF + """}
RETURN total, meetings, [w IN who | """ + _ref("w") + """] AS participants,
       CASE WHEN at IS NULL THEN null ELSE """ + _ref("at") + """ END AS place
"""

# MEETINGS by names: $names (aliases, lower-cased; all must take part), the window, $skip,
#   $limit -> total, meetings, participants [{key, name, type}] (the entities the names name, in
#   their order), place (null); no row when a name is no alias. MEETINGS_AT_BY_NAME: also at the
#   place the alias $place_name names (place: it).
MEETINGS_BY_NAME: LiteralString = _PARTICIPANTS + "WITH who, null AS at\n" + _MEETINGS_AMONG
MEETINGS_AT_BY_NAME: LiteralString = (_PARTICIPANTS + _resolved("at", "$place_name")
                                      + _MEETINGS_AMONG)
