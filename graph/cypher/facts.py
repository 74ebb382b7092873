"""Cypher that replaces a batch of articles' facts and recomputes what derives from them.

Run in this order inside one write transaction (see graph/writer.py): FENCE, OLD_FACTS,
RELEASE_DERIVED, DELETE_OWN, MERGE_ENTITIES, LOCK_ENTITIES, MERGE_*/CREATE_*, REFRESH_MEETINGS,
DROP_ORPHANS, CITY_MEETINGS, MEETING_VIEWS, SET_MEETING_VIEWS, MEETING_PAIRS, RECOMPUTE_MET_WITH.
Every per-article statement UNWINDs `$articles` (or `$ids`) and does one article's share in a
`CALL` per article, in order, so a later article of the batch sees what an earlier one wrote (a
meeting two articles report is merged, as with one transaction each). Derived edges
(PARTICIPATED_IN, HELD_IN, DISCUSSED, CONCERNS) carry the ids of the `articles` that support
them, so one article's share can be taken back exactly.
"""

from typing import LiteralString

# $articles [{id, worker, attempt}] -> id (only the articles whose lease this worker still holds;
# worker null: no lease to check)
FENCE: LiteralString = """
UNWIND $articles AS art
MATCH (a:Article {id: art.id})
SET a.touched_at = datetime()
WITH a, art WHERE art.worker IS NULL
   OR (a.status = 'processing' AND a.worker_id = art.worker AND a.attempts = art.attempt)
RETURN a.id AS id
"""

# $ids -> id, meetings (keys of meetings the article reported), entities (their participants'
#         keys), issues (keys of issues the article mentioned)
OLD_FACTS: LiteralString = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
CALL (a) {
  OPTIONAL MATCH (a)<-[:REPORTED_IN]-(m:Meeting)
  OPTIONAL MATCH (m)<-[:PARTICIPATED_IN]-(e:Entity)
  OPTIONAL MATCH (a)-[:MENTIONS]->(i:Issue)
  RETURN collect(DISTINCT m.key) AS meetings, collect(DISTINCT e.key) AS entities,
         collect(DISTINCT i.key) AS issues
}
RETURN a.id AS id, meetings, entities, issues
"""

# $ids -> nothing; takes each article's share back from derived meeting and issue edges
RELEASE_DERIVED: LiteralString = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
CALL (a, id) {
  CALL (a, id) {
    MATCH (a)<-[:REPORTED_IN]-(m:Meeting)
    WITH DISTINCT m
    MATCH (m)-[r:PARTICIPATED_IN|HELD_IN|DISCUSSED]-()
    WHERE id IN r.articles
    RETURN collect(DISTINCT r) AS meeting_edges
  }
  CALL (a, id) {
    MATCH (a)-[:MENTIONS]->(:Issue)-[r:CONCERNS]->()
    WHERE id IN r.articles
    RETURN collect(DISTINCT r) AS issue_edges
  }
  UNWIND meeting_edges + issue_edges AS r
  WITH r, [i IN range(0, size(r.articles) - 1) WHERE r.articles[i] <> id] AS keep
  // PARTICIPATED_IN keeps each article's confidence beside its id, in the same order
  SET r.confidences = CASE WHEN r.confidences IS NULL THEN null
                           ELSE [i IN keep | r.confidences[i]] END,
      r.articles = [i IN keep | r.articles[i]]
  SET r.confidence = CASE WHEN r.confidences IS NULL THEN r.confidence
                          ELSE reduce(top = 0.0, c IN r.confidences |
                                      CASE WHEN c > top THEN c ELSE top END) END
  WITH r WHERE size(r.articles) = 0
  DELETE r
}
"""

# $ids -> nothing; deletes each article's own edges: reports, roles, relations, mentions
DELETE_OWN: LiteralString = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
CALL (a) { MATCH (a)<-[r:REPORTED_IN]-() DELETE r }
CALL (a, id) {
  MATCH (a)-[:MENTIONS]->(:Entity)-[r:HOLDS_ROLE|ALLY_OF|NO_DIPLOMATIC_RELATIONS]->()
  WHERE r.article_id = id
  WITH DISTINCT r DELETE r
}
CALL (a) { MATCH (a)-[r:MENTIONS]->() DELETE r }
"""

# $articles [{id, rows [{key, type, name, iso3, aliases, names}]}] -> nothing
MERGE_ENTITIES: LiteralString = """
UNWIND $articles AS art
MATCH (a:Article {id: art.id})
CALL (a, art) {
  UNWIND art.rows AS row
  MERGE (e:Entity {key: row.key})
    ON CREATE SET e.name = row.name
  SET e:$(row.type), e.iso3 = coalesce(e.iso3, row.iso3),
      e.aliases = reduce(acc = coalesce(e.aliases, []), x IN row.aliases |
                         CASE WHEN x IN acc THEN acc ELSE acc + x END)
  MERGE (a)-[:MENTIONS]->(e)
  WITH e, row
  UNWIND row.names AS name
  MERGE (n:Alias {name: name})
  MERGE (n)-[:NAMES]->(e)
}
"""

# $keys (sorted) -> nothing; write-locks the participants so concurrent counts serialise
LOCK_ENTITIES: LiteralString = """
UNWIND $keys AS key
MATCH (e:Entity {key: key})
SET e._lock = true
REMOVE e._lock
"""

# $rows [{city, country}] -> city (the key of each city that gained a country: its meetings'
# views show the place's country, graph/writer.py refreshes them)
MERGE_CITY_COUNTRIES: LiteralString = """
UNWIND $rows AS row
MATCH (c:City {key: row.city}), (k:Country {key: row.country})
WHERE NOT EXISTS { (c)-[:IN_COUNTRY]->(k) }
MERGE (c)-[:IN_COUNTRY]->(k)
RETURN DISTINCT c.key AS city
"""

# $articles [{id, rows [{key, name, countries}]}] -> nothing
MERGE_ISSUES: LiteralString = """
UNWIND $articles AS art
MATCH (a:Article {id: art.id})
CALL (a, art) {
  UNWIND art.rows AS row
  MERGE (i:Issue {key: row.key}) ON CREATE SET i.name = row.name
  MERGE (a)-[:MENTIONS]->(i)
  WITH i, row
  UNWIND row.countries AS country
  MATCH (c:Country {key: country})
  MERGE (i)-[r:CONCERNS]->(c)
  SET r.articles = CASE WHEN art.id IN coalesce(r.articles, []) THEN r.articles
                        ELSE coalesce(r.articles, []) + art.id END
}
"""

# $articles [{id, version, rows [{key, sides, place, date, date_precision, date_start, date_end,
#   kind, status, evidence, start, end, confidence, participants [{key, role, confidence}],
#   issues [key]}]}]
# -> key (the meeting each row was stored in: an overlapping one, or a new one).
# PARTICIPATED_IN.confidences holds each supporting article's confidence, aligned with
# `articles`; `confidence` is the highest of them.
MERGE_MEETINGS: LiteralString = """
UNWIND $articles AS art
MATCH (a:Article {id: art.id})
CALL (a, art) {
  UNWIND art.rows AS row
  CALL (row) {
    OPTIONAL MATCH (m:Meeting {sides: row.sides})
    WHERE (row.place IS NULL OR m.place IS NULL OR m.place = row.place)
      AND ((row.date_start IS NULL AND m.date_start IS NULL)
           OR (row.date_start <= m.date_end AND m.date_start <= row.date_end))
    WITH m ORDER BY m.key LIMIT 1
    RETURN m.key AS found
  }
  MERGE (m:Meeting {key: coalesce(found, row.key)})
    ON CREATE SET m.sides = row.sides, m.place = row.place, m.date_start = row.date_start,
                  m.date_end = row.date_end
  CREATE (m)-[:REPORTED_IN {evidence: row.evidence, start: row.start, end: row.end,
    extractor_version: art.version, confidence: row.confidence, date: row.date,
    date_precision: row.date_precision, date_start: row.date_start, date_end: row.date_end,
    kind: row.kind, status: row.status, place: row.place}]->(a)
  WITH m, row
  CALL (m, row, art) {
    UNWIND row.participants AS p
    MATCH (e:Entity {key: p.key})
    MERGE (e)-[r:PARTICIPATED_IN]->(m)
    WITH r, p, art, coalesce(r.articles, []) AS ids,
         coalesce(r.confidences, [x IN coalesce(r.articles, []) | 1.0]) AS cs
    SET r.role = CASE WHEN coalesce(r.role, 'participant') = 'participant' THEN p.role
                      ELSE r.role END,
        r.confidences = CASE WHEN art.id IN ids
          THEN [i IN range(0, size(ids) - 1) | CASE WHEN ids[i] = art.id AND p.confidence > cs[i]
                                                THEN p.confidence ELSE cs[i] END]
          ELSE cs + p.confidence END,
        r.articles = CASE WHEN art.id IN ids THEN ids ELSE ids + art.id END
    SET r.confidence = reduce(top = 0.0, c IN r.confidences |
                              CASE WHEN c > top THEN c ELSE top END)
  }
  CALL (m, row, art) {
    UNWIND row.issues AS key
    MATCH (i:Issue {key: key})
    MERGE (m)-[r:DISCUSSED]->(i)
    SET r.articles = CASE WHEN art.id IN coalesce(r.articles, []) THEN r.articles
                          ELSE coalesce(r.articles, []) + art.id END
  }
  CALL (m, row, art) {
    WITH * WHERE row.place IS NOT NULL
    MATCH (p:Entity {key: row.place})
    MERGE (m)-[r:HELD_IN]->(p)
    SET r.articles = CASE WHEN art.id IN coalesce(r.articles, []) THEN r.articles
                          ELSE coalesce(r.articles, []) + art.id END
  }
  RETURN m.key AS key
}
RETURN key
"""

# $articles [{id, version, rows [{person, target, title, country, evidence, start, end,
#   confidence}]}]
# -> nothing. The role points at the Country/Organization it is held for, else at the article.
CREATE_ROLES: LiteralString = """
UNWIND $articles AS art
MATCH (a:Article {id: art.id})
CALL (a, art) {
  UNWIND art.rows AS row
  MATCH (p:Person {key: row.person})
  OPTIONAL MATCH (t:Entity {key: row.target})
  WITH a, p, row, coalesce(t, a) AS target
  CREATE (p)-[:HOLDS_ROLE {title: row.title, country: row.country, article_id: art.id,
    evidence: row.evidence, start: row.start, end: row.end, confidence: row.confidence,
    extractor_version: art.version}]->(target)
}
"""

# $articles [{id, version, rows [{a, b, evidence, start, end}]}] -> nothing
CREATE_ALLY_OF: LiteralString = """
UNWIND $articles AS art
CALL (art) {
  UNWIND art.rows AS row
  MATCH (x:Country {key: row.a}), (y:Country {key: row.b})
  CREATE (x)-[:ALLY_OF {article_id: art.id, evidence: row.evidence, start: row.start,
    end: row.end, extractor_version: art.version}]->(y)
}
"""

# $articles [{id, version, rows [{a, b, evidence, start, end}]}] -> nothing
CREATE_NO_RELATIONS: LiteralString = """
UNWIND $articles AS art
CALL (art) {
  UNWIND art.rows AS row
  MATCH (x:Country {key: row.a}), (y:Country {key: row.b})
  CREATE (x)-[:NO_DIPLOMATIC_RELATIONS {article_id: art.id, evidence: row.evidence,
    start: row.start, end: row.end, extractor_version: art.version}]->(y)
}
"""

# $keys (meeting keys) -> nothing; a meeting's date, kind and status come from its best report,
# its confidence is its most confident report's
REFRESH_MEETINGS: LiteralString = """
UNWIND $keys AS key
MATCH (m:Meeting {key: key})-[r:REPORTED_IN]->(a:Article)
WITH m, r ORDER BY
  CASE r.date_precision WHEN 'day' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END DESC,
  r.confidence DESC, a.id, r.start
WITH m, collect(r) AS rs
WITH m, rs, rs[0] AS best
SET m.date = best.date, m.date_precision = best.date_precision,
    m.date_start = best.date_start, m.date_end = best.date_end, m.kind = best.kind,
    m.status = CASE WHEN any(x IN rs WHERE x.status = 'held') THEN 'held' ELSE 'planned' END,
    m.place = head([x IN rs WHERE x.place IS NOT NULL | x.place]),
    m.reports = size(rs),
    m.confidence = reduce(top = 0.0, x IN rs | CASE WHEN x.confidence > top THEN x.confidence
                                                     ELSE top END)
WITH m  // the place's name, so the Browser can caption a meeting by date, kind and place
SET m.place_name = head([(m)-[:HELD_IN]->(p) WHERE p.key = m.place | p.name])
"""

# $meetings, $issues (keys) -> nothing; meetings no article reports and issues none mentions
DROP_ORPHANS: LiteralString = """
CALL () {
  UNWIND $meetings AS key
  MATCH (m:Meeting {key: key}) WHERE NOT (m)-[:REPORTED_IN]->()
  DETACH DELETE m
}
CALL () {
  UNWIND $issues AS key
  MATCH (i:Issue {key: key}) WHERE NOT ()-[:MENTIONS]->(i)
  DETACH DELETE i
}
"""

# $keys (meeting keys) -> pair [key, key] (sorted): every two entities at one of these meetings,
# whichever articles put them there
MEETING_PAIRS: LiteralString = """
UNWIND $keys AS key
MATCH (m:Meeting {key: key})<-[:PARTICIPATED_IN]-(e:Entity)
WITH m, collect(e.key) AS keys
UNWIND keys AS a
UNWIND keys AS b
WITH a, b WHERE a < b
RETURN DISTINCT [a, b] AS pair
"""

# $pairs [[key, key]] (each sorted), $kept (graph.writer.LATEST_KEPT) -> nothing. MET_WITH between
# the two entities of each pair is recomputed from the meetings both attended (never
# incremented); a person and a country are never paired. `latest` keeps the keys of the pair's
# $kept latest meetings (by date_start then key, undated last; oldest first), so who-met-whom
# lists them by key instead of expanding every meeting of a busy entity (graph/cypher/reads.py,
# WHO_MET_WHOM_STORED).
# For who-met-whom in a date window (WHO_MET_WHOM_WINDOW) it also keeps the pair's dated
# meetings by calendar month, so a window is counted from a few numbers instead of from every
# meeting of the entity. A meeting whose date_start and date_end fall in one month (a day or a
# month date) is "in" that month: `dated` holds their keys by date_start then key, `days`
# (aligned) date_start's day * 100 + date_end's day (to cut a window's first and last month at
# its day without reading the meetings); for each month that has any, in order, `months` its
# index (year * 12 + month - 1), `upto` the count of them through it, `month_first` /
# `month_last` their least / greatest `date` ('' for none; a whole month inside a window gives
# its first/last so). Only the months with meetings: dense from the first month, a pair that
# met twice ten years apart read 120 of each (a small country's window cost more than its
# recomputation). A meeting across months (a year date) is kept whole: `spanning` (keys, by
# date_start then key) with `spanning_from`, `spanning_to` and `spanning_dates`. Meetings with
# no date_start are in no window and kept in neither. `ordered` is every shared meeting's key as
# GET /meetings lists two participants' meetings (date_start descending, undated first, then
# key), so that answer is read by key (graph/cypher/reads.py, MEETINGS) instead of testing
# each meeting of the busier one.
RECOMPUTE_MET_WITH: LiteralString = """
UNWIND $pairs AS pair
MATCH (x:Entity {key: pair[0]}), (y:Entity {key: pair[1]})
WHERE NOT (x:Person AND y:Country) AND NOT (x:Country AND y:Person)
CALL (x, y) {
  OPTIONAL MATCH (x)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(y)
  WITH DISTINCT m ORDER BY m.date_start DESC, m.key
  RETURN collect(m) AS shared
}
CALL (shared) {
  UNWIND CASE WHEN size(shared) = 0 THEN [null] ELSE shared END AS m
  WITH m, m.date_start IS NOT NULL AND m.date_end IS NOT NULL AS dated,
       m.date_start.year = m.date_end.year AND m.date_start.month = m.date_end.month AS one_month
  ORDER BY m.date_start DESC, m.key DESC
  // collect() skips the nulls: each list gets only its own meetings, in this order
  RETURN count(m) AS n, min(m.date) AS first, max(m.date) AS last,
         reverse(collect(m.key)[..$kept]) AS latest,
         reverse(collect(CASE WHEN dated AND one_month THEN m END)) AS inm,
         reverse(collect(CASE WHEN dated AND NOT one_month THEN m END)) AS spans
}
CALL (inm) {
  UNWIND inm AS m
  WITH m.date_start.year * 12 + m.date_start.month - 1 AS k, count(*) AS c,
       coalesce(min(m.date), '') AS f, coalesce(max(m.date), '') AS l
  ORDER BY k
  RETURN collect(k) AS ks, collect(c) AS cs, collect(f) AS fs, collect(l) AS ls
}
WITH x, y, n, first, last, latest, inm, spans, ks, fs, ls, shared,
     reduce(d = [], c IN cs | d + [coalesce(last(d), 0) + c]) AS upto
OPTIONAL MATCH (x)-[old:MET_WITH]-(y)
FOREACH (_ IN CASE WHEN n = 0 AND old IS NOT NULL THEN [1] ELSE [] END | DELETE old)
FOREACH (_ IN CASE WHEN n > 0 THEN [1] ELSE [] END |
  MERGE (x)-[r:MET_WITH]->(y)
  SET r.meetings = n, r.first = first, r.last = last, r.latest = latest, r.months = ks,
      r.upto = upto, r.month_first = fs, r.month_last = ls,
      r.dated = [m IN inm | m.key],
      r.days = [m IN inm | m.date_start.day * 100 + m.date_end.day],
      r.spanning = [m IN spans | m.key], r.spanning_from = [m IN spans | m.date_start],
      r.spanning_to = [m IN spans | m.date_end],
      r.spanning_dates = [m IN spans | coalesce(m.date, '')],
      r.ordered = [m IN shared | m.key])
"""

# -> n: 1 if the graph has a MET_WITH relationship type (else the next query warns that it
# does not exist)
HAS_MET_WITH: LiteralString = """
CALL db.relationshipTypes() YIELD relationshipType WHERE relationshipType = 'MET_WITH'
RETURN count(*) AS n
"""

# $limit -> pair [key, key]: MET_WITH written before it kept `latest` or its `months` (a graph
# from an older release), to recompute once (`keys`: no warning when no relationship has the
# property yet)
MET_WITH_OUTDATED: LiteralString = """
MATCH (x)-[w:MET_WITH]->(y)
WHERE NOT 'latest' IN keys(w) OR NOT 'months' IN keys(w) OR NOT 'ordered' IN keys(w)
RETURN [x.key, y.key] AS pair LIMIT $limit
"""

# A meeting as the API shows it (expects `m` bound; its own variables must not clash with the
# caller's, or a subquery would match the caller's node instead). The writer stores it on each
# meeting as `view` (MEETING_VIEWS); the read queries return that (graph/cypher/reads.py). Its
# lists are in a defined order (a pattern's is the store's, which follows the order the
# relationships were written in, so the same facts written in another order would answer in
# another): participants and countries by key, issues by name, reports by their article's
# publication date (undated last), article id and offset; of two places, the one the
# meeting's `place` names.
MEETING_PROJECTION: LiteralString = """m {
  id: m.key, date: m.date, date_precision: m.date_precision, kind: m.kind, status: m.status,
  confidence: m.confidence,
  participants: COLLECT { MATCH (who:Entity)-[took:PARTICIPATED_IN]->(m)
    RETURN {id: who.key, name: who.name, type: [l IN labels(who) WHERE l <> 'Entity'][0],
            role: took.role, confidence: took.confidence} AS who_view ORDER BY who.key },
  countries: COLLECT { MATCH (cty:Country)-[:PARTICIPATED_IN]->(m)
    RETURN cty.name AS cty_name ORDER BY cty.key },
  place: head(COLLECT { MATCH (m)-[:HELD_IN]->(plc)
    RETURN {id: plc.key, name: plc.name, country: head(COLLECT {
              MATCH (plc)-[:IN_COUNTRY]->(kc) RETURN kc.name AS kc_name ORDER BY kc.key })}
      AS plc_view
    ORDER BY CASE WHEN plc.key = m.place THEN 0 ELSE 1 END, plc.key }),
  issues: COLLECT { MATCH (m)-[:DISCUSSED]->(iss) RETURN iss.name AS iss_name
    ORDER BY iss.name, iss.key },
  reports: COLLECT { MATCH (m)-[rep:REPORTED_IN]->(art:Article)
    RETURN {evidence: rep.evidence, start: rep.start, end: rep.end, confidence: rep.confidence,
            extractor_version: rep.extractor_version, article_id: art.id, url: art.url,
            title: art.title, source: art.source, published: art.published} AS rep_view
    ORDER BY art.published, art.id, rep.start, rep.end, rep.confidence }
}"""

# $keys (meeting keys, sorted) -> key, view (MEETING_PROJECTION) of each that exists. Each is
# write-locked first, so it is read as a concurrent writer of the meeting committed it (whose
# view would otherwise be overwritten by one read before that commit: the backfill, or a city
# gaining its country).
MEETING_VIEWS: LiteralString = """
UNWIND $keys AS key
MATCH (m:Meeting {key: key})
SET m._lock = true
REMOVE m._lock
RETURN m.key AS key, """ + MEETING_PROJECTION + """ AS view
"""

# $rows [{key, view}] (view: MEETING_PROJECTION as JSON), $version -> nothing
SET_MEETING_VIEWS: LiteralString = """
UNWIND $rows AS row
MATCH (m:Meeting {key: row.key})
SET m.view = row.view, m.view_version = $version
"""

# $cities (keys) -> key: the meetings held in these cities
CITY_MEETINGS: LiteralString = """
UNWIND $cities AS city
MATCH (:City {key: city})<-[:HELD_IN]-(m:Meeting)
RETURN DISTINCT m.key AS key
"""

# $version, $limit -> key: meetings without a view of this version (a graph from an older
# release, or views of another shape), to compute once
MEETING_VIEW_OUTDATED: LiteralString = """
MATCH (m:Meeting) WHERE coalesce(m.view_version, 0) <> $version
RETURN m.key AS key LIMIT $limit
"""
