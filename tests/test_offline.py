"""The program never opens a network connection.

Sockets that can reach a network are forbidden (the socket functions are patched to refuse, and
an audit hook refuses what slips past the patches; a local AF_UNIX socket, which the fork server
that starts the import's workers on Linux listens on, is let through) while the program ingests, searches, exports and runs the GUI
self-test: in this process, and in `python -m viewer.cli` subprocesses whose spawn workers
load the same guard through a sitecustomize.py. Every attempt is recorded, so a caller that
swallows the error still fails the test. And no module of the package imports a network library.
"""

from __future__ import annotations

import ast
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from corpus_support import CORPUS, REPO, corpus_files

# Shared by this process and the subprocesses: refuse and record every attempt to reach the network.
GUARD_SOURCE = '''
import os
import socket
import sys

_LOG = os.environ.get("NETWORK_GUARD_LOG")
ATTEMPTS = []
ARMED = [True]
_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
           "socket.sendto", "socket.sendmsg", "socket.getnameinfo"}


def record(what):
    ATTEMPTS.append(what)
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"attempt {os.getpid()} {what}\\n")


_ON_A_SOCKET = {"socket.connect", "socket.sendto", "socket.sendmsg"}


def _local(args):
    """A socket of this machine alone (AF_UNIX: the fork server of the import's workers)."""
    return bool(args) and getattr(args[0], "family", None) == getattr(socket, "AF_UNIX", None)


def refusing(name, original=None):
    def refuse(*args, **kwargs):
        if original is not None and _local(args):
            return original(*args, **kwargs)
        record(f"{name}{args[1:] if name.startswith('socket.socket.') else args}")
        raise OSError(101, f"network forbidden by the offline test: {name}")
    return refuse


def audit(event, args):
    if ARMED[0] and event in _EVENTS and not (event in _ON_A_SOCKET and _local(args)):
        record(f"audit {event} {args[1:] if event in ('socket.connect', 'socket.sendto', 'socket.sendmsg') else args}")
        raise OSError(101, f"network forbidden by the offline test: {event}")


def install(setattr_=setattr):
    for name in ("connect", "connect_ex", "sendto"):
        original = getattr(socket.socket, name)
        setattr_(socket.socket, name, refusing(f"socket.socket.{name}", getattr(original, "original", original)))
        getattr(socket.socket, name).original = getattr(original, "original", original)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        setattr_(socket, name, refusing(f"socket.{name}"))


if _LOG:
    install()
    sys.addaudithook(audit)
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"loaded {os.getpid()} {os.path.basename(sys.argv[0] if sys.argv else '')}\\n")
'''

NETWORK_MODULES = frozenset({
    "socket", "ssl", "urllib", "http", "requests", "httpx", "aiohttp", "urllib3", "websocket", "websockets",
    "ftplib", "smtplib", "imaplib", "poplib", "telnetlib", "xmlrpc", "socketserver", "asyncio", "webbrowser",
})
NETWORK_QT = ("QtNetwork", "QtWebEngine", "QtWebSockets", "QtWebChannel", "QtWebView", "QtHttpServer")


# -- the guard -------------------------------------------------------------------------------------

class _Guard:
    """The guard of this process: `attempts` lists what was refused since the test began."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"__name__": "offline_guard"}
        exec(compile(GUARD_SOURCE, "offline_guard", "exec"), self.namespace)
        self.namespace["ARMED"][0] = False
        # An audit hook cannot be removed: one per process, armed only during a test.
        sys.addaudithook(self.namespace["audit"])

    @property
    def attempts(self) -> list[str]:
        return cast(list[str], self.namespace["ATTEMPTS"])

    def arm(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.attempts.clear()
        self.namespace["install"](monkeypatch.setattr)
        self.namespace["ARMED"][0] = True

    def disarm(self) -> None:
        self.namespace["ARMED"][0] = False


@pytest.fixture(scope="session")
def _guard() -> _Guard:
    return _Guard()


@pytest.fixture
def no_network(_guard: _Guard, monkeypatch: pytest.MonkeyPatch) -> Iterator[_Guard]:
    """Sockets refuse for the duration of the test; the test fails if anything tried."""
    _guard.arm(monkeypatch)
    try:
        yield _guard
    finally:
        _guard.disarm()
    assert _guard.attempts == [], f"the program tried to use the network: {_guard.attempts}"


def test_the_guard_refuses_and_records(no_network: _Guard) -> None:
    with pytest.raises(OSError, match="network forbidden"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with pytest.raises(OSError, match="network forbidden"):
        socket.getaddrinfo("localhost", 80)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as raw, pytest.raises(OSError, match="network forbidden"):
        raw.connect(("127.0.0.1", 9))
    import _socket  # below the patched Python layer: only the audit hook sees this one

    low = _socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(OSError, match="network forbidden"):
            low.connect(("127.0.0.1", 9))
    finally:
        low.close()
    assert len(no_network.attempts) == 4
    assert any(a.startswith("audit socket.connect") for a in no_network.attempts)
    no_network.attempts.clear()  # the fixture fails the test on any attempt left over


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no AF_UNIX sockets")
def test_the_guard_lets_a_local_socket_through(no_network: _Guard) -> None:
    listener, client = socket.socket(socket.AF_UNIX), socket.socket(socket.AF_UNIX)
    try:
        listener.bind("\0policy-viewer-offline-test" if sys.platform.startswith("linux") else "")
        listener.listen(1)
        client.connect(listener.getsockname())
    finally:
        client.close()
        listener.close()
    assert no_network.attempts == []


# -- in this process -----------------------------------------------------------------------------

def test_ingest_search_export_in_process(no_network: _Guard, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.services.exports import export
    from viewer.services.ingest import ingest_paths
    from viewer.services.library import Library
    from viewer.text import segment

    corpus_files()
    monkeypatch.setattr(segment, "_tokenizer", None)  # both segmenters initialise under the guard too
    monkeypatch.setattr(segment, "_engines", {})
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # and jieba writes its cache afresh
    monkeypatch.setattr("tempfile.tempdir", None)
    store = tmp_path / "offline.db"
    report = ingest_paths(store, [CORPUS], processes=0)
    assert report.count("imported") == 5, report.outcomes
    assert segment.search_tokens("研发投入", "rjieba")  # the import segments for no index any more

    library = Library(store)
    try:
        assert library.search("研发投入", limit=5)  # search reads texts: no segmenter
        assert segment.search_tokens("研发投入", "jieba")  # the reference segmenter, too, offline
        assert (tmp_path / "jieba.cache").exists()
        for what, fmt in (("figures", "xlsx"), ("figures", "csv"), ("entities", "jsonl")):
            out = tmp_path / f"{what}.{fmt}"
            assert export(library.db, what, fmt, out) > 0
            assert out.stat().st_size > 0
    finally:
        library.close()


# -- in subprocesses, spawn workers included ----------------------------------------------------

def _guarded_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    guard_dir = tmp_path / "guard"
    guard_dir.mkdir(exist_ok=True)
    (guard_dir / "sitecustomize.py").write_text(GUARD_SOURCE, encoding="utf-8")
    log = tmp_path / "network.log"
    env = {k: v for k, v in os.environ.items() if k not in ("POLICY_VIEWER_STORE", "PYTHONSTARTUP")}
    env.update(
        PYTHONPATH=os.pathsep.join([str(guard_dir), str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        NETWORK_GUARD_LOG=str(log),
        QT_QPA_PLATFORM="offscreen",
        TMPDIR=str(tmp_path),
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    return env, log


def _cli(env: dict[str, str], *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "viewer.cli", *args], env=env, cwd=REPO, capture_output=True,
                            text=True, encoding="utf-8", timeout=timeout, check=False)
    assert result.returncode == 0, f"policy-viewer {' '.join(args)} exited {result.returncode}:\n{result.stderr[-3000:]}"
    return result


def _log(log: Path) -> tuple[set[str], list[str]]:
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    loaded = {line.split()[1] for line in lines if line.startswith("loaded ")}
    attempts = [line for line in lines if line.startswith("attempt ")]
    return loaded, attempts


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path, Path]:
    """A store built by a guarded `policy-viewer ingest` with two spawn workers."""
    corpus_files()
    tmp_path = tmp_path_factory.mktemp("offline-cli")
    env, log = _guarded_env(tmp_path)
    store = tmp_path / "cli.db"
    result = _cli(env, "ingest", str(CORPUS), "--store", str(store), "--processes", "2")
    assert "5 imported" in result.stdout
    return env, log, store


def test_the_guard_works_in_a_subprocess(tmp_path: Path) -> None:
    env, log = _guarded_env(tmp_path)
    probe = ("import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\n"
             "except OSError as error:\n    print(error)\n")
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout
    assert "network forbidden" in out
    loaded, attempts = _log(log)
    assert len(loaded) == 1 and len(attempts) == 1


def test_ingest_with_spawn_workers_stays_offline(guarded: tuple[dict[str, str], Path, Path]) -> None:
    _env, log, _store = guarded
    loaded, attempts = _log(log)
    assert attempts == [], attempts
    # Workers forked from a fork server (Linux) have the guard the server loaded.
    assert len(loaded) >= 3, f"the guard must be loaded in the CLI and the workers' processes, was in {loaded}"


def test_search_and_exports_stay_offline(guarded: tuple[dict[str, str], Path, Path], tmp_path: Path) -> None:
    env, log, store = guarded
    hits = _cli(env, "search", "研发投入", "--json", "--limit", "5", "--store", str(store)).stdout.splitlines()
    assert hits and all("doc_id" in json.loads(line) for line in hits)
    _cli(env, "export", "figures", "--format", "xlsx", "--out", str(tmp_path / "f.xlsx"), "--store", str(store))
    assert (tmp_path / "f.xlsx").stat().st_size > 0
    series = _cli(env, "export", "series", "--indicator", "研发投入强度", "--store", str(store)).stdout
    assert series.strip()
    entities = _cli(env, "export", "entities", "--format", "csv", "--store", str(store)).stdout
    assert "株洲市" in entities
    assert _log(log)[1] == []


def test_gui_self_test_stays_offline(guarded: tuple[dict[str, str], Path, Path]) -> None:
    env, log, store = guarded
    before = _log(log)[0]
    result = _cli(env, "--self-test", "--store", str(store))
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] is True
    loaded, attempts = _log(log)
    assert attempts == [], attempts
    assert loaded - before, "the self-test ran without the guard"


# -- no network library in the package ----------------------------------------------------------

def imported_modules(source: str, module: str) -> set[str]:
    """Absolute names of the modules a source file imports (relative imports resolved),
    including string literals given to importlib.import_module / __import__."""
    names: set[str] = set()
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                base = ".".join(parent[: len(parent) - node.level + 1] + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
    return names


def network_imports(names: set[str]) -> set[str]:
    return {n for n in names if n.split(".")[0] in NETWORK_MODULES or any(q in n for q in NETWORK_QT)}


def test_the_import_scan_sees_network_imports() -> None:
    source = ("import os\nfrom urllib.request import urlopen\nimport http.client as hc\n"
              "from PySide6 import QtNetwork\nimport importlib\nimportlib.import_module('socket')\n"
              "from . import html_text\nfrom ..store import open_store\n")
    found = imported_modules(source, "viewer.text.readers.pdf_text")
    assert network_imports(found) == {"urllib.request", "urllib.request.urlopen", "http.client",
                                      "PySide6.QtNetwork", "socket"}
    assert {"viewer.text.readers.html_text", "viewer.text.store.open_store"} <= found
    assert network_imports(imported_modules("import html\nfrom email import utils\n", "viewer.x")) == set()


def test_no_module_of_the_package_imports_a_network_library() -> None:
    files = sorted((REPO / "viewer").rglob("*.py"))
    assert len(files) > 30, f"expected the whole package under {REPO / 'viewer'}"
    offenders = {}
    for path in files:
        module = ".".join(path.relative_to(REPO).with_suffix("").parts)
        found = network_imports(imported_modules(path.read_text(encoding="utf-8"), module))
        if found:
            offenders[str(path.relative_to(REPO))] = sorted(found)
    assert offenders == {}
