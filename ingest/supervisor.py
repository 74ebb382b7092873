"""The supervised extractor: extraction runs in a child process, killed and replaced when one
article overruns its time budget or when the worker stops.

A thread cannot be stopped while CPU-bound Python code runs in it, and it holds the GIL that the
API needs; a child process can be killed at any moment. The child builds its extractor once from
a `Factory` (an importable function, so tests can supply their own), then streams one message per
article: ("start", k) before article k's rules run, ("done", k, extraction) after. The parent
waits at most the budget for each message, so it always knows which article overran.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import logging
import multiprocessing as mp
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Literal

from graph.records import ArticleText, Extraction

log = logging.getLogger(__name__)

# Builds the child's extractor: articles and a start callback in, one extraction per article out.
StreamExtractor = Callable[[list[ArticleText], Callable[[int], None]], Iterator[Extraction]]
Outcome = Extraction | Exception
# How a run over some articles ended: all answered, or a failure whose article is not known.
RunEnd = Literal["answered", "ambiguous"]

POLL_SECONDS = 0.1  # how often a waiting parent checks its stop event
START_SECONDS = 300.0  # loading a spaCy pipeline in a fresh process, on a busy machine


class ExtractionTimeout(Exception):
    """One article's extraction exceeded the time budget; final (retrying would stall again)."""

    final = True


class ExtractionError(Exception):
    """One article's extraction raised in the child; the message is the child's."""


class Interrupted(Exception):
    """The worker is stopping: the batch was abandoned, its claims are to be released."""


class ChildUnavailable(RuntimeError):
    """The child process could not build its extractor (a missing model, a bad factory)."""


@dataclass(frozen=True)
class Factory:
    """An importable `module:function` and its arguments, called in the child process."""

    target: str
    args: tuple[Any, ...] = ()

    def build(self) -> StreamExtractor:
        module, _, name = self.target.partition(":")
        built: StreamExtractor = getattr(importlib.import_module(module), name)(*self.args)
        return built


def _die_with_parent() -> None:
    """Linux: the kernel kills this process when its parent dies (no orphaned spinning child)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def child_main(conn: Connection, factory: Factory) -> None:
    """The child process: build the extractor, then extract each batch the parent sends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    _die_with_parent()
    try:
        extract = factory.build()
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(("broken", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready",))
    while True:
        try:
            batch = conn.recv()
        except EOFError:
            return
        if batch is None:
            return
        extract_batch(conn, extract, batch)


def extract_batch(conn: Connection, extract: StreamExtractor, batch: list[ArticleText]) -> None:
    """One batch in the child: a message before each article's rules and after each article."""
    started: list[int] = []

    def on_start(k: int) -> None:
        started.append(k)
        conn.send(("start", k))

    try:
        for k, extraction in enumerate(extract(batch, on_start)):
            conn.send(("done", k, extraction))
    except Exception as exc:  # noqa: BLE001 - the parent decides what fails
        conn.send(("error", started[-1] if started else None, f"{type(exc).__name__}: {exc}"))


@dataclass
class Run:
    """One run of the child over some of the batch's articles (`chunk`: their indices)."""

    chunk: list[int]
    results: list[Outcome | None]
    started: int | None = None  # position in `chunk` of the article whose rules are running
    answered: int = 0

    def pending(self) -> int | None:
        """The batch index of the article being worked on (the culprit of an overrun)."""
        if self.started is not None and self.results[self.chunk[self.started]] is None:
            return self.chunk[self.started]
        return self.chunk[0] if len(self.chunk) == 1 else None


@dataclass
class Supervisor:
    """Callable like an in-process extractor, but every article has `timeout` seconds."""

    factory: Factory
    timeout: float
    stop: threading.Event = field(default_factory=threading.Event)
    on_progress: Callable[[int | None], None] = lambda index: None  # index: article started
    _proc: BaseProcess | None = None
    _conn: Connection | None = None

    def __call__(self, batch: list[ArticleText]) -> Sequence[Outcome]:
        results: list[Outcome | None] = [None] * len(batch)
        single = False
        while (todo := [i for i, r in enumerate(results) if r is None]):
            chunk = todo[:1] if single else todo
            if self._run(batch, Run(chunk, results)) == "ambiguous":
                single = True  # one article at a time: the next failure names its article
        return [r for r in results if r is not None]

    def start(self) -> None:
        """Start the child and load its model now, not at the first batch."""
        self._ensure()

    def close(self) -> None:
        """Stop the child (it holds nothing that needs saving)."""
        self._kill()

    def _run(self, batch: list[ArticleText], run: Run) -> RunEnd:
        conn = self._ensure()
        conn.send([batch[i] for i in run.chunk])
        deadline = time.monotonic() + self.timeout
        while run.answered < len(run.chunk):
            if self.stop.is_set():
                self._kill()
                raise Interrupted("stopping")
            if not conn.poll(min(POLL_SECONDS, max(0.0, deadline - time.monotonic()))):
                if time.monotonic() >= deadline:
                    return self._overrun(run)
                continue
            try:
                message = conn.recv()
            except (EOFError, OSError):
                return self._died(run)
            deadline = time.monotonic() + self.timeout
            self.on_progress(run.chunk[message[1]] if message[0] == "start" else None)
            if (end := self._handle(message, run)) is not None:
                return end
        return "answered"

    def _handle(self, message: tuple[Any, ...], run: Run) -> RunEnd | None:
        """Record one child message; a run-ending one returns how the run ended."""
        kind = message[0]
        if kind == "start":
            run.started = message[1]
        elif kind == "done":
            run.results[run.chunk[message[1]]] = message[2]
            run.answered += 1
        elif kind == "error":
            run.started = message[1]
            return self._blame(run, ExtractionError(message[2]))
        return None

    def _blame(self, run: Run, exc: Exception) -> RunEnd:
        culprit = run.pending()
        if culprit is None:
            return "ambiguous"
        log.warning("article %d of the batch: %s", culprit, exc)
        run.results[culprit] = exc
        return "answered"

    def _overrun(self, run: Run) -> RunEnd:
        self._kill()
        return self._blame(run, ExtractionTimeout(f"extraction exceeded {self.timeout:g} s"))

    def _died(self, run: Run) -> RunEnd:
        code = self._proc.exitcode if self._proc is not None else None
        self._kill()
        return self._blame(run, ExtractionError(f"the extraction process died (exit {code})"))

    def _ensure(self) -> Connection:
        """The live child's connection, starting a child (and waiting for its model) if needed."""
        if self._proc is not None and self._proc.is_alive() and self._conn is not None:
            return self._conn
        self._kill()
        parent, child = mp.get_context("spawn").Pipe()
        proc = mp.get_context("spawn").Process(target=child_main, args=(child, self.factory),
                                                name="diplograph-extractor", daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent
        deadline = time.monotonic() + START_SECONDS
        while not parent.poll(POLL_SECONDS):
            self.on_progress(None)  # a (re)start is bounded by START_SECONDS: not a stall
            if self.stop.is_set():
                self._kill()
                raise Interrupted("stopping")
            if not proc.is_alive() or time.monotonic() > deadline:
                self._kill()
                raise ChildUnavailable(f"the extraction process did not start ({self.factory})")
        try:
            message = parent.recv()
        except (EOFError, OSError):
            message = ("broken", f"it exited with code {proc.exitcode}")
        if message[0] != "ready":
            self._kill()
            raise ChildUnavailable(f"the extraction process could not start: {message[1]}")
        log.info("extraction process %s ready (budget %g s per article)", proc.pid, self.timeout)
        return parent

    def _kill(self) -> None:
        proc, conn, self._proc, self._conn = self._proc, self._conn, None, None
        if conn is not None:
            conn.close()
        if proc is not None:
            proc.kill()
            proc.join(5)
