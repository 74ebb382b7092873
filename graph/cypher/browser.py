"""Cypher the Browser links open (graph/browser/links.py writes each `$value` in as a literal).

Each returns paths, so the Browser draws them; none may hold `&`, `#` or `;` (see the links)."""

from typing import LiteralString

# $key -> the entity's MET_WITH edges
WHO_MET_WHOM: LiteralString = "MATCH p = (e:Entity {key: $key})-[:MET_WITH]-() RETURN p"

# $keys (all must take part) -> their meetings with participants, place and issues
MEETINGS: LiteralString = """MATCH (m:Meeting)
WHERE all(k IN $keys WHERE exists { (:Entity {key: k})-[:PARTICIPATED_IN]->(m) })
MATCH p = (m)-[:PARTICIPATED_IN|HELD_IN|DISCUSSED]-() RETURN p LIMIT 300"""

# $key -> the entity's counterparts, meetings and roles
ENTITY: LiteralString = (
    "MATCH p = (e:Entity {key: $key})-[:MET_WITH|PARTICIPATED_IN|HOLDS_ROLE]-()\n"
    "RETURN p LIMIT 300")

# $a, $b -> the meetings both took part in
DYAD: LiteralString = """MATCH p = (:Entity {key: $a})-[:PARTICIPATED_IN]->(:Meeting)
  <-[:PARTICIPATED_IN]-(:Entity {key: $b}) RETURN p"""

# $a, $b, $hops -> the shortest chains of at most $hops meetings between them
PATH: LiteralString = """MATCH (x:Entity {key: $a}), (y:Entity {key: $b})
MATCH p = allShortestPaths((x)-[:PARTICIPATED_IN*..12]-(y))
WHERE length(p) <= 2 * $hops RETURN p LIMIT 10"""
