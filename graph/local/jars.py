"""The pinned Neo4j jars: read the lock list, download what is missing, verify every sha256."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

from graph.errors import ProvisionError

LOCK_FILE = Path(__file__).with_name("neo4j-jars.lock")


@dataclass(frozen=True)
class Jar:
    """One locked Maven artifact."""

    group: str
    artifact: str
    version: str
    classifier: str
    sha256: str
    size: int

    @property
    def filename(self) -> str:
        suffix = f"-{self.classifier}" if self.classifier else ""
        return f"{self.artifact}-{self.version}{suffix}.jar"

    def url(self, repo: str) -> str:
        group_path = self.group.replace(".", "/")
        return f"{repo.rstrip('/')}/{group_path}/{self.artifact}/{self.version}/{self.filename}"


def read_lock(path: Path = LOCK_FILE) -> list[Jar]:
    """Parse the lock list (group:artifact:version[:classifier] sha256 size)."""
    jars = []
    for line in path.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        coord, sha, size = line.split()
        group, artifact, version, *rest = coord.split(":")
        jars.append(Jar(group, artifact, version, rest[0] if rest else "", sha, int(size)))
    return jars


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fetch(jar: Jar, cache: Path, repo: str, client: httpx.Client) -> Path:
    target = cache / jar.filename
    if target.exists() and target.stat().st_size == jar.size and sha256_of(target) == jar.sha256:
        return target
    url = jar.url(repo)
    try:
        response = client.get(url)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise ProvisionError(f"download failed: {url}: {exc}") from exc
    got = hashlib.sha256(response.content).hexdigest()
    if got != jar.sha256:
        raise ProvisionError(f"checksum mismatch for {url}: expected {jar.sha256}, got {got}")
    partial = target.with_suffix(f".part{os.getpid()}")
    partial.write_bytes(response.content)
    partial.replace(target)  # atomic: a reader never sees half a jar
    return target


def ensure_jars(
    cache: Path, repo: str, on_done: Callable[[Jar], None] | None = None
) -> list[Path]:
    """Return the classpath, downloading and verifying any jar not yet in the cache."""
    cache.mkdir(parents=True, exist_ok=True)
    jars = read_lock()
    with httpx.Client(timeout=60.0, follow_redirects=True) as client, ThreadPoolExecutor(8) as pool:
        def one(jar: Jar) -> Path:
            path = _fetch(jar, cache, repo, client)
            if on_done:
                on_done(jar)
            return path

        return list(pool.map(one, jars))
