"""The worker: claims queued articles in Neo4j, extracts their facts in batches, writes them.

Several workers (threads, processes, machines) may share one Neo4j: a claim is atomic and holds
a lease; a write is fenced by the claim, so an article's facts are written by one worker only.
The composition root of `diplograph worker` is `ingest.process.main`.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import neo4j

from graph.articles import ArticleStore, ClaimedArticle
from graph.errors import UNAVAILABLE
from graph.records import ArticleText, Extraction
from graph.workers import WorkerRegistry
from graph.writer import Fence, Pending, write_extractions
from ingest.liveness import Liveness, pulse_until
from ingest.settings import WorkerSettings
from ingest.supervisor import Interrupted

log = logging.getLogger(__name__)
# How long a stopping worker waits for its last liveness pulse to be written.
PULSE_JOIN_SECONDS = 5.0

# Articles in, one extraction (or the exception that ended it) per article out, in order.
Extractor = Callable[[list[ArticleText]], Sequence[Extraction | Exception]]


def worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


def as_text(article: ClaimedArticle) -> ArticleText:
    return ArticleText(text=article.text, url=article.url, title=article.title,
                       published=article.published)


@dataclass
class Held:
    """A claimed batch, its extraction results, and the event that ends its lease renewal."""

    batch: list[ClaimedArticle]
    done: threading.Event
    results: list[tuple[ClaimedArticle, Extraction | Exception]] = field(default_factory=list)


def _settle(pending: Future[None] | None, held: Held | None) -> None:
    """Wait for the previous batch's writes; if they failed, let go of `held` and re-raise."""
    if pending is None:
        return
    try:
        pending.result()
    except BaseException:
        if held is not None:
            held.done.set()  # its leases expire; the batch is claimed again later
        raise


def _settle_quietly(pending: Future[None] | None) -> None:
    """Wait for in-flight writes whose failure is already being handled (or at stop)."""
    try:
        _settle(pending, None)
    except Exception:  # stopping: the lease takes care of an unwritten batch
        log.warning("a batch's writes failed; its leases will expire", exc_info=True)


class Worker:
    """One claim → extract → write loop; `run` repeats it, overlapping writes with extraction."""

    def __init__(self, driver: neo4j.Driver, extract: Extractor, settings: WorkerSettings,
                 database: str = "neo4j", name: str | None = None,
                 codes: Mapping[str, str] | None = None,
                 liveness: Liveness | None = None) -> None:
        self.driver = driver
        self.store = ArticleStore(driver, database)
        self.extract = extract
        self.settings = settings
        self.database = database
        self.name = name or worker_id()
        self.codes = codes or {}  # reference country names → ISO codes (graph.names)
        self.liveness = liveness or Liveness(self.name, settings.stall_after)
        self.liveness.name = self.name

    def run_once(self) -> int:
        """Process one batch; returns how many articles were claimed (0: queue empty)."""
        try:
            held = self._claim()
        except Interrupted:
            self._release()
            return 0
        if held is None:
            return 0
        self._finish(held)
        return len(held.batch)

    def run(self, stop: threading.Event) -> None:
        """Loop until `stop`, pulsing liveness beside it; at the end, release what is held."""
        registry = WorkerRegistry(self.driver, self.database)
        ended = threading.Event()
        pulse = threading.Thread(target=pulse_until, name=f"{self.name}-pulse", daemon=True,
                                 args=(ended, self.liveness, registry,
                                       self.settings.pulse_seconds))
        pulse.start()
        try:
            self._loop(stop)
        finally:
            self.liveness.enter("stopping")
            ended.set()
            # A pulse already under way would write this worker back into the registry after
            # `_leave` removed it (seen as a stopped worker still "busy"): let it finish first,
            # for at most PULSE_JOIN_SECONDS so that stopping stays prompt.
            pulse.join(PULSE_JOIN_SECONDS)
            self._release()
            self._leave(registry)

    def _loop(self, stop: threading.Event) -> None:
        """Repeat `_step` until `stop` is set, backing off while the queue is empty or failing."""
        backoff = self.settings.poll_seconds
        with ThreadPoolExecutor(1, thread_name_prefix=f"{self.name}-writer") as writer:
            pending: Future[None] | None = None
            while not stop.is_set():
                try:
                    pending = self._step(writer, pending)
                    backoff = self.settings.poll_seconds
                except Interrupted:
                    break
                except UNAVAILABLE as exc:
                    log.warning("Neo4j unavailable (%s); retry in %.0fs", type(exc).__name__,
                                backoff)
                    pending, backoff = None, min(backoff * 2, self.settings.max_backoff_seconds)
                except Exception:  # the loop outlives any one failure
                    log.exception("worker loop failed; retrying in %.0fs", backoff)
                    pending, backoff = None, min(backoff * 2, self.settings.max_backoff_seconds)
                if pending is None:
                    stop.wait(backoff)
            _settle_quietly(pending)

    def _step(self, writer: ThreadPoolExecutor,
              pending: Future[None] | None) -> Future[None] | None:
        """Claim and extract batch N+1 while batch N is written, then hand N+1 to the writer.

        At most two batches are held at once. Returns the new batch's write (None: queue empty);
        on an exception, nothing is left in flight.
        """
        try:
            held = self._claim()
        except BaseException:
            _settle_quietly(pending)
            raise
        _settle(pending, held)
        return writer.submit(self._finish, held) if held is not None else None

    def _release(self) -> None:
        try:
            released = self.store.release(self.name)
        except UNAVAILABLE:
            log.warning("could not release claims at stop; their leases will expire")
            return
        if released:
            log.info("worker %s released %d claimed article(s) to the queue", self.name,
                     len(released))

    def _leave(self, registry: WorkerRegistry) -> None:
        try:
            registry.leave(self.name)
        except UNAVAILABLE:
            log.debug("could not remove the liveness record of %s", self.name)

    def _claim(self) -> Held | None:
        """Reap, claim a batch and extract it; its leases are renewed until `_finish` ends."""
        for reaped in self.store.reap(self.settings.max_attempts):
            log.warning("article %s failed: its lease expired too often", reaped)
        batch = self.store.claim(self.name, self.settings.lease_seconds,
                                 self.settings.claim_batch)
        if not batch:
            self.liveness.enter("idle", [])
            return None
        log.info("worker %s claimed %d article(s)", self.name, len(batch))
        self.liveness.enter("busy", [a.id for a in batch])
        held = Held(batch, threading.Event())
        beat = threading.Thread(target=self._heartbeat, args=([a.id for a in batch], held.done),
                                daemon=True)
        beat.start()
        try:
            time.sleep(self.settings.drill_pause_seconds)
            held.results = self._extract(batch)
        except BaseException:
            held.done.set()
            raise
        return held

    def _finish(self, held: Held) -> None:
        """Write a held batch's facts (or failures) and stop renewing its leases."""
        try:
            self._write(held.results)
        finally:
            held.done.set()
        failed = sum(isinstance(r, Exception) for _, r in held.results)
        log.info("worker %s wrote %d article(s), %d failed", self.name,
                 len(held.results) - failed, failed)
        self.liveness.touch()

    def _heartbeat(self, ids: list[str], done: threading.Event) -> None:
        """Renew the batch's leases while it is worked on: slow extraction is not a dead worker."""
        while not done.wait(self.settings.lease_seconds / 3):
            try:
                self.store.renew(ids, self.name, self.settings.lease_seconds)
            except UNAVAILABLE:
                log.warning("could not renew leases; retrying")

    def _write(self, results: list[tuple[ClaimedArticle, Extraction | Exception]]) -> None:
        """The batch's facts in one transaction; if that fails, article by article, so one bad
        article fails alone."""
        pending: list[Pending] = []
        for article, extraction in results:
            if isinstance(extraction, Exception):
                self._fail(article, extraction)
            else:
                pending.append(Pending(article.id, extraction, Fence(self.name, article.attempt)))
        try:
            write_extractions(self.driver, pending, self.database, self.codes)
            return
        except UNAVAILABLE:
            raise
        except Exception:  # find the article that broke the batch
            log.warning("batch write failed; writing one by one", exc_info=True)
        by_id = {article.id: article for article, _ in results}
        for one in pending:
            try:
                write_extractions(self.driver, [one], self.database, self.codes)
            except UNAVAILABLE:
                raise
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the others
                self._fail(by_id[one.article_id], exc)

    def _extract(self, batch: list[ClaimedArticle]
                 ) -> list[tuple[ClaimedArticle, Extraction | Exception]]:
        try:
            return list(zip(batch, self.extract([as_text(a) for a in batch]), strict=True))
        except Interrupted:
            raise
        except Exception:  # find the article that broke the batch
            log.warning("batch extraction failed; extracting one by one", exc_info=True)
        return [(a, self._extract_one(a)) for a in batch]

    def _extract_one(self, article: ClaimedArticle) -> Extraction | Exception:
        try:
            return self.extract([as_text(article)])[0]
        except Interrupted:
            raise
        except Exception as exc:  # noqa: BLE001
            return exc

    def _fail(self, article: ClaimedArticle, exc: Exception) -> None:
        reason = f"{type(exc).__name__}: {exc}"
        # A final failure (an overrun time budget) would only overrun again: fail it now.
        attempts = 0 if getattr(exc, "final", False) else self.settings.max_attempts
        status = self.store.fail(article, self.name, reason, attempts)
        log.warning("article %s: extraction failed (%s); now %s", article.id,
                    type(exc).__name__, status or "held by another worker")
