"""Regenerate (or check) the README's HTTP examples from a live `diplograph serve`.

Every ```console block whose first line is `$ curl …` is run, in README order, against a fresh
service (a managed Neo4j of its own in a temporary home, free ports, the seed ingested at start),
and its output replaces the block: the status line, `retry-after` and `content-type`, and the
body (JSON indented; cut after BODY_LINES lines, marked `…`). After a POST the queue is left to
drain, so the next example sees the article extracted. A block preceded by
`<!-- example: neo4j stopped -->` runs after the managed Neo4j is stopped; one preceded by
`<!-- example: by hand -->` is kept as written (it needs a set-up this script does not make).

    .venv/bin/python scripts/readme_examples.py           # rewrite README.md
    .venv/bin/python scripts/readme_examples.py --check   # exit 1 naming the blocks that differ

`--check` masks what differs from run to run (timestamps, seconds, worker ids).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BODY_LINES = 100
HEADERS = ("retry-after", "content-type")
BLOCK = re.compile(r"(?P<marker><!-- example: (?P<how>[\w ]+) -->\n+)?"
                   r"```console\n(?P<command>\$ curl [^\n]*)\n(?P<output>.*?)^```", re.S | re.M)
VOLATILE = [
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:[\d.]+(Z|[+-]\d\d:\d\d)?"), "<time>"),
    (re.compile(r'("\w*seconds\w*": )[\d.]+'), r"\1<n>"),
    (re.compile(r'"[\w.-]+-\d+-[0-9a-f]{6,}"'), '"<worker>"'),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Service:
    """A `diplograph serve` of its own; `env` is what its commands run with."""

    env: dict[str, str]
    port: int
    workdir: Path
    proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = (self.workdir / "serve.log").open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "app", "serve", "--port",
                                      str(self.port)], cwd=ROOT, env=self.env, stdout=log,
                                     stderr=subprocess.STDOUT)
        self.wait(lambda: self.count("done") > 0, 300, "the seed article was not extracted")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(60)

    def count(self, status: str) -> int:
        try:
            answer = httpx.get(f"http://localhost:{self.port}/articles",
                               params={"status": status, "limit": 1}, timeout=10)
        except httpx.HTTPError:
            return 0
        return int(answer.json()["count"]) if answer.status_code == 200 else 0

    def drain(self) -> None:
        self.wait(lambda: self.count("queued") + self.count("processing") == 0, 120,
                  "the queue did not drain")

    def stop_neo4j(self) -> None:
        subprocess.run([sys.executable, "-m", "app", "neo4j", "stop"], cwd=ROOT, env=self.env,
                       check=True, capture_output=True)

    def wait(self, done: Callable[[], bool], seconds: float, what: str) -> None:
        deadline = time.monotonic() + seconds
        while not done():
            if self.proc is not None and self.proc.poll() is not None:
                sys.exit(f"diplograph serve exited: {(self.workdir / 'serve.log').read_text()}")
            if time.monotonic() > deadline:
                sys.exit(f"{what} within {seconds} s")
            time.sleep(0.5)


def new_service(workdir: Path) -> Service:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DIPLOGRAPH_", "NEO4J_"))}
    env = {**base, "DIPLOGRAPH_NEO4J_HOME": str(workdir / "neo4j"),
           "DIPLOGRAPH_NEO4J_BOLT_PORT": str(free_port()),
           "DIPLOGRAPH_NEO4J_HTTP_PORT": str(free_port()),
           "DIPLOGRAPH_NEO4J_HEAP": "512m", "DIPLOGRAPH_NEO4J_PAGECACHE": "128m"}
    (workdir / "big.json").write_text(json.dumps({"text": "a" * 1_000_001}))
    return Service(env=env, port=free_port(), workdir=workdir)


def run_example(service: Service, command: str) -> str:
    """The block's output for `$ curl …`, run for real."""
    line = command.removeprefix("$ ").replace("localhost:8000", f"localhost:{service.port}")
    done = subprocess.run(["bash", "-c", line], cwd=service.workdir, capture_output=True,
                          text=True, timeout=120)
    head, _, body = done.stdout.replace("\r\n", "\n").partition("\n\n")
    status, *header_lines = head.splitlines()
    headers = dict(h.split(": ", 1) for h in header_lines if ": " in h)
    shown = [f"{name}: {headers[name]}" for name in HEADERS if name in headers]
    if "-X POST" in line and status.split()[1].startswith("2"):
        service.drain()
    return as_default_ports(service, "\n".join([status.strip(), *shown, "",
                                                 *cut(pretty(body))]) + "\n")


def as_default_ports(service: Service, text: str) -> str:
    """The output as a user's own `scripts/serve` prints it: its ports are the defaults."""
    ports = {service.env["DIPLOGRAPH_NEO4J_HTTP_PORT"]: "7474",
             service.env["DIPLOGRAPH_NEO4J_BOLT_PORT"]: "7687", str(service.port): "8000"}
    for port, default in ports.items():
        text = re.sub(rf"(localhost|127\.0\.0\.1)(:|%3A){port}\b", rf"\g<1>\g<2>{default}", text)
    return text


def pretty(body: str) -> list[str]:
    try:
        return json.dumps(json.loads(body), indent=4, ensure_ascii=False).splitlines()
    except ValueError:
        return body.splitlines()


def cut(lines: list[str]) -> list[str]:
    if len(lines) <= BODY_LINES:
        return lines
    return [*lines[:BODY_LINES], f"… ({len(lines) - BODY_LINES} more lines)"]


def masked(text: str) -> str:
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def regenerate(readme: str, service: Service) -> tuple[str, list[str]]:
    """The README with every example re-run, and the commands whose output changed."""
    changed: list[str] = []
    neo4j_up = True

    def one(match: re.Match[str]) -> str:
        nonlocal neo4j_up
        if match["how"] == "by hand":
            return match[0]
        if match["how"] == "neo4j stopped" and neo4j_up:
            service.stop_neo4j()
            neo4j_up = False
        output = run_example(service, match["command"])
        if masked(output) != masked(match["output"]):
            changed.append(match["command"])
        return f"{match['marker'] or ''}```console\n{match['command']}\n{output}```"

    return BLOCK.sub(one, readme), changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="rewrite nothing; exit 1 if stale")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplograph-readme-") as tmp:
        service = new_service(Path(tmp))
        try:
            service.start()
            text, changed = regenerate(README.read_text(), service)
        finally:
            service.stop()
    for command in changed:
        print(f"{'stale' if args.check else 'updated'}: {command[:120]}")
    if args.check:
        sys.exit(1 if changed else 0)
    README.write_text(text)


if __name__ == "__main__":
    main()
