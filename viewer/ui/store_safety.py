"""The store checked once per session, off the UI thread, once the window's start-up work is done
(MainWindow starts it): a damaged store is then read-only, with a dialog that says what to do;
findings left incomplete by an interrupted import are recomputed, with a message in the status
bar while they run. The check reads on its own connection (a WAL reader): the window's reads do
not wait for it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

from viewer.services.checks_state import complete_pending_checks
from viewer.services.library import Library
from viewer.services.store_guard import StoreCheck, check_store, read_only
from viewer.ui.i18n import tr
from viewer.ui.ops import FINDINGS, Op, Ops

CHECK_OP, COMPLETE_OP = "store_check", "pending_checks"
SAFETY_OPS = (CHECK_OP, COMPLETE_OP)


class StoreSafety(QObject):
    ended_checks = Signal()  # the check (and the completion of pending findings) is over
    def __init__(self, parent: QWidget, library: Library, ops: Ops, status: QStatusBar) -> None:
        """`library`: the window's (made read-only when the store is damaged)."""
        super().__init__(parent)
        self.parent_widget = parent
        self.library = library
        self.ops = ops
        self.status = status
        self.check: StoreCheck | None = None
        self.damaged_box: QMessageBox | None = None
        self.badge: QLabel | None = None  # "read-only" in the status bar of a damaged store
        self.completing = False  # pending findings being recomputed
        self.started = False
        self.error = ""  # why the check could not run

    def start(self) -> None:
        self.started = True
        self.ops.read(CHECK_OP, lambda op: check_store(op.library.conn), self._checked, self._check_failed)

    def ended(self) -> bool:
        """Whether the check has run (or failed to) and no pending findings are being completed."""
        return (self.check is not None or bool(self.error)) and not self.completing

    def _check_failed(self, error: str) -> None:
        self.error = error
        self._failed(error)
        self.ended_checks.emit()

    def _failed(self, error: str) -> None:
        self.status.showMessage(error, 8000)

    def _checked(self, result: StoreCheck) -> None:
        self.check = result
        if not result.ok:
            self.show_damaged(result)
        elif result.checks_pending and not self.library.read_only:
            self.complete_checks()
        if not self.completing:
            self.ended_checks.emit()

    def show_damaged(self, check: StoreCheck) -> QMessageBox:
        read_only(self.library.conn)
        text = "\n\n".join([
            tr("文档库已损坏：%1").replace("%1", check.path),
            tr("为免损失，本次以只读方式打开：可以阅读、搜索和导出，不能导入或修改。"),
            tr("请关闭本程序，先运行 policy-viewer backup 留一份副本，再运行 policy-viewer repair 修复。"
               "批注、更正、元数据修改和实体合并会从文档库旁的日志恢复；无法读出的报告会列出，重新导入即可。"),
            tr("检查结果：%1").replace("%1", "; ".join(check.problems[:3])),
        ])
        box = QMessageBox(QMessageBox.Icon.Warning, tr("文档库已损坏"), text, QMessageBox.StandardButton.Ok,
                          self.parent_widget)
        box.setObjectName("store_damaged")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.open()
        self.damaged_box = box
        self.badge = QLabel(tr("文档库已损坏，只读"))
        self.badge.setObjectName("store_read_only")
        self.status.addPermanentWidget(self.badge)
        return box

    def complete_checks(self) -> None:
        def work(op: Op) -> bool:
            return complete_pending_checks(op.library.db, op.library.store_path)

        def failed(error: str) -> None:
            self.completing = False
            self._failed(error)
            self.ended_checks.emit()

        self.completing = True
        self.status.showMessage(tr("上次导入在核查时中断，正在补完数字核查…"))
        op = self.ops.write(COMPLETE_OP, work, lambda done: self._completed(op, bool(done)), failed,
                            changes={FINDINGS})

    def _completed(self, op: Op | None, done: bool = True) -> None:
        """The findings are read again (the op says it changed them). Not done: an import or
        re-analysis held the store and completes them itself."""
        self.completing = False
        self.ended_checks.emit()
        if not done:
            if self.status.currentMessage() == tr("上次导入在核查时中断，正在补完数字核查…"):
                self.status.clearMessage()
            return
        seconds = op.seconds if op is not None else 0.0
        self.status.showMessage(tr("数字核查已补完（%1 秒）").replace("%1", f"{seconds:.1f}"), 8000)
