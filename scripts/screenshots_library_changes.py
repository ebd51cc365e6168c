"""The screenshots of issue #13 items 3 and 4, saved under docs/screenshots/, on invented reports:

- remove-documents.png: two reports selected in the library and the confirmation of their
  removal, which says how many notes and corrections they have and that they are kept;
- new-version.png: the dialog after an import of a revised copy under another name, listing the
  pair (new file, old file, paragraphs shared, the old one's notes and corrections).

xvfb-run -a .venv/bin/python scripts/screenshots_library_changes.py [OUT_FOLDER]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QPoint, QSettings
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from viewer.services.ingest import ingest_paths
from viewer.ui.app import application
from viewer.ui.document_removal import removal_message_box
from viewer.ui.main_window import MainWindow
from viewer.ui.versions_dialog import VersionsDialog

# Invented reports: a work summary, its revision (one paragraph rewritten, one added), and a
# second place's summary.
HEAD = "绵阳市科学技术局2024年工作总结\n发布单位：绵阳市科学技术局\n时间：2025-01-12\n\n"
KEPT = [
    "一年来，全市研发经费投入达到12.5亿元，同比增长8.2%，企业创新主体地位持续巩固。",
    "新认定高新技术企业46家，全市高新技术企业总数达到318家，培育梯队不断壮大。",
    "技术合同成交额完成9.6亿元，比上年增长15.3%，成果转化步伐明显加快。",
    "新建省级重点实验室3个，引进高层次创新团队7支，人才集聚效应持续增强。",
]
FIRST = HEAD + "\n\n".join([*KEPT, "涪江沿岸的试验田里，农业科技特派员走村入户，指导种植户用上新的滴灌设备。"]) + "\n"
REVISED = HEAD + "\n\n".join([*KEPT, "涪江沿岸的数字农业示范园建成投用，全年接待观摩团队三十余批。",
                              "下一步，全市将围绕产业链部署创新链，力争研发经费投入强度提高到2.6%以上。"]) + "\n"
OTHER = ("德阳市科学技术局2024年工作总结\n发布单位：德阳市科学技术局\n时间：2025-01-20\n\n"
         "全市新增科技型中小企业38家，技术合同成交额完成2.1亿元，同比增长11.0%。\n\n"
         "市级科技创新服务中心建成投用，全年开展科技特派员服务活动一百二十余场。\n")


def settle(rounds: int = 20) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def over_window(window: QWidget, dialog: QWidget, out: Path) -> None:
    """The window with the dialog drawn where it stands (centred on the window)."""
    dialog.show()
    settle()
    picture = window.grab()
    shot = dialog.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))  # the window behind, dimmed
    at = QPoint((picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 3)
    painter.drawPixmap(at, shot)
    painter.end()
    picture.save(str(out))
    dialog.close()
    print(out)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    application(language="zh")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        store = folder / "审阅.db"
        ingest_paths(store, [write(folder / "收文" / "绵阳2024总结.txt", FIRST),
                             write(folder / "收文" / "德阳2024总结.txt", OTHER)], processes=0)
        window = MainWindow(store, QSettings(str(folder / "shot.ini"), QSettings.Format.IniFormat))
        window.resize(1400, 860)
        window.show()
        rows = window.library.document_rows()
        first = next(d.id for d in rows if d.path.endswith("绵阳2024总结.txt"))
        assert first is not None
        text = window.library.document(first).text
        for quote, body in (("技术合同成交额", "口径与统计公报不一致，待核"), ("滴灌设备", "补充来源")):
            start = text.index(quote)
            window.library.add_note(first, start, start + len(quote), body)
        window.open_document(first)
        table = window.library_pane.table
        table.selectAll()
        table.selectionModel().select(table.model().index(0, 0), QItemSelectionModel.SelectionFlag.Select)
        settle()
        preview = window.library.removal_preview(window.removal.selected_ids())
        over_window(window, removal_message_box(window, preview), out / "remove-documents.png")

        report = ingest_paths(store, [write(folder / "修订稿" / "绵阳2024总结_修订.txt", REVISED)], processes=0)
        window.refresh_library()
        matches = window.library.find_versions([o.doc_id for o in report.outcomes if o.doc_id is not None])
        assert matches, "the revision should be found as a new version"
        dialog = VersionsDialog(matches, window)
        over_window(window, dialog, out / "new-version.png")
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "screenshots")
