"""Cypher behind the exports: one row per meeting (streamed, oldest first) and the graph's nodes
and edges for GraphML. Filters are those of `/meetings`; every value is a parameter."""

from typing import LiteralString

# Which meetings: $keys (all must take part), $place (key or null), $since, $until, $kind,
# $min_confidence (each may be null). Expects nothing bound; binds `m`.
_WHICH: LiteralString = """
MATCH (m:Meeting)
WHERE all(k IN $keys WHERE exists { (:Entity {key: k})-[:PARTICIPATED_IN]->(m) })
  AND ($place IS NULL OR exists { (m)-[:HELD_IN]->(p) WHERE p.key = $place
                                  OR exists { (p)-[:IN_COUNTRY]->(:Country {key: $place}) } })
  AND ($since IS NULL OR m.date_end >= $since) AND ($until IS NULL OR m.date_start <= $until)
  AND ($kind IS NULL OR m.kind = $kind)
  AND ($min_confidence IS NULL OR m.confidence >= $min_confidence)
"""

# filters -> total
MEETING_COUNT: LiteralString = _WHICH + "RETURN count(m) AS total"

# filters -> one row per meeting: id, date, date_precision, kind, status, confidence, place,
# place_type, place_country (ISO 3166 alpha-3), countries [alpha-3], country_names, people,
# organizations, issues, reports (how many articles reported it), source_urls; oldest first.
MEETINGS: LiteralString = _WHICH + """
WITH m ORDER BY m.date_start, m.key
OPTIONAL CALL (m) {
  MATCH (m)-[:HELD_IN]->(plc)
  RETURN plc LIMIT 1
}
RETURN m.key AS id, toString(m.date) AS date, m.date_precision AS date_precision,
  m.kind AS kind, m.status AS status, m.confidence AS confidence,
  plc.name AS place, [l IN labels(plc) WHERE l <> 'Entity'][0] AS place_type,
  CASE WHEN plc:Country THEN coalesce(plc.iso3, plc.key)
       ELSE head([(plc)-[:IN_COUNTRY]->(pc) | coalesce(pc.iso3, pc.key)]) END AS place_country,
  COLLECT { MATCH (c:Country)-[:PARTICIPATED_IN]->(m)
            RETURN coalesce(c.iso3, c.key) AS code ORDER BY code } AS countries,
  COLLECT { MATCH (c:Country)-[:PARTICIPATED_IN]->(m)
            WITH c ORDER BY coalesce(c.iso3, c.key) RETURN c.name } AS country_names,
  COLLECT { MATCH (p:Person)-[:PARTICIPATED_IN]->(m) RETURN p.name AS n ORDER BY n } AS people,
  COLLECT { MATCH (o:Organization)-[:PARTICIPATED_IN]->(m)
            RETURN o.name AS n ORDER BY n } AS organizations,
  COLLECT { MATCH (m)-[:DISCUSSED]->(i) RETURN i.name AS n ORDER BY n } AS issues,
  COUNT { (m)-[:REPORTED_IN]->(:Article) } AS reports,
  COLLECT { MATCH (m)-[:REPORTED_IN]->(a:Article) WHERE a.url IS NOT NULL
            RETURN DISTINCT a.url AS u ORDER BY u } AS source_urls
"""

# -> id, label, name, iso3, date, kind, status, confidence: every entity, meeting and issue
GRAPH_NODES: LiteralString = """
MATCH (n)
WHERE n:Entity OR n:Meeting OR n:Issue
RETURN n.key AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, n.name AS name,
  n.iso3 AS iso3, toString(n.date) AS date, n.kind AS kind, n.status AS status,
  n.confidence AS confidence
ORDER BY label, id
"""

# -> source, target, type, role, confidence, meetings: the edges among GRAPH_NODES' nodes
GRAPH_EDGES: LiteralString = """
MATCH (x)-[r:PARTICIPATED_IN|HELD_IN|DISCUSSED|MET_WITH|IN_COUNTRY|CONCERNS]->(y)
WHERE (x:Entity OR x:Meeting OR x:Issue) AND (y:Entity OR y:Meeting OR y:Issue)
RETURN x.key AS source, y.key AS target, type(r) AS type, r.role AS role,
  r.confidence AS confidence, r.meetings AS meetings
ORDER BY source, target, type
"""
