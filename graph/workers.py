"""Worker liveness in Neo4j: every worker's last progress, seen by `/ready` in any process."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, LiteralString

import neo4j

from graph.connection import session
from graph.cypher import workers as q


@dataclass(frozen=True)
class Pulse:
    """What one worker says of itself: its state and how long since it last made progress."""

    id: str
    state: str  # starting | idle | busy | stopping
    idle: float  # seconds since the last progress
    stall_seconds: float  # busy for longer than this without progress: stalled
    article: str | None = None  # the article being extracted, when known
    batch: int = 0  # articles held
    pulse_seconds: float = 5.0  # how often it pulses


# Pulses missed before a worker counts as silent (stopped, killed or frozen: not pulsing).
SILENT_PULSES = 3


@dataclass(frozen=True)
class WorkerView:
    """A live worker as /ready reports it."""

    id: str
    state: str
    idle: float
    stall_seconds: float
    article: str | None
    batch: int
    seen_ago: float = 0.0
    pulse_seconds: float = 5.0

    @property
    def silent(self) -> bool:
        """Not pulsing: the process is gone or frozen (its leases expire; nothing is lost)."""
        return self.seen_ago > SILENT_PULSES * self.pulse_seconds

    @property
    def stalled(self) -> bool:
        """Alive, holding work, and not moving on."""
        return not self.silent and self.state == "busy" and self.idle > self.stall_seconds

    def describe(self) -> dict[str, Any]:
        state = "silent" if self.silent else "stalled" if self.stalled else self.state
        return {"id": self.id, "state": state, "last_progress_seconds_ago": round(self.idle, 1),
                "last_seen_seconds_ago": round(self.seen_ago, 1), "article": self.article,
                "batch": self.batch}


class WorkerRegistry:
    """Pulses in, live workers out; one managed transaction per call."""

    def __init__(self, driver: neo4j.Driver, database: str = "neo4j") -> None:
        self.driver = driver
        self.database = database

    def pulse(self, p: Pulse) -> None:
        with session(self.driver, self.database) as s:
            s.execute_write(_run, q.PULSE, {"id": p.id, "state": p.state, "article": p.article,
                                            "idle": p.idle, "stall_seconds": p.stall_seconds,
                                            "batch": p.batch,
                                            "pulse_seconds": p.pulse_seconds})

    def leave(self, worker_id: str) -> None:
        with session(self.driver, self.database) as s:
            s.execute_write(_run, q.LEAVE, {"id": worker_id})

    def live(self, gone_seconds: float) -> list[WorkerView]:
        with session(self.driver, self.database) as s:
            rows = s.execute_read(_run, q.LIVE, {"gone_seconds": gone_seconds})
        return [WorkerView(r["id"], r["state"], float(r["idle"]), float(r["stall_seconds"]),
                           r["article"], int(r["batch"] or 0), float(r["seen_ago"]),
                           float(r["pulse_seconds"] or 5.0)) for r in rows]


def _run(tx: neo4j.ManagedTransaction, query: LiteralString,
         params: dict[str, Any]) -> list[dict[str, Any]]:
    return [record.data() for record in tx.run(query, params)]
