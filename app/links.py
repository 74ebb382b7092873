"""Links that open the subgraph a response describes in the Neo4j Browser (`browser_url`).

The queries are fixed; graph.browser.links writes each `$value` in as a Cypher literal, so the
Browser's editor holds one statement that draws the subgraph on Ctrl+Enter.
"""

from __future__ import annotations

from graph.browser.links import browser_url

WHO_MET_WHOM = "MATCH p = (e:Entity {key: $key})-[:MET_WITH]-() RETURN p"
MEETINGS = """MATCH (m:Meeting)
WHERE all(k IN $keys WHERE exists { (:Entity {key: k})-[:PARTICIPATED_IN]->(m) })
MATCH p = (m)-[:PARTICIPATED_IN|HELD_IN|DISCUSSED]-() RETURN p LIMIT 300"""
ENTITY = """MATCH p = (e:Entity {key: $key})-[:MET_WITH|PARTICIPATED_IN|HOLDS_ROLE]-()
RETURN p LIMIT 300"""
DYAD = """MATCH p = (:Entity {key: $a})-[:PARTICIPATED_IN]->(:Meeting)
  <-[:PARTICIPATED_IN]-(:Entity {key: $b}) RETURN p"""
PATH = """MATCH (x:Entity {key: $a}), (y:Entity {key: $b})
MATCH p = allShortestPaths((x)-[:PARTICIPATED_IN*..12]-(y))
WHERE length(p) <= 2 * $hops RETURN p LIMIT 10"""


def who_met_whom(base: str, key: str) -> str:
    return browser_url(WHO_MET_WHOM, {"key": key}, base)


def meetings(base: str, keys: list[str]) -> str:
    return browser_url(MEETINGS, {"keys": keys}, base)


def entity(base: str, key: str) -> str:
    return browser_url(ENTITY, {"key": key}, base)


def dyad(base: str, a: str, b: str) -> str:
    return browser_url(DYAD, {"a": a, "b": b}, base)


def path(base: str, a: str, b: str, hops: int) -> str:
    return browser_url(PATH, {"a": a, "b": b, "hops": hops}, base)
