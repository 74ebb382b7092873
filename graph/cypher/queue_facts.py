"""Cypher for one stored article's facts: what the worker extracted from it, with evidence.

Per-article values come from the article's own share: REPORTED_IN carries the report's date,
kind, status, place, span and confidence; derived edges list the supporting `articles` (and
PARTICIPATED_IN the matching `confidences`), so only this article's part is shown."""

from typing import LiteralString

# $id -> status, extractor_version, meetings [...], roles [...], issues [...], relations [...]
# (no row: no such article)
ARTICLE_FACTS: LiteralString = """
MATCH (a:Article {id: $id})
RETURN a.status AS status, a.extractor_version AS extractor_version,
  COLLECT { MATCH (m:Meeting)-[rep:REPORTED_IN]->(a)
    RETURN {meeting_id: m.key, date: rep.date, date_precision: rep.date_precision,
      kind: rep.kind, status: rep.status, evidence: rep.evidence, start: rep.start,
      end: rep.end, confidence: rep.confidence,
      place: head([(m)-[h:HELD_IN]->(plc) WHERE $id IN coalesce(h.articles, []) |
                   {id: plc.key, name: plc.name}]),
      participants: [(who:Entity)-[took:PARTICIPATED_IN]->(m)
                     WHERE $id IN coalesce(took.articles, []) |
        {id: who.key, name: who.name, type: [l IN labels(who) WHERE l <> 'Entity'][0],
         role: took.role,
         confidence: head([i IN range(0, size(took.articles) - 1)
                           WHERE took.articles[i] = $id | took.confidences[i]])}],
      issues: [(m)-[d:DISCUSSED]->(iss) WHERE $id IN coalesce(d.articles, []) | iss.name]}
      AS meeting ORDER BY rep.start, m.key } AS meetings,
  COLLECT { MATCH (p:Person)-[r:HOLDS_ROLE {article_id: $id}]->(t)
    RETURN {person: {id: p.key, name: p.name}, title: r.title,
      of: CASE WHEN t:Entity THEN t.name ELSE r.country END, evidence: r.evidence,
      start: r.start, end: r.end, confidence: r.confidence} AS role
      ORDER BY r.start } AS roles,
  COLLECT { MATCH (a)-[:MENTIONS]->(i:Issue)
    RETURN {id: i.key, name: i.name,
      countries: [(i)-[c:CONCERNS]->(k) WHERE $id IN coalesce(c.articles, []) | k.name]}
      AS issue ORDER BY i.name } AS issues,
  COLLECT { MATCH (x:Country)-[r:ALLY_OF|NO_DIPLOMATIC_RELATIONS {article_id: $id}]->(y)
    RETURN {type: type(r), a: x.name, b: y.name, evidence: r.evidence, start: r.start,
      end: r.end} AS relation ORDER BY r.start } AS relations
"""
