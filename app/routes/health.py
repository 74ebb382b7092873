"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.deps import ServicesDep

router = APIRouter(tags=["health"])


@router.get("/health")
def health() -> dict[str, str]:
    """The process is alive (does not touch Neo4j)."""
    return {"status": "ok"}


@router.get("/ready", responses={503: {"description": "Neo4j is unreachable."}})
def ready(s: ServicesDep) -> JSONResponse:
    """Neo4j is reachable: 200, else 503 with Retry-After."""
    try:
        s.driver.verify_connectivity()
        counts = s.store.status_counts()
    except Exception:  # noqa: BLE001 - any failure to reach Neo4j means not ready
        return JSONResponse({"status": "unavailable", "neo4j": False}, status_code=503,
                            headers={"Retry-After": str(s.settings.retry_after_seconds)})
    return JSONResponse({"status": "ready", "neo4j": True, "articles": counts,
                         "extractor_version": s.extractor_version})
