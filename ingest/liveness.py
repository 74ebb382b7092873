"""A worker's liveness: its last progress, kept locally and pulsed into Neo4j for `/ready`."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

from graph.errors import UNAVAILABLE
from graph.workers import Pulse, WorkerRegistry

log = logging.getLogger(__name__)

STATUS_EVERY = 60.0  # seconds between the log's "last progress" lines


@dataclass
class Liveness:
    """What a worker is doing and when it last moved on (an article extracted, a batch claimed
    or written, the queue found empty). Thread-safe: the supervisor touches it from the loop,
    the pulse thread reads it."""

    name: str
    stall_seconds: float
    pulse_seconds: float = 5.0
    state: str = "starting"
    ids: list[str] = field(default_factory=list)  # the batch being extracted
    article: str | None = None
    _last: float = field(default_factory=time.monotonic)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def touch(self, index: int | None = None) -> None:
        """Progress; `index`: the batch position of the article now being extracted."""
        with self._lock:
            self._last = time.monotonic()
            if index is not None and 0 <= index < len(self.ids):
                self.article = self.ids[index]

    def enter(self, state: str, ids: list[str] | None = None) -> None:
        with self._lock:
            self.state, self._last = state, time.monotonic()
            if ids is not None:
                self.ids, self.article = ids, None

    def pulse(self) -> Pulse:
        with self._lock:
            return Pulse(self.name, self.state, time.monotonic() - self._last,
                         self.stall_seconds, self.article, len(self.ids), self.pulse_seconds)


def pulse_until(stop: threading.Event, liveness: Liveness, registry: WorkerRegistry,
                every: float) -> None:
    """Pulse every `every` seconds until `stop`; log when the worker stalls, moves again, and
    its last progress once every STATUS_EVERY seconds."""
    warned, said = False, time.monotonic()
    liveness.pulse_seconds = every
    while True:
        pulse = liveness.pulse()
        stalled = pulse.state == "busy" and pulse.idle > pulse.stall_seconds
        if stalled != warned:
            if stalled:
                log.warning("worker %s stalled: no progress for %.0f s (article %s)", pulse.id,
                            pulse.idle, pulse.article or "?")
            else:
                log.info("worker %s moving again (%s)", pulse.id, pulse.state)
            warned, said = stalled, time.monotonic()
        elif time.monotonic() - said >= STATUS_EVERY:
            log.info("worker %s %s, last progress %.1f s ago%s", pulse.id, pulse.state,
                     pulse.idle, f" (article {pulse.article})" if pulse.article else "")
            said = time.monotonic()
        try:
            registry.pulse(pulse)
        except UNAVAILABLE:
            log.debug("could not record the pulse of %s", pulse.id)
        if stop.wait(every):
            return
