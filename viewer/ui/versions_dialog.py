"""After an import: the reports just imported that look like new versions of stored ones (same
title, most paragraphs shared), each to be replaced or kept beside its old version."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.model.library_changes import VersionMatch, VersionReplacement
from viewer.ui.document_removal import write_or_tell
from viewer.ui.i18n import tr
from viewer.ui.tooltips import plain_message

if TYPE_CHECKING:
    from viewer.services.ingest import IngestReport
    from viewer.ui.main_window import MainWindow

NEW, OLD, SHARED, WORK = range(4)


class VersionsDialog(QDialog):
    """The pairs found, each checked for replacement."""

    def __init__(self, matches: list[VersionMatch], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matches = list(matches)
        self.setWindowTitle(tr("发现新版本"))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("刚导入的下列文件与文档库中已有的报告标题相同、大部分段落相同，像是它们的新版本。"
                          "替换后，旧版本从文档库移除，它的批注和更正按引文移到新版本上（新文本中找不到引文的标为“已失效”，"
                          "不会删除）。保留两份时，相同段落都会被列为重复。"))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.matches), 4)
        self.table.setHorizontalHeaderLabels([tr("新版本（刚导入）"), tr("旧版本（将被替换）"), tr("相同段落 / 旧版本段落"),
                                              tr("旧版本的批注 / 更正")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        for row, match in enumerate(self.matches):
            new = QTableWidgetItem(Path(match.new.path).name)
            new.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            new.setCheckState(Qt.CheckState.Checked)
            new.setToolTip(f"{match.new.title}\n{match.new.path}")
            old = QTableWidgetItem(Path(match.old.path).name)
            old.setToolTip(f"{match.old.title}\n{match.old.path}")
            shared = QTableWidgetItem(f"{match.shared} / {match.old_paragraphs}")
            work = QTableWidgetItem(f"{match.notes} / {match.corrections}")
            for column, item in enumerate((new, old, shared, work)):
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        shown = min(len(self.matches), 10)  # rows on screen before the table scrolls
        self.table.setMaximumHeight(header.sizeHint().height() + shown * self.table.verticalHeader().defaultSectionSize()
                                    + 2 * self.table.frameWidth() + 2)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        self.replace_button = buttons.addButton(tr("替换所选旧版本"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(tr("保留两份"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, self.sizeHint().height())

    def chosen(self) -> list[VersionMatch]:
        return [m for row, m in enumerate(self.matches)
                if (item := self.table.item(row, NEW)) is not None and item.checkState() == Qt.CheckState.Checked]


def ask_versions(parent: QWidget, matches: list[VersionMatch]) -> list[VersionMatch]:
    dialog = VersionsDialog(matches, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else []


def replacement_summary(done: list[VersionReplacement]) -> str:
    lines = [tr("已用新版本替换 %1 份旧报告。").replace("%1", str(len(done)))]
    for item in done:
        lines.append(tr("• %1：批注 %2 条移到新版本，%3 条已失效；更正 %4 条移到新版本，%5 条已失效")
                     .replace("%1", Path(item.new.path).name).replace("%2", str(item.notes_moved))
                     .replace("%3", str(item.notes_orphaned)).replace("%4", str(item.corrections_moved))
                     .replace("%5", str(item.corrections_orphaned)))
    return "\n".join(lines)


KEPT_KEY = "versions/kept"  # "old path\tnew path" of the pairs a reviewer chose to keep side by side


class VersionOffer(QObject):
    """After each import of the window, the new versions found among the files imported (new, or
    unchanged: importing a revision again offers it once more), offered for replacement. A pair
    the reviewer kept is not offered again."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ask: Callable[[QWidget, list[VersionMatch]], list[VersionMatch]] = ask_versions
        self.tell: Callable[[str], object] = self._tell

    def _kept(self) -> set[str]:
        value = self.window.session.settings.value(KEPT_KEY, [])
        return {value} if isinstance(value, str) else {str(v) for v in value} if isinstance(value, list) else set()

    def _tell(self, text: str) -> None:
        QMessageBox.information(self.window, tr("发现新版本"), plain_message(text))

    def offer(self, report: IngestReport) -> list[VersionReplacement]:
        named = [o.doc_id for o in report.outcomes if o.status in ("imported", "unchanged") and o.doc_id is not None]
        if not named:
            return []
        kept = self._kept()
        matches = [m for m in self.window.library.find_versions(named) if _pair(m) not in kept]
        if not matches:
            return []
        chosen = self.ask(self.window, matches)
        declined = [_pair(m) for m in matches if m not in chosen]
        if declined:
            self.window.session.settings.setValue(KEPT_KEY, sorted(kept | set(declined)))
        if not chosen:
            return []
        library = self.window.library
        done = write_or_tell(self.window, lambda: library.replace_versions(chosen))
        if done is None:
            return []
        self.window.documents_changed({d.old.doc_id for d in done})
        self.tell(replacement_summary(done))
        return done


def _pair(match: VersionMatch) -> str:
    return f"{match.old.path}\t{match.new.path}"
