"""The About box: what this is, and the versions of everything it runs on."""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.ui.i18n import tr


def versions() -> dict[str, str]:
    def version_of(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "?"

    import pyqtgraph

    from viewer.services.search import segmenter

    return {
        "policy-viewer": version_of("policy-viewer"),
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": pyside_version,
        "pyqtgraph": pyqtgraph.__version__,
        "sqlite-utils": version_of("sqlite-utils"),
        "jieba": version_of("jieba"),
        tr("分词引擎"): f"{segmenter()} {version_of(segmenter())}",
        tr("系统"): f"{platform.system()} {platform.release()}",
    }


def about_text() -> str:
    lines = [tr("政策报告查看器"), tr("离线阅读科技政策报告：数字、指标序列与实体。"), ""]
    lines += [f"{name}: {version}" for name, version in versions().items()]
    return "\n".join(lines)


def show_about(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(tr("关于"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text())
    box.exec()
