"""Cypher for the article store and its work queue: store, claim with a lease, complete, fail."""

from typing import LiteralString

# Columns every article read returns.
_ARTICLE: LiteralString = """
  id: a.id, url: a.url, title: a.title, source: a.source, published: a.published,
  status: a.status, error: a.error, extractor_version: a.extractor_version,
  attempts: a.attempts, worker_id: a.worker_id, lease_until: a.lease_until,
  created_at: a.created_at, updated_at: a.updated_at, processed_at: a.processed_at,
  counts: {entities: a.n_entities, meetings: a.n_meetings, roles: a.n_roles,
           issues: a.n_issues, relations: a.n_relations}
"""

# $rows [{id, url, title, source, published, text}] -> id, status, created
STORE: LiteralString = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
  ON CREATE SET a.url = row.url, a.title = row.title, a.source = row.source,
    a.published = row.published, a.text = row.text, a.status = 'queued', a.attempts = 0,
    a.created_at = datetime(), a.updated_at = datetime(), a.queued_at = datetime(),
    a._new = true
WITH a, coalesce(a._new, false) AS created
REMOVE a._new
RETURN a.id AS id, a.status AS status, created
"""

# $id -> article (map, see _ARTICLE)
GET: LiteralString = "MATCH (a:Article {id: $id}) RETURN a {" + _ARTICLE + "} AS article"

# $status, $source, $since, $until (any may be null), $skip, $limit -> article (map)
LIST: LiteralString = """
MATCH (a:Article)
WHERE ($status IS NULL OR a.status = $status) AND ($source IS NULL OR a.source = $source)
  AND ($since IS NULL OR a.published >= $since) AND ($until IS NULL OR a.published <= $until)
RETURN a {""" + _ARTICLE + """} AS article
ORDER BY a.created_at DESC, a.id SKIP $skip LIMIT $limit
"""

# $status, $source, $since, $until -> total
COUNT: LiteralString = """
MATCH (a:Article)
WHERE ($status IS NULL OR a.status = $status) AND ($source IS NULL OR a.source = $source)
  AND ($since IS NULL OR a.published >= $since) AND ($until IS NULL OR a.published <= $until)
RETURN count(a) AS total
"""

# $max_attempts -> id; articles whose lease expired once too often end failed
REAP: LiteralString = """
MATCH (a:Article {status: 'processing'})
WHERE a.lease_until < datetime() AND a.attempts >= $max_attempts
SET a.status = 'failed', a.lease_until = null, a.worker_id = null, a.updated_at = datetime(),
    a.error = 'lease expired after ' + toString(a.attempts) + ' attempts (worker died?)'
RETURN a.id AS id
"""

# $worker, $lease_seconds, $limit -> id, text, url, title, published, attempt
# The SET takes the write lock; the second WHERE re-reads the status under it, so two workers
# never both claim one article.
CLAIM: LiteralString = """
MATCH (a:Article)
WHERE a.status = 'queued' OR (a.status = 'processing' AND a.lease_until < datetime())
WITH a ORDER BY a.queued_at, a.id LIMIT $limit
SET a._claim = $worker
WITH a WHERE a.status = 'queued' OR (a.status = 'processing' AND a.lease_until < datetime())
SET a.status = 'processing', a.worker_id = $worker, a.attempts = coalesce(a.attempts, 0) + 1,
    a.lease_until = datetime() + duration({seconds: $lease_seconds}),
    a.claimed_at = datetime(), a.updated_at = datetime()
REMOVE a._claim
RETURN a.id AS id, a.text AS text, a.url AS url, a.title AS title, a.published AS published,
       a.attempts AS attempt
"""

# $ids, $worker, $lease_seconds -> id; extends the lease of articles this worker still holds
RENEW: LiteralString = """
UNWIND $ids AS id
MATCH (a:Article {id: id, status: 'processing', worker_id: $worker})
SET a.lease_until = datetime() + duration({seconds: $lease_seconds})
RETURN a.id AS id
"""

# $articles [{id, version, counts {entities, meetings, roles, issues, relations}}] -> nothing
COMPLETE: LiteralString = """
UNWIND $articles AS art
MATCH (a:Article {id: art.id})
SET a.status = 'done', a.extractor_version = art.version, a.error = null, a.lease_until = null,
    a.n_entities = art.counts.entities, a.n_meetings = art.counts.meetings,
    a.n_roles = art.counts.roles, a.n_issues = art.counts.issues,
    a.n_relations = art.counts.relations,
    a.processed_at = datetime(), a.updated_at = datetime(), a.runs = coalesce(a.runs, 0) + 1
"""

# $id, $worker, $attempt, $error, $max_attempts -> status (no row if the lease was lost)
FAIL: LiteralString = """
MATCH (a:Article {id: $id})
SET a._claim = $worker
WITH a WHERE a.status = 'processing' AND a.worker_id = $worker AND a.attempts = $attempt
SET a.status = CASE WHEN a.attempts >= $max_attempts THEN 'failed' ELSE 'queued' END,
    a.error = $error, a.lease_until = null, a.worker_id = null, a.updated_at = datetime(),
    a.queued_at = datetime()
REMOVE a._claim
RETURN a.status AS status
"""

# $worker -> id; puts back what a stopping worker still holds
RELEASE: LiteralString = """
MATCH (a:Article {status: 'processing', worker_id: $worker})
SET a.status = 'queued', a.worker_id = null, a.lease_until = null,
    a.attempts = a.attempts - 1, a.updated_at = datetime()
RETURN a.id AS id
"""

# $ids -> id; queues articles again (their facts are replaced when processed)
REQUEUE: LiteralString = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
SET a.status = 'queued', a.attempts = 0, a.worker_id = null, a.lease_until = null,
    a.error = null, a.queued_at = datetime(), a.updated_at = datetime()
RETURN a.id AS id
"""

# $version -> id; queues every processed article whose extractor version differs
REQUEUE_STALE: LiteralString = """
MATCH (a:Article)
WHERE a.status IN ['done', 'failed'] AND coalesce(a.extractor_version, '') <> $version
SET a.status = 'queued', a.attempts = 0, a.worker_id = null, a.lease_until = null,
    a.error = null, a.queued_at = datetime(), a.updated_at = datetime()
RETURN a.id AS id
"""

# -> status, n
STATUS_COUNTS: LiteralString = "MATCH (a:Article) RETURN a.status AS status, count(*) AS n"
