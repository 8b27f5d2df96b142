"""Real SPARQL servers for tests: each on a free loopback port, with its data in a tmp folder.

* ``oxigraph_server`` -- ``oxigraph serve`` from the PyPI ``oxigraph`` package (a test
  dependency), so these tests run everywhere.
* ``virtuoso_server`` -- Debian's ``virtuoso-opensource`` (``virtuoso-t``); skipped, with the
  reason, where it is not installed.  A fresh database's ``dba`` password is ``dba``.

Both are session-scoped; tests isolate themselves by the graph IRIs they write.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Server:
    name: str
    endpoint: str
    """The SPARQL query endpoint."""
    graph_store: str
    user: str | None = None
    password: str | None = None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_http(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode}): {_tail(log)}")
        try:
            with opener.open(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if not with 200
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"server did not answer at {url} in {seconds}s: {_tail(log)}")


def _tail(log: Path) -> str:
    try:
        return " | ".join(log.read_text(errors="replace").splitlines()[-5:])
    except OSError:
        return "(no log)"


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def start_oxigraph(location: Path) -> tuple[subprocess.Popen[bytes], Server]:
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("oxigraph server not installed (pip install oxigraph)")
    port = free_port()
    log = location.parent / f"{location.name}.log"
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    _wait_http(f"{base}/query?query=ASK%7B%7D", process, log, 30)
    return process, Server("oxigraph", f"{base}/query", f"{base}/store")


VIRTUOSO_INI = """\
[Database]
DatabaseFile    = {dir}/virtuoso.db
ErrorLogFile    = {dir}/virtuoso.log
LockFile        = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel   = 7
FileExtend      = 200
Striping        = 0
TempStorage     = TempDatabase

[TempDatabase]
DatabaseFile    = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping        = 0

[Parameters]
ServerPort           = 127.0.0.1:{sql_port}
DisableUnixSocket    = 1
CheckpointInterval   = 60
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
MaxQueryMem          = 256M
DirsAllowed          = ., {dir}
CaseMode             = 2

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {dir}
ServerThreads        = 10
MaxClientConnections = 10
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryExecutionTime      = 60
MaxQueryCostEstimationTime = 400
DefaultQuery               = ASK {{}}
"""


def start_virtuoso(location: Path) -> tuple[subprocess.Popen[bytes], Server]:
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("virtuoso-t not installed (apt-get install virtuoso-opensource)")
    location.mkdir(parents=True, exist_ok=True)
    http_port = free_port()
    ini = location / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(dir=location, sql_port=free_port(), http_port=http_port),
        encoding="utf-8",
    )
    log = location / "virtuoso.log"
    process = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)],
        cwd=location,
        stdout=(location / "stdout.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{http_port}"
    _wait_http(f"{base}/sparql?query=ASK%7B%7D", process, log, 120)
    return process, Server(
        "virtuoso", f"{base}/sparql", f"{base}/sparql-graph-crud-auth", "dba", "dba"
    )


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    process, server = start_oxigraph(tmp_path_factory.mktemp("oxigraph") / "data")
    try:
        yield server
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    process, server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server
    finally:
        _stop(process)
