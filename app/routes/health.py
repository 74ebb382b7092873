"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from app.deps import ProbeServicesDep

router = APIRouter(tags=["health"])

# A worker that has not pulsed for this long has gone (stopped or crashed): not reported.
GONE_SECONDS = 120.0


@router.get("/health")
def health() -> dict[str, str]:
    """The process is alive (does not touch Neo4j)."""
    return {"status": "ok"}


@router.get("/ready", responses={503: {"description": "Neo4j is unreachable, or a worker is "
                                                      "stalled (busy without progress)."}})
def ready(s: ProbeServicesDep, request: Request) -> JSONResponse:
    """Neo4j is reachable and no worker is stalled: 200, else 503 with the reason.

    `workers` lists every live worker (any process sharing this Neo4j) with its state
    (`idle`, `busy`, `stalled`, …) and how long ago it last made progress.
    """
    retry = {"Retry-After": str(s.settings.retry_after_seconds)}
    try:
        s.driver.verify_connectivity()
        counts = s.store.status_counts()
        workers = s.workers.live(GONE_SECONDS)
    except Exception:  # noqa: BLE001 - any failure to reach Neo4j means not ready
        request.app.state.outage.trip()
        return JSONResponse({"status": "unavailable", "neo4j": False,
                             "reason": "Neo4j is unreachable"}, status_code=503, headers=retry)
    request.app.state.outage.clear()
    body = {"status": "ready", "neo4j": True, "articles": counts,
            "extractor_version": s.extractor_version,
            "workers": [w.describe() for w in workers]}
    stalled = [w for w in workers if w.stalled]
    if stalled:
        reasons = "; ".join(f"worker {w.id} made no progress for {w.idle:.0f} s"
                            f" (limit {w.stall_seconds:g} s, article {w.article or '?'})"
                            for w in stalled)
        body |= {"status": "stalled", "reason": reasons}
        return JSONResponse(body, status_code=503, headers=retry)
    return JSONResponse(body)
