"""A store that cannot be used, told to the reviewer in the window: which file, why, and what to
do; the program then exits with the command line's exit code for that reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.services.store_problems import StoreError, StoreTooNewError, as_store_error, exit_code
from viewer.ui.i18n import tr


def _reason(error: StoreError) -> str:
    if isinstance(error, StoreTooNewError):
        return (tr("该文档库由更新版本的程序写入（结构版本 %1，本程序支持到 %2），本程序没有修改它。请更新程序后再打开。")
                .replace("%1", str(error.found)).replace("%2", str(error.known)))
    if error.reason == StoreError.NOT_A_STORE and "malformed" in (error.detail or str(error)):
        return tr("该文档库已经损坏。请先运行 policy-viewer backup 留一份副本，再运行 policy-viewer repair 修复："
                  "批注、更正、元数据修改和实体合并会从文档库旁的日志恢复。")
    reasons = {
        StoreError.TOO_NEW: tr("该文档库由更新版本的程序写入，本程序没有修改它。请更新程序后再打开。"),
        StoreError.NOT_A_STORE: tr("该文件不是本程序的文档库，或已经损坏。"),
        StoreError.CANNOT_OPEN: tr("无法打开或写入该文件。请检查文件夹是否存在、是否有读写权限，以及所在磁盘是否可用。"),
        StoreError.LOCKED: tr("该文档库正被另一个程序使用（已锁定）。请关闭那个程序后重试。"),
        StoreError.FULL: tr("磁盘已满，无法写入文档库。请释放磁盘空间后重试。"),
    }
    return reasons.get(error.reason, tr("文档库出错。"))


def store_error_text(error: StoreError) -> str:
    """The file, the reason in words, and what the system said (if it said anything)."""
    lines = [tr("无法使用文档库：%1").replace("%1", error.path or tr("（未知文件）")), "", _reason(error)]
    if error.detail:
        lines += ["", tr("系统信息：%1").replace("%1", error.detail)]
    return "\n".join(lines)


def failure_text(error: BaseException, store_path: str | Path | None) -> str:
    """What a background task that failed tells the reviewer: a store error in words, anything
    else by its type and message."""
    problem = as_store_error(error, store_path)
    return store_error_text(problem) if problem is not None else f"{type(error).__name__}: {error}"


def store_error_box(parent: QWidget | None, error: StoreError) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Critical, tr("文档库无法使用"), store_error_text(error),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("store_error")
    return box


def show_store_error(parent: QWidget | None, error: StoreError) -> int:
    """Show the error (modal) and return the exit code the command line gives for it."""
    store_error_box(parent, error).exec()
    return exit_code(error)
