"""Start, stop and inspect the managed local Neo4j server (no Docker, no Maven: Python + Java)."""

from __future__ import annotations

import logging
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from graph.browser.links import managed_base
from graph.errors import ProvisionError
from graph.local.config import ENTRY_POINT, admin_command, java_command, render_conf
from graph.local.jars import ensure_jars
from graph.local.java import find_java
from graph.settings import Neo4jSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Status:
    """What `diplograph neo4j status` reports."""

    running: bool
    pid: int | None
    bolt_uri: str
    browser_url: str
    home: Path

    def describe(self) -> str:
        if not self.running:
            return f"Neo4j is stopped (data in {self.home})"
        return (
            f"Neo4j is running (pid {self.pid}): {self.bolt_uri}, Browser {self.browser_url} "
            f"(user neo4j, password: `diplograph neo4j password`, kept in "
            f"{self.home / 'password'})"
        )


class LocalNeo4j:
    """The managed server whose files all live under settings.home."""

    def __init__(self, settings: Neo4jSettings) -> None:
        self.settings = settings
        self.home = settings.home
        self.pid_file = self.home / "run" / "diplograph-neo4j.pid"
        self.log_file = self.home / "logs" / "console.log"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.settings.bolt_port}"

    def password(self) -> str:
        """The password: NEO4J_PASSWORD if set, else one generated once and kept under home."""
        if self.settings.password is not None:
            return self.settings.password.get_secret_value()
        path = self.home / "password"
        if not path.exists():
            self.home.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(16))
        return path.read_text().strip()

    def status(self) -> Status:
        pid = self._live_pid()
        return Status(
            running=pid is not None and self._bolt_open(),
            pid=pid,
            bolt_uri=self.bolt_uri,
            browser_url=managed_base(self.settings),  # `?dbms=`: the connect form filled in
            home=self.home,
        )

    def start(self, progress: bool = False) -> str:
        """Provision if needed and start; succeed quietly if already running."""
        if self._live_pid() is not None:
            self._wait_ready(self._live_pid())
            return "already running: " + self.status().describe()
        self._check_ports_free()
        java, major = find_java()
        classpath = ensure_jars(self.settings.jar_cache, self.settings.maven_repo)
        self._write_conf()
        self._set_initial_password(java, classpath)
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with self.log_file.open("ab") as out:
            proc = subprocess.Popen(
                java_command(java, classpath, self.settings),
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,  # outlives the CLI that started it
                env={**os.environ, "NEO4J_HOME": str(self.home)},
            )
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        self.pid_file.write_text(str(proc.pid))
        self._wait_ready(proc.pid)
        return f"started on Java {major}: " + self.status().describe()

    def stop(self) -> str:
        """Stop the server; succeed if it is not running."""
        pid = self._live_pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return "already stopped"
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)
        return "stopped"

    def _live_pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text())
        except (OSError, ValueError):
            return None
        if not _alive(pid):
            return None
        try:  # a recycled pid is not our server
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            return pid
        return pid if ENTRY_POINT in cmdline and str(self.home) in cmdline else None

    def _check_ports_free(self) -> None:
        for port in (self.settings.bolt_port, self.settings.http_port):
            with socket.socket() as sock:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    raise ProvisionError(
                        f"port {port} is already in use by another process; free it or set "
                        "DIPLOGRAPH_NEO4J_BOLT_PORT / DIPLOGRAPH_NEO4J_HTTP_PORT"
                    ) from None

    def _write_conf(self) -> None:
        for sub in ("conf", "data", "logs", "run", "import", "plugins"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        (self.home / "conf" / "neo4j.conf").write_text(render_conf(self.settings))

    def _set_initial_password(self, java: Path, classpath: list[Path]) -> None:
        marker = self.home / "data" / ".diplograph-password-set"
        if marker.exists():
            return
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")}
        cmd = admin_command(java, classpath, self.settings, "dbms", "set-initial-password",
                            "--", self.password())
        result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
        if result.returncode != 0:
            detail = result.stderr.strip()[-300:]
            raise ProvisionError(f"could not set the initial password: {detail}")
        marker.write_text("1")

    def _bolt_open(self) -> bool:
        with socket.socket() as sock:
            sock.settimeout(1.0)
            return sock.connect_ex(("127.0.0.1", self.settings.bolt_port)) == 0

    def _wait_ready(self, pid: int | None) -> None:
        deadline = time.monotonic() + self.settings.start_timeout
        url = f"http://127.0.0.1:{self.settings.http_port}/"
        while time.monotonic() < deadline:
            if pid is None or not _alive(pid):
                raise ProvisionError(f"Neo4j exited during start; see {self.log_file}")
            if self._bolt_open() and _http_ok(url):
                return
            time.sleep(0.5)
        raise ProvisionError(
            f"Neo4j did not come up within {self.settings.start_timeout:.0f}s; see {self.log_file}"
        )


def _http_ok(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie child is dead for our purposes
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except (OSError, IndexError):
        return True
    return state != "Z"
