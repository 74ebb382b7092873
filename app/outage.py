"""The API's memory of a Neo4j outage, so requests during one are refused at once.

The driver needs several seconds to give up on an unreachable server (connection timeout,
acquisition timeout, retries). Once one request has paid that, the next ones within
Retry-After are answered 503 straight away; after it, one request tries Neo4j again, and
/ready always does (a ready answer ends the outage).
"""

from __future__ import annotations

import time
from collections.abc import Callable


class Outage:
    """Open for `hold` seconds after `trip()`; `clear()` closes it early."""

    def __init__(self, hold: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.hold = hold
        self.clock = clock
        self._until = 0.0

    def trip(self) -> None:
        self._until = self.clock() + self.hold

    def clear(self) -> None:
        self._until = 0.0

    @property
    def open(self) -> bool:
        return self.clock() < self._until
