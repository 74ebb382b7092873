"""Cypher for worker liveness: each worker's pulse, what /ready reads, a clean leave."""

from typing import LiteralString

# $id, $state, $article, $idle, $stall_seconds, $pulse_seconds, $batch -> nothing
# Times are the server's (`datetime()`), so workers on other machines need no common clock:
# a worker sends how long ago it last made progress, not when.
PULSE: LiteralString = """
MERGE (w:Worker {id: $id})
SET w.state = $state, w.article = $article, w.batch = $batch, w.seen = datetime(),
    w.last_progress = datetime() - duration({milliseconds: toInteger($idle * 1000)}),
    w.stall_seconds = $stall_seconds, w.pulse_seconds = $pulse_seconds
"""

# $gone_seconds -> id, state, article, batch, idle (s), seen_ago (s), stall_seconds,
# pulse_seconds
# Workers that stopped pulsing long ago are left out (a crashed worker is not a stalled one).
LIVE: LiteralString = """
MATCH (w:Worker)
WHERE w.seen > datetime() - duration({seconds: $gone_seconds})
RETURN w.id AS id, w.state AS state, w.article AS article, w.batch AS batch,
       duration.inSeconds(w.last_progress, datetime()).milliseconds / 1000.0 AS idle,
       duration.inSeconds(w.seen, datetime()).milliseconds / 1000.0 AS seen_ago,
       w.stall_seconds AS stall_seconds, w.pulse_seconds AS pulse_seconds
ORDER BY w.id
"""

# $id -> nothing
LEAVE: LiteralString = "MATCH (w:Worker {id: $id}) DELETE w"
