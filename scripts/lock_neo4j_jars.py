"""Regenerate graph/local/neo4j-jars.lock with Maven (maintainers only; users need no Maven).

Usage: python scripts/lock_neo4j_jars.py [--neo4j 5.26.30] [--browser 5.24.0]
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import tempfile
from pathlib import Path

POM = """<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>diplograph</groupId><artifactId>neo4j-lock</artifactId><version>1</version><dependencies>
<dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>{neo4j}</version></dependency>
<dependency><groupId>org.neo4j.app</groupId><artifactId>neo4j-server</artifactId><version>{neo4j}</version></dependency>
<dependency><groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId><version>{browser}</version></dependency>
</dependencies></project>"""
LOCK = Path(__file__).resolve().parents[1] / "graph" / "local" / "neo4j-jars.lock"


def resolve(neo4j: str, browser: str) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "pom.xml").write_text(POM.format(neo4j=neo4j, browser=browser))
        out = Path(tmp) / "deps.txt"
        subprocess.run(
            ["mvn", "-q", "-B", "dependency:list", "-DoutputAbsoluteArtifactFilename=true",
             f"-DoutputFile={out}"], cwd=tmp, check=True)
        return [line.strip() for line in out.read_text().splitlines() if ":jar:" in line]


def lock_line(entry: str) -> str:
    parts = entry.split(":")
    path = Path(parts[-1])
    group, artifact, _type = parts[:3]
    classifier = parts[3] if len(parts) == 7 else ""
    version = parts[-3]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    coord = f"{group}:{artifact}:{version}" + (f":{classifier}" if classifier else "")
    return f"{coord} {digest} {path.stat().st_size}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--neo4j", default="5.26.30")
    parser.add_argument("--browser", default="5.24.0")
    args = parser.parse_args()
    lines = sorted(lock_line(e) for e in resolve(args.neo4j, args.browser))
    header = (
        f"# Neo4j Community {args.neo4j} server + Neo4j Browser {args.browser}, every jar\n"
        "# the server needs, resolved from Maven Central by scripts/lock_neo4j_jars.py\n"
        "# (Maven dependency:list).\n"
        "# Format: group:artifact:version[:classifier] sha256 size\n"
    )
    LOCK.write_text(header + "\n".join(lines) + "\n")
    print(f"wrote {len(lines)} jars to {LOCK}")


if __name__ == "__main__":
    main()
