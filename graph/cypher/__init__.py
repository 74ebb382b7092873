"""All of diplograph's Cypher: `LiteralString` constants, parameters only, fixed labels and types.

- `browser`: the subgraphs the Neo4j Browser links open (values written in as literals).
- `articles`: the article store and its work queue (claim, lease, complete, fail, reprocess).
- `facts`: one article's facts, replaced in a single write transaction, and the derived edges.
- `reads`: the read views behind the query endpoints.
- `workers`: worker liveness (pulses, what `/ready` reports).
"""
