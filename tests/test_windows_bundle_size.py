"""scripts/windows_bundle_size.py on tiny wheels made here: what it keeps, drops and adds up (offline)."""

from __future__ import annotations

import importlib.util
import struct
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from corpus_support import REPO


@pytest.fixture(scope="module")
def size() -> ModuleType:
    spec = importlib.util.spec_from_file_location("windows_bundle_size", REPO / "scripts" / "windows_bundle_size.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def make_wheel(folder: Path, name: str, files: dict[str, bytes]) -> Path:
    wheel = folder / f"{name}-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, content in files.items():
            archive.writestr(path, content)
        archive.writestr(f"{name}-1.0.dist-info/METADATA", f"Name: {name}\nVersion: 1.0\n")
    return wheel


def tiny_pe(dll: str) -> bytes:
    """A PE32+ file whose import table names one DLL."""
    data = bytearray(0x400)
    data[:2], data[0x3C:0x40] = b"MZ", struct.pack("<I", 0x40)
    data[0x40:0x44] = b"PE\0\0"
    struct.pack_into("<HH12xH", data, 0x44, 0x8664, 1, 240)  # machine, sections, optional header size
    struct.pack_into("<H", data, 0x58, 0x20B)  # PE32+
    struct.pack_into("<II", data, 0x58 + 112 + 8, 0x1000, 40)  # import directory
    struct.pack_into("<8sIIII", data, 0x58 + 240, b".idata", 0x200, 0x1000, 0x200, 0x200)
    struct.pack_into("<IIIII", data, 0x200, 0, 0, 0, 0x1100, 0)  # one descriptor, then zeros
    data[0x300:0x300 + len(dll) + 1] = dll.encode() + b"\0"
    return bytes(data)


def test_pe_import_table_is_read(size: ModuleType) -> None:
    assert size.pe_imports(tiny_pe("python311.dll")) == ["python311.dll"]
    assert size.pe_imports(b"not a binary") == []


def test_elf_needed_libraries_are_read(size: ModuleType) -> None:
    needed, _paths = size.elf_imports(Path(sys.executable).resolve().read_bytes())
    assert any(name.startswith("libc.so") for name in needed)


def test_hook_conditions_on_platform_and_requirements_are_followed(size: ModuleType, tmp_path: Path) -> None:
    hook = tmp_path / "hook-fakepkg.py"
    hook.write_text(
        "from PyInstaller import compat\n"
        "if compat.is_win:\n    hiddenimports = ['winonly']\nelse:\n    hiddenimports = ['elsewhere']\n"
        "if check_requirement('fakepkg >= 2'):\n    datas = copy_metadata('fakepkg')\n"
        "datas = collect_data_files('fakepkg', excludes=['**/examples/*'])\n"
    )
    on_windows = size.read_hook(hook, {"is_win": True}, {"fakepkg": "1.0"})
    assert on_windows.hiddenimports == ["winonly"]
    assert on_windows.metadata_of == []
    assert on_windows.data_of == [("fakepkg", "", ["**/examples/*"])]
    assert size.read_hook(hook, {"is_win": False}, {"fakepkg": "2.1"}).hiddenimports == ["elsewhere"]
    assert size.read_hook(hook, {"is_win": False}, {"fakepkg": "2.1"}).metadata_of == ["fakepkg"]


def test_the_spec_decides_what_a_windows_bundle_keeps(size: ModuleType, tmp_path: Path) -> None:
    jieba = {
        "jieba/__init__.py": b"from . import _compat\n",
        "jieba/_compat.py": b"import os\n",
        "jieba/unused.py": b"x = 1\n",
        "jieba/dict.txt": "词 3 n\n".encode() * 500,
        "jieba/analyse/__init__.py": b"",
        "jieba/analyse/idf.txt": b"idf 1.0\n" * 100,
        "jieba/_native.cp311-win_amd64.pyd": tiny_pe("python311.dll"),
    }
    site = tmp_path / "site"
    size.unpack([make_wheel(tmp_path, "jieba", jieba)], site)
    bundle = size.Bundle()
    collector = size.Collector(bundle, size.WINDOWS, {True: b"console" * 100, False: b"window" * 100})
    size.run_spec(size.Estimator(site, size.WINDOWS, bundle), collector)

    kept = set(bundle.entries)
    assert "jieba/dict.txt" in kept  # collected by jieba's PyInstaller hook, kept by the spec
    assert "jieba/analyse/idf.txt" not in kept  # dropped by the spec's DROP_DATA
    assert not any(dest.endswith(".py") for dest in kept)  # modules go into the archive
    assert "python311.dll" in kept and bundle.size(bundle.entries["python311.dll"][0]) > 1_000_000
    assert {"policy-viewer.exe", "policy-viewer-gui.exe"} <= kept  # the spec's windowless twin
    assert "resources/jieba_userdict.txt" in kept and any(d.startswith("db/migrations/") for d in kept)
    dict_source = bundle.entries["jieba/dict.txt"][0]
    assert bundle.size(dict_source) == len(jieba["jieba/dict.txt"])
    assert bundle.total() == sum(bundle.size(source) for source, _kind in bundle.entries.values())
    assert 0 < size.zipped_size(bundle, collector.zipped) < bundle.total()
