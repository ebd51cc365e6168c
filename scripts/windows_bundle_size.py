"""Estimate the one-folder bundle that build.spec makes, for a platform this machine cannot build on
(issue #7: Windows x64, Python 3.11), from that platform's real wheels.

    python scripts/windows_bundle_size.py                       # Windows: download, estimate, print
    python scripts/windows_bundle_size.py --target linux --pin-installed --compare dist/policy-viewer

PyInstaller does not cross-build, so this does what it would do, on the target's wheels: the spec's
own Analysis(...) call runs against stand-ins for PyInstaller's build steps; modules are found by
following imports (PyInstaller's own hooks read statically for hidden imports, data and libraries);
Qt plugins and translations come from PyInstaller's Qt module table; shared-library dependencies are
read from the PE/ELF import tables; then the spec's own filters drop what it drops. The second
command runs the same estimate for this machine and compares it with a real build (the method's error).
"""

from __future__ import annotations

import argparse
import ast
import importlib.machinery
import importlib.metadata
import marshal
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from types import SimpleNamespace
from typing import Any

Toc = tuple[str, str, str]  # PyInstaller's TOC entry: (dest, source, typecode); (name, path, ...) for modules

REPO = Path(__file__).resolve().parent.parent
PY = f"{sys.version_info.major}{sys.version_info.minor}"
PYTHON_VERSION = ".".join(map(str, sys.version_info[:3]))  # pip picks wheels for this Python
RUNTIME = f"<cpython-3.{sys.version_info.minor}-win_amd64>"
# CPython 3.11 for Windows x64 (python.org build), which no registry this machine reaches serves:
# approximate sizes of its DLLs and of the stdlib extensions it ships as .pyd (the others are built
# into python311.dll), with the DLLs each needs. python311.dll matches this machine's
# libpython3.11.so stripped of debug information (5.73 MB).
WINDOWS_RUNTIME_DLLS = {
    "python311.dll": 5_760_000, "python3.dll": 66_000, "vcruntime140.dll": 107_000,
    "vcruntime140_1.dll": 49_000, "libcrypto-3.dll": 5_000_000, "libssl-3.dll": 780_000,
    "libffi-8.dll": 38_000, "sqlite3.dll": 1_600_000,
}
WINDOWS_STDLIB_PYD: dict[str, tuple[int, tuple[str, ...]]] = {
    "_asyncio": (65_000, ()), "_bz2": (83_000, ()), "_ctypes": (123_000, ("libffi-8.dll",)),
    "_decimal": (247_000, ()), "_elementtree": (175_000, ()), "_hashlib": (64_000, ("libcrypto-3.dll",)),
    "_lzma": (157_000, ()), "_msi": (33_000, ()), "_multiprocessing": (28_000, ()),
    "_overlapped": (44_000, ()), "_queue": (28_000, ()), "_socket": (77_000, ()),
    "_sqlite3": (95_000, ("sqlite3.dll",)), "_ssl": (175_000, ("libssl-3.dll", "libcrypto-3.dll")),
    "_uuid": (25_000, ()), "_zoneinfo": (44_000, ()), "pyexpat": (195_000, ()), "select": (29_000, ()),
    "unicodedata": (1_120_000, ()), "winsound": (25_000, ()),
}
ESTIMATED_ZIP_RATIO = 0.45  # for the runtime DLLs above, which are not here to compress


@dataclass(frozen=True)
class Target:
    name: str
    pip_platform: str | None  # None: this machine
    ext_suffixes: tuple[str, ...]
    qt_lib: str
    qt_plugins: str
    qt_translations: str
    exe_suffix: str
    spec_platform: str


WINDOWS = Target("windows", "win_amd64", (f".cp{PY}-win_amd64.pyd", ".pyd"), "PySide6", "PySide6/plugins",
                 "PySide6/translations", ".exe", "win32")
LINUX = Target("linux", None, tuple(importlib.machinery.EXTENSION_SUFFIXES), "PySide6/Qt/lib",
               "PySide6/Qt/plugins", "PySide6/Qt/translations", "", "linux")


@dataclass
class Bundle:
    """What the bundle holds: dest -> (source, typecode), and sizes of sources that are not files here."""

    entries: dict[str, tuple[str, str]] = field(default_factory=dict)
    virtual: dict[str, int] = field(default_factory=dict)

    def size(self, source: str) -> int:
        return self.virtual[source] if source in self.virtual else Path(source).stat().st_size

    def total(self) -> int:
        return sum(self.size(src) for src, _ in self.entries.values())


# --- wheels ------------------------------------------------------------------------------------

def requirements(pyproject: Path) -> list[str]:
    return list(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"])


def download(reqs: list[str], dest: Path, target: Target, pin_installed: bool) -> None:
    """The wheels pip would install on the target. Packages published only as source (jieba) are
    built into pure-Python wheels here, which is what pip does on the target too."""
    local = dest / "local"
    local.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", "--python-version", PYTHON_VERSION,
           "--find-links", str(local), "-d", str(dest)]
    if target.pip_platform:
        cmd += ["--platform", target.pip_platform]
    if pin_installed:
        pins = dest / "constraints.txt"
        pins.write_text("".join(f"{d.metadata['Name']}=={d.version}\n" for d in importlib.metadata.distributions()))
        cmd += ["-c", str(pins)]
    for _attempt in range(5):
        run = subprocess.run([*cmd, *reqs], capture_output=True, text=True)
        if run.returncode == 0:
            return
        missing = re.search(r"(?:No matching distribution found for|Cannot install) ([A-Za-z0-9_.\-]+)", run.stderr)
        if not missing:
            raise SystemExit(run.stderr)
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(local),
                        missing.group(1)], check=True)
    raise SystemExit("pip download kept failing")


def unpack(wheels: Iterable[Path], site: Path) -> None:
    site.mkdir(parents=True, exist_ok=True)
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(site)


# --- reading binaries ----------------------------------------------------------------------------

def _u(data: bytes, offset: int, size: int) -> int:
    return int.from_bytes(data[offset:offset + size], "little")


def _cstr(data: bytes, offset: int) -> str:
    return data[offset:data.index(b"\0", offset)].decode("utf-8", "replace")


def pe_imports(data: bytes) -> list[str]:
    """DLL names in a PE file's import table (what PyInstaller reads with pefile)."""
    if data[:2] != b"MZ":
        return []
    pe = _u(data, 0x3C, 4)
    if data[pe:pe + 4] != b"PE\0\0":
        return []
    sections, optional_size, optional = _u(data, pe + 6, 2), _u(data, pe + 20, 2), pe + 24
    directories = optional + (112 if _u(data, optional, 2) == 0x20B else 96)
    table = [(_u(data, s + 12, 4), max(_u(data, s + 8, 4), _u(data, s + 16, 4)), _u(data, s + 20, 4))
             for s in range(optional + optional_size, optional + optional_size + 40 * sections, 40)]

    def offset(rva: int) -> int:
        return next(rva - va + raw for va, size, raw in table if va <= rva < va + size)

    names, rva = [], _u(data, directories + 8, 4)
    if not rva:
        return []
    descriptor = offset(rva)
    while any(data[descriptor:descriptor + 20]):
        names.append(_cstr(data, offset(_u(data, descriptor + 12, 4))))
        descriptor += 20
    return names


def elf_imports(data: bytes) -> tuple[list[str], list[str]]:
    """DT_NEEDED names and run paths of a 64-bit ELF file (what ldd follows)."""
    if data[:4] != b"\x7fELF" or data[4] != 2:
        return [], []
    phoff, phsize, phnum = _u(data, 0x20, 8), _u(data, 0x36, 2), _u(data, 0x38, 2)
    loads, dynamic = [], None
    for header in range(phoff, phoff + phsize * phnum, phsize):
        kind, where, vaddr, size = (_u(data, header, 4), _u(data, header + 8, 8), _u(data, header + 16, 8),
                                    _u(data, header + 32, 8))
        if kind == 1:
            loads.append((vaddr, where, size))
        elif kind == 2:
            dynamic = (where, size)
    if dynamic is None:
        return [], []
    tags = [(_u(data, at, 8), _u(data, at + 8, 8)) for at in range(dynamic[0], dynamic[0] + dynamic[1], 16)]
    strtab = next(value for tag, value in tags if tag == 5)
    base = next(strtab - vaddr + where for vaddr, where, size in loads if vaddr <= strtab < vaddr + size)
    needed = [_cstr(data, base + value) for tag, value in tags if tag == 1]
    paths = [p for tag, value in tags if tag in (15, 29) for p in _cstr(data, base + value).split(":")]
    return needed, paths


def _system_libraries() -> dict[str, str]:
    """This machine's shared libraries by name (the loader cache), as ldd finds them."""
    out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    found = re.findall(r"^\s*(\S+) \(libc6,x86-64[^)]*\) => (\S+)$", out, re.M)
    return dict(reversed(found))


# --- the analysis ----------------------------------------------------------------------------------

def hook_dirs() -> list[Path]:
    import PyInstaller

    dirs = [Path(PyInstaller.__file__).parent / "hooks"]
    for point in importlib.metadata.entry_points(group="pyinstaller40"):
        if point.name == "hook-dirs":
            dirs += [Path(d) for d in point.load()()]
    return dirs


@dataclass
class Hook:
    hiddenimports: list[str] = field(default_factory=list)
    submodules_of: list[str] = field(default_factory=list)
    data_of: list[tuple[str, str, list[str]]] = field(default_factory=list)  # package, subdir, excludes
    metadata_of: list[str] = field(default_factory=list)
    libs_of: list[str] = field(default_factory=list)
    libs_folder_of: list[str] = field(default_factory=list)  # delvewheel's <package>.libs (Windows)
    excluded: list[str] = field(default_factory=list)
    qt: bool = False
    qt_extra: bool = False


def hook_files() -> dict[str, Path]:
    """module -> the hook PyInstaller runs for it: the highest priority wins (PyInstaller's own hooks
    -2000, pyinstaller-hooks-contrib -1000, a package's own 0, unless the file says otherwise)."""
    chosen: dict[str, tuple[int, Path]] = {}
    for rank, folder in enumerate(hook_dirs()):
        default = -2000 if rank == 0 else -1000 if "_pyinstaller_hooks_contrib" in str(folder) else 0
        for path in folder.glob("hook-*.py"):
            stated = re.search(r"^\s*#\s*\$PyInstaller-Hook-Priority:\s*(-?\d+)", path.read_text("utf-8"), re.M)
            priority = int(stated.group(1)) if stated else default
            if path.name[5:-3] not in chosen or priority > chosen[path.name[5:-3]][0]:
                chosen[path.name[5:-3]] = (priority, path)
    return {module: path for module, (_priority, path) in chosen.items()}


def _truth(test: ast.expr, facts: dict[str, Any], versions: dict[str, str]) -> bool | None:
    """A hook's `if` condition when it is about the platform, a requirement or a version; None when unknown."""
    if isinstance(test, ast.Name | ast.Attribute):
        known = facts.get(test.id if isinstance(test, ast.Name) else test.attr)
        return known if isinstance(known, bool) else None
    if isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and len(test.ops) == 1 \
            and isinstance(facts.get(test.left.id), tuple):
        try:
            other = ast.literal_eval(test.comparators[0])
        except ValueError:
            return None
        compare = {ast.Lt: tuple.__lt__, ast.LtE: tuple.__le__, ast.Gt: tuple.__gt__, ast.GtE: tuple.__ge__}
        op = compare.get(type(test.ops[0]))
        return op(facts[test.left.id], other) if op and isinstance(other, tuple) else None
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _truth(test.operand, facts, versions)
        return None if inner is None else not inner
    if isinstance(test, ast.BoolOp):
        values = [_truth(v, facts, versions) for v in test.values]
        decided = (isinstance(test.op, ast.And) and False in values) or (isinstance(test.op, ast.Or) and True in values)
        return (isinstance(test.op, ast.Or)) if decided else None
    if _called(test) in ("check_requirement", "is_module_satisfies") and _first_arg(test):
        from packaging.requirements import Requirement

        requirement = Requirement(_first_arg(test))
        version = versions.get(re.sub(r"[-_.]+", "_", requirement.name).lower())
        return version is not None and requirement.specifier.contains(version, prereleases=True)
    return None


def _walk(node: ast.AST, facts: dict[str, Any], versions: dict[str, str]) -> Iterator[ast.AST]:
    """ast.walk that skips the branches of an `if` that cannot run on the target."""
    yield node
    if isinstance(node, ast.If):
        truth = _truth(node.test, facts, versions)
        branches = [node.body] if truth is True else [node.orelse] if truth is False else [node.body, node.orelse]
        children: Iterable[ast.AST] = [node.test, *(child for branch in branches for child in branch)]
    else:
        children = ast.iter_child_nodes(node)
    for child in children:
        yield from _walk(child, facts, versions)


def read_hook(path: Path, facts: dict[str, Any], versions: dict[str, str]) -> Hook:
    """What a PyInstaller hook adds, read without running it: `if`s on the platform or on a requirement
    are followed; other conditions are taken as true."""
    hook, tree = Hook(), ast.parse(path.read_text(encoding="utf-8"))
    facts = dict(facts)
    for node in ast.walk(tree):  # numpy_version = Version(...version("numpy")).release, and the like
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            dist = next((_first_arg(c) for c in ast.walk(node.value) if _called(c) == "version" and _first_arg(c)), "")
            release = versions.get(re.sub(r"[-_.]+", "_", dist).lower())
            if release:
                facts[node.targets[0].id] = tuple(int(x) for x in re.findall(r"\d+", release)[:3])
    for node in _walk(tree, facts, versions):
        if isinstance(node, ast.For) and _called(node.iter) == "collect_submodules" \
                and "hiddenimports.append" in ast.unparse(node):
            hook.submodules_of.append(_first_arg(node.iter))
        if isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {t.id for t in targets if isinstance(t, ast.Name)}
            strings = [n.value for n in ast.walk(node.value)
                       if isinstance(n, ast.Constant) and isinstance(n.value, str)
                       and isinstance(node.value, ast.List | ast.BinOp)]
            if "hiddenimports" in names:
                hook.hiddenimports += strings
                hook.submodules_of += [_first_arg(c) for c in ast.walk(node.value) if _called(c) == "collect_submodules"]
            if "excludedimports" in names:
                hook.excluded += strings
        name = _called(node)
        if name == "collect_data_files" and isinstance(node, ast.Call):
            keywords = {kw.arg: [n.value for n in ast.walk(kw.value) if isinstance(n, ast.Constant)
                                 and isinstance(n.value, str)] for kw in node.keywords}
            hook.data_of.append((_first_arg(node), "/".join(keywords.get("subdir", [])), keywords.get("excludes", [])))
        elif name == "copy_metadata":
            hook.metadata_of.append(_first_arg(node))
        elif name == "collect_dynamic_libs":
            hook.libs_of.append(_first_arg(node))
        elif name == "collect_delvewheel_libs_directory":
            hook.libs_folder_of.append(_first_arg(node))
        hook.qt |= name in ("add_qt6_dependencies", "add_qt_dependencies")
        hook.qt_extra |= name == "collect_extra_binaries"
    return hook


def _called(node: ast.AST) -> str:
    if isinstance(node, ast.Call):
        func = node.func
        return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    return ""


def _first_arg(node: ast.AST) -> str:
    assert isinstance(node, ast.Call)
    first = node.args[0] if node.args else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""


class Analysis:
    """Stands in for PyInstaller's Analysis: the same arguments, the same TOC lists as results."""

    def __init__(self, estimator: Estimator, scripts: list[str], datas: list[tuple[str, str]],
                 hiddenimports: list[str], excludes: list[str], **_: Any) -> None:
        self.scripts = [(Path(s).stem, s, "PYSOURCE") for s in scripts]
        self.pure, self.binaries, self.datas = estimator.analyse(scripts, hiddenimports, excludes, datas)


class Estimator:
    def __init__(self, site: Path, target: Target, bundle: Bundle) -> None:
        self.site, self.target, self.bundle = site, target, bundle
        self.stdlib = Path(sysconfig.get_paths()["stdlib"])
        self.roots = [REPO, self.stdlib, site]
        self.hooks = hook_files()
        windows = target is WINDOWS
        self.facts: dict[str, Any] = {"is_win": windows, "is_linux": not windows, "is_unix": not windows, "is_darwin": False,
                      "is_cygwin": False, "is_conda": False, "is_pure_conda": False, "is_musl": False}
        self.versions = {re.sub(r"[-_.]+", "_", info.name.split("-")[0]).lower(): info.name.split("-")[1]
                         .removesuffix(".dist") for info in site.glob("*.dist-info")}
        self.system = _system_libraries() if target is LINUX else {}
        self.modules: dict[str, tuple[str, str]] = {}  # name -> (path, "py" | "ext" | "pkgdir")
        self.trees: dict[str, ast.Module] = {}

    # modules -------------------------------------------------------------------------------------
    def find(self, name: str) -> tuple[str, str] | None:
        if name in self.modules:
            return self.modules[name]
        parts = name.split(".")
        if self.target is WINDOWS and name in WINDOWS_STDLIB_PYD:
            size, _deps = WINDOWS_STDLIB_PYD[name]
            source = f"{RUNTIME}/{name}.pyd"
            self.bundle.virtual[source] = size
            return source, "ext"
        dynload = self.stdlib / "lib-dynload"
        for root in [*self.roots, *([dynload] if self.target is LINUX else [])]:
            stem = root.joinpath(*parts)
            for candidate, kind in [*((stem.with_name(stem.name + s), "ext") for s in self.target.ext_suffixes),
                                    (stem / "__init__.py", "py"), (stem.with_name(stem.name + ".py"), "py"),
                                    (stem, "pkgdir")]:
                if (candidate.is_dir() if kind == "pkgdir" else candidate.is_file()):
                    return str(candidate), kind
        return None

    def parse(self, path: str) -> ast.Module:
        if path not in self.trees:
            self.trees[path] = ast.parse(Path(path).read_bytes())
        return self.trees[path]

    def metadata_wanted(self, path: str) -> list[str]:
        """Distributions whose metadata the module reads by a literal name; PyInstaller 6 collects it."""
        if not re.search(rb"importlib[._]metadata|pkg_resources", Path(path).read_bytes()):
            return []
        return [_first_arg(node) for node in ast.walk(self.parse(path))
                if _called(node) in ("version", "distribution", "metadata", "requires", "files")
                and isinstance(node, ast.Call) and _first_arg(node)]

    def imports_of(self, name: str, path: str) -> Iterator[str]:
        tree = self.parse(path)
        package = name if path.endswith("__init__.py") else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                yield from (alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
                module = ".".join([*base, *([node.module] if node.module else [])])
                yield module
                yield from (f"{module}.{alias.name}" for alias in node.names if alias.name != "*")

    def analyse(self, scripts: list[str], hidden: list[str], excludes: list[str],
                datas: list[tuple[str, str]]) -> tuple[list[Toc], list[Toc], list[Toc]]:
        excluded = tuple(excludes)
        queue = [*hidden, "encodings", *(m for s in scripts for m in self.imports_of("__main__", s))]
        pure: list[Toc] = []
        binaries: list[Toc] = []
        data: list[Toc] = []
        while queue:
            name = queue.pop()
            if not name or name in self.modules or any(name == x or name.startswith(x + ".") for x in excluded):
                continue
            found = self.find(name)
            if found is None:
                continue
            self.modules[name] = found
            path, kind = found
            metadata: list[str] = []
            if "." in name:
                queue.append(name.rpartition(".")[0])
            if kind == "py":
                pure.append((name, path, "PYMODULE"))
                queue += [m for m in self.imports_of(name, path) if m != name]
                metadata = self.metadata_wanted(path)
            elif kind == "ext":
                binaries.append((self.dest(path), path, "EXTENSION"))
            hook = read_hook(self.hooks[name], self.facts, self.versions) if name in self.hooks else Hook()
            excluded += tuple(hook.excluded)
            queue += hook.hiddenimports + [m for pkg in hook.submodules_of for m in self.submodules(pkg)]
            data += [entry for pkg, sub, skip in hook.data_of for entry in self.package_data(pkg, sub, skip)]
            data += [entry for dist in hook.metadata_of + metadata for entry in self.metadata(dist)]
            binaries += [entry for pkg in hook.libs_of for entry in self.package_libs(pkg)]
            if self.target is WINDOWS:
                binaries += [entry for pkg in hook.libs_folder_of for entry in self.libs_folder(pkg)]
            if hook.qt:
                more, qt_binaries, qt_data = self.qt_module(name.split(".")[-1])
                queue += more
                binaries += qt_binaries
                data += qt_data
            if hook.qt_extra and self.target is WINDOWS:
                binaries += self.qt_extra_binaries()
        for source, dest in datas:
            top = Path(source)
            files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
            data += [(f"{dest}/{f.name if f == top else f.relative_to(top).as_posix()}", str(f), "DATA")
                     for f in files]
        return pure, self.dependencies(binaries), data

    def dest(self, path: str, name: str = "") -> str:
        if path.startswith(RUNTIME):
            return path[len(RUNTIME) + 1:]
        if path.startswith(str(self.site)):
            return Path(path).relative_to(self.site).as_posix()
        if path.startswith(str(self.stdlib / "lib-dynload")):
            return f"python3.{sys.version_info.minor}/lib-dynload/{Path(path).name}"
        return Path(path).name

    def submodules(self, package: str) -> Iterator[str]:
        found = self.find(package)
        if found and found[1] in ("py", "pkgdir") and Path(found[0]).name in ("__init__.py", package.split(".")[-1]):
            top = Path(found[0]) if found[1] == "pkgdir" else Path(found[0]).parent
            for file in top.rglob("*"):
                stem = file.name.split(".")[0]
                if file.suffix in (".py", ".pyd", ".so") and stem.isidentifier():
                    parts = [*file.relative_to(top).parent.parts, stem]
                    yield ".".join([package, *parts]).removesuffix(".__init__")

    def package_data(self, package: str, subdir: str, excludes: list[str]) -> Iterator[Toc]:
        """collect_data_files: every file but code, minus `excludes` (a matching folder drops its files)."""
        top = self.site / package.replace(".", "/")
        code = (".py", ".pyc", ".pyo", *self.target.ext_suffixes)
        for file in sorted((top / subdir).rglob("*")):
            relative = file.relative_to(top)
            prefixes = ["/".join(relative.parts[:n]) for n in range(1, len(relative.parts) + 1)]
            if file.is_file() and not file.name.endswith(code) and "__pycache__" not in relative.parts \
                    and not any(fnmatch(p, x) or fnmatch(p, x.removeprefix("**/")) for p in prefixes for x in excludes):
                yield self.dest(str(file)), str(file), "DATA"

    def metadata(self, dist: str) -> Iterator[Toc]:
        wanted = re.sub(r"[-_.]+", "_", dist).lower()
        for info in self.site.glob("*.dist-info"):
            if re.sub(r"[-_.]+", "_", info.name.split("-")[0]).lower() == wanted:
                yield from ((self.dest(str(f)), str(f), "DATA") for f in info.rglob("*") if f.is_file())

    def package_libs(self, package: str) -> Iterator[Toc]:
        """collect_dynamic_libs: shared libraries inside the package (not its extension modules)."""
        top = self.site / package.replace(".", "/")
        for file in sorted(top.rglob("*")):
            if any(fnmatch(file.name, pattern) for pattern in ("*.dll", "*.dylib", "lib*.so")):
                yield self.dest(str(file)), str(file), "BINARY"

    def libs_folder(self, package: str) -> Iterator[Toc]:
        folder = self.site / f"{package}.libs"
        yield from ((self.dest(str(f)), str(f), "BINARY") for f in sorted(folder.glob("*")) if f.is_file())

    # Qt ------------------------------------------------------------------------------------------
    def qt_module(self, module: str) -> tuple[list[str], list[Toc], list[Toc]]:
        """PyInstaller's QtLibraryInfo.collect_module, on the target's wheel."""
        from PyInstaller.utils.hooks.qt import _modules_info

        by_module, by_library = {}, {}
        for entry in _modules_info.QT_MODULES_INFO:
            if entry.bindings and "PySide6" not in _modules_info.process_namespace_strings(entry.bindings):
                continue
            if entry.module:
                by_module[entry.module] = entry
            if entry.shared_lib:
                by_library[f"qt6{entry.shared_lib}".lower()] = entry
        hidden: list[str] = []
        plugins: set[str] = set(by_module[module].plugins) if module in by_module else set()
        translations: set[str] = set(by_module[module].translations) if module in by_module else set()
        found = self.find(f"PySide6.{module}")
        todo, seen = [found[0]] if found else [], set()
        while todo:
            library = todo.pop()
            for imported in self.binary_imports(library):
                resolved = self.resolve(imported, library)
                key = _qt_name(imported)
                if resolved is None or resolved in seen or key not in by_library:
                    continue
                seen.add(resolved)
                entry = by_library[key]
                if key == "qt6qml" and not module.startswith(("QtQml", "QtQuick")):
                    continue
                if entry.module and entry.module != module:
                    hidden.append(f"PySide6.{entry.module}")
                    continue
                if not entry.module:
                    plugins |= set(entry.plugins)
                    translations |= set(entry.translations)
                todo.append(resolved)
        plugin_root, qm_root = self.site / self.target.qt_plugins, self.site / self.target.qt_translations
        binaries = [(self.dest(str(f)), str(f), "BINARY") for kind in sorted(plugins)
                    for f in sorted((plugin_root / kind).glob("*"))
                    if f.suffix in (".dll", ".so") and self.qt_plugin_loads(str(f))]
        data = [(self.dest(str(f)), str(f), "DATA") for base in sorted(translations)
                for f in sorted(qm_root.glob(f"{base}_*.qm"))]
        return hidden, binaries, data

    def qt_plugin_loads(self, plugin: str) -> bool:
        """PyInstaller drops a plugin that needs a Qt library the wheel lacks (e.g. from PySide6-Addons)."""
        lib = self.site / self.target.qt_lib
        return all((lib / name).is_file() for name in self.binary_imports(plugin) if _qt_name(name).startswith("qt6"))

    def qt_extra_binaries(self) -> list[Toc]:
        """PySide6's hook on Windows: ANGLE, the software OpenGL renderer, ICU (each all or none)."""
        lib, out = self.site / self.target.qt_lib, []
        for group, optional in ((["libEGL.dll", "libGLESv2.dll"], ["d3dcompiler_??.dll"]), (["opengl32sw.dll"], []),
                                (["icudt??.dll", "icuin??.dll", "icuuc??.dll"], [])):
            files = [list(lib.glob(pattern)) for pattern in group]
            if all(files):
                out += [(self.dest(str(f)), str(f), "BINARY") for found in files + [list(lib.glob(p)) for p in optional]
                        for f in found]
        return out

    # shared libraries -----------------------------------------------------------------------------
    def binary_imports(self, path: str) -> list[str]:
        if path.startswith(RUNTIME):
            name = Path(path).stem
            extra = WINDOWS_STDLIB_PYD[name][1] if name in WINDOWS_STDLIB_PYD else ()
            return ["python311.dll", "vcruntime140.dll", *extra] if path.endswith(".pyd") else []
        data = Path(path).read_bytes()
        return pe_imports(data) if self.target is WINDOWS else elf_imports(data)[0]

    def resolve(self, name: str, importer: str) -> str | None:
        if self.target is WINDOWS:
            candidates = [Path(importer).parent / name, *(d / name for d in self._dll_dirs())]
            hit = next((c for c in candidates if not importer.startswith(RUNTIME) and c.is_file()), None)
            if hit is None:  # DLL file names are case-insensitive
                hit = next((f for d in [Path(importer).parent, *self._dll_dirs()] if d.is_dir()
                            for f in d.iterdir() if f.name.lower() == name.lower()), None)
            if hit is not None:
                return str(hit)
            if name.lower() in WINDOWS_RUNTIME_DLLS:
                source = f"{RUNTIME}/{name.lower()}"
                self.bundle.virtual[source] = WINDOWS_RUNTIME_DLLS[name.lower()]
                return source
            return None  # part of Windows itself
        _needed, paths = elf_imports(Path(importer).read_bytes())
        for folder in paths:
            candidate = Path(folder.replace("$ORIGIN", str(Path(importer).parent))) / name
            if candidate.is_file():
                return str(candidate.resolve())
        return self.system.get(name)

    def _dll_dirs(self) -> list[Path]:
        return [self.site / self.target.qt_lib, self.site / "shiboken6",
                *sorted(self.site.glob("*.libs"))]

    def dependencies(self, binaries: list[Toc]) -> list[Toc]:
        """PyInstaller's binary dependency analysis: follow imports, drop what the OS provides."""
        from PyInstaller.depend import dylib

        out, seen = list(binaries), {src for _, src, _ in binaries}
        if self.target is LINUX:
            from PyInstaller.depend.bindepend import get_python_library_path

            out.append((Path(get_python_library_path()).name, str(get_python_library_path()), "BINARY"))
        else:
            out.append(("python311.dll", self.resolve("python311.dll", RUNTIME) or "", "BINARY"))
        todo = [source for _, source, _ in out]
        while todo:
            source = todo.pop()
            for name in self.binary_imports(source):
                found = self.resolve(name, source)
                if found is None or found in seen or name.startswith("ld-linux"):
                    continue
                seen.add(found)
                todo.append(found)  # ldd also lists what excluded libraries load
                if self.target is WINDOWS or dylib.include_library(found):
                    out.append((self.dest(found), found, "BINARY"))
        return out


def _qt_name(library: str) -> str:
    stem = Path(library).name.split(".")[0].lower()
    return stem[3:] if stem.startswith("lib") else stem


# --- PyInstaller's build steps, as sizes ---------------------------------------------------------

def _code(path: str) -> Any:
    return compile(Path(path).read_bytes(), path, "exec", dont_inherit=True)


def compressed_code(path: str) -> int:
    """A module as PyInstaller stores it in the PYZ archive: marshalled bytecode, zlib level 6."""
    return len(zlib.compress(marshal.dumps(_code(path)), 6))


class Pyz:
    def __init__(self, pure: list[Toc]) -> None:
        from PyInstaller.compat import PY3_BASE_MODULES

        base = [path for name, path, _ in pure if name.split(".")[0] in PY3_BASE_MODULES]
        # base_library.zip stores .pyc files uncompressed; the PYZ archive compresses each module
        self.base_library = sum(len(marshal.dumps(_code(path))) + 16 + 100 for path in base)
        self.size = sum(compressed_code(path) + 40 for name, path, _ in pure if path not in base)


@dataclass
class Exe:
    name: str
    size: int
    zipped: int


class Collector:
    """PYZ, EXE and COLLECT for the spec: they fill `bundle` instead of writing files."""

    def __init__(self, bundle: Bundle, target: Target, bootloaders: dict[bool, bytes]) -> None:
        self.bundle, self.target, self.bootloaders = bundle, target, bootloaders
        self.zipped: dict[str, int] = {}

    def pyz(self, pure: list[Toc], **_: Any) -> Pyz:
        return Pyz(pure)

    def exe(self, pyz: Pyz, scripts: list[Toc], *_: Any, name: str, console: bool, **__: Any) -> Exe:
        import PyInstaller

        loader = Path(PyInstaller.__file__).parent / "loader"
        code = sum(compressed_code(str(p)) for p in [*loader.glob("pyi*.py"), *(Path(s) for _, s, _ in scripts)])
        boot = self.bootloaders[console]
        return Exe(name + self.target.exe_suffix, len(boot) + code + pyz.size,
                   len(zlib.compress(boot, 6)) + code + pyz.size)

    def collect(self, *parts: Any, **_: Any) -> None:
        for part in parts:
            if isinstance(part, Exe):
                self.add(part.name, part.size, part.zipped, "EXECUTABLE")
            elif isinstance(part, list):
                for dest, source, kind in part:
                    self.bundle.entries.setdefault(dest.replace("\\", "/"), (source, kind))

    def add(self, dest: str, size: int, zipped: int, kind: str) -> None:
        source = f"<built>/{dest}"
        self.bundle.entries[dest] = (source, kind)
        self.bundle.virtual[source], self.zipped[source] = size, zipped


def bootloaders(target: Target, wheels: Path) -> dict[bool, bytes]:
    """console -> the bootloader PyInstaller would use, from its wheel for the target."""
    import PyInstaller

    if target is LINUX:
        run = (Path(PyInstaller.__file__).parent / "bootloader" / "Linux-64bit-intel" / "run").read_bytes()
        return {True: run, False: run}
    tools = wheels / "tools"
    if not list(tools.glob("pyinstaller-*.whl")):
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                        "--platform", "win_amd64", "--python-version", PYTHON_VERSION, "-d", str(tools),
                        f"pyinstaller=={importlib.metadata.version('pyinstaller')}"], check=True)
    with zipfile.ZipFile(next(tools.glob("pyinstaller-*.whl"))) as wheel:
        def read(name: str) -> bytes:
            return wheel.read(f"PyInstaller/bootloader/{name}")

        # The default icon goes into each executable when the spec names none.
        return {console: read(f"Windows-64bit-intel/{'run' if console else 'runw'}.exe")
                + read(f"images/icon-{'console' if console else 'windowed'}.ico") for console in (True, False)}


def run_spec(estimator: Estimator, collector: Collector) -> None:
    """build.spec as PyInstaller runs it, with the stand-ins above and the target's sys.platform."""
    spec = REPO / "build.spec"
    settings, marker, build = spec.read_text(encoding="utf-8").partition("\na = Analysis(")
    assert marker, "build.spec has no `a = Analysis(` line"
    namespace: dict[str, Any] = {"SPECPATH": str(REPO), "__file__": str(spec)}
    exec(compile(settings, str(spec), "exec"), namespace)
    namespace.update(
        Analysis=lambda *args, **kwargs: Analysis(estimator, *args, **kwargs),
        PYZ=collector.pyz, EXE=collector.exe, COLLECT=collector.collect,
        sys=SimpleNamespace(platform=estimator.target.spec_platform),
    )
    exec(compile("\n" * settings.count("\n") + marker + build, str(spec), "exec"), namespace)
    pyz = next(v for v in namespace.values() if isinstance(v, Pyz))
    collector.add("base_library.zip", pyz.base_library, pyz.base_library, "DATA")


# --- report --------------------------------------------------------------------------------------

def zipped_size(bundle: Bundle, known: dict[str, int]) -> int:
    total = 0
    for dest, (source, _kind) in bundle.entries.items():
        if source in known:
            total += known[source]
        elif source in bundle.virtual:
            total += int(bundle.virtual[source] * ESTIMATED_ZIP_RATIO)
        else:
            packer = zlib.compressobj(6)
            with open(source, "rb") as stream:
                size = sum(len(packer.compress(chunk)) for chunk in iter(lambda: stream.read(1 << 20), b""))
            total += size + len(packer.flush())
        total += 76 + 2 * len(dest)  # zip headers
    return total


def group(dest: str) -> str:
    parts = dest.split("/")
    return parts[0] if len(parts) > 1 else "(top level)"


def sizes_by_group(files: dict[str, int]) -> dict[str, int]:
    groups: dict[str, int] = {}
    for dest, size in files.items():
        groups[group(dest)] = groups.get(group(dest), 0) + size
    return groups


def real_bundle(folder: Path) -> dict[str, int]:
    """A built bundle's regular files by path (relative to _internal/), as the estimate names them."""
    return {p.relative_to(folder).as_posix().removeprefix("_internal/"): p.stat().st_size
            for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}


def mb(size: float) -> str:
    return f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)"


def report(bundle: Bundle, zipped: int, target: Target) -> None:
    files = {dest: bundle.size(source) for dest, (source, _kind) in bundle.entries.items()}
    estimated = sum(size for dest, size in files.items() if bundle.entries[dest][0] in bundle.virtual)
    print(f"{target.name} bundle (estimate): {mb(sum(files.values()))}, {len(files)} files, "
          f"zipped {mb(zipped)}")
    print(f"  of which not measured here (CPython runtime, executables, bytecode): {mb(estimated)}")
    print("  biggest files:")
    for dest, size in sorted(files.items(), key=lambda item: -item[1])[:10]:
        print(f"    {size / 1e6:7.1f} MB  {dest}")
    print("  biggest folders:")
    for name, size in sorted(sizes_by_group(files).items(), key=lambda item: -item[1])[:10]:
        print(f"    {size / 1e6:7.1f} MB  {name}")


def compare(bundle: Bundle, folder: Path) -> float:
    real = real_bundle(folder)
    files = {dest: bundle.size(source) for dest, (source, _kind) in bundle.entries.items()}
    error = (sum(files.values()) - sum(real.values())) / sum(real.values())
    print(f"real bundle {folder}: {mb(sum(real.values()))}, {len(real)} files; "
          f"estimate off by {error:+.1%} in size, {len(files) - len(real):+d} files")
    ours, theirs = sizes_by_group(files), sizes_by_group(real)
    deltas = sorted(((ours.get(g, 0) - theirs.get(g, 0), g) for g in ours.keys() | theirs.keys()),
                    key=lambda item: -abs(item[0]))
    print("  largest differences by folder (estimate - real): "
          + ", ".join(f"{g} {d / 1e6:+.1f} MB" for d, g in deltas[:8] if d))
    return error


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--target", choices=("windows", "linux"), default="windows")
    parser.add_argument("--wheels", type=Path, help="download folder (default build/bundle-size/TARGET)")
    parser.add_argument("--pin-installed", action="store_true",
                        help="the versions installed here, not the newest the pyproject ranges allow")
    parser.add_argument("--compare", type=Path, help="a real bundle folder built for this machine")
    args = parser.parse_args(argv)
    target = WINDOWS if args.target == "windows" else LINUX
    wheels = args.wheels or REPO / "build" / "bundle-size" / target.name
    if not list(wheels.glob("*.whl")):
        download(requirements(REPO / "pyproject.toml"), wheels, target, args.pin_installed)
    site = wheels / "site"
    shutil.rmtree(site, ignore_errors=True)
    unpack(sorted(wheels.glob("*.whl")), site)
    bundle = Bundle()
    collector = Collector(bundle, target, bootloaders(target, wheels))
    run_spec(Estimator(site, target, bundle), collector)
    report(bundle, zipped_size(bundle, collector.zipped), target)
    if args.compare:
        compare(bundle, args.compare)
    return 0


if __name__ == "__main__":
    sys.exit(main())
