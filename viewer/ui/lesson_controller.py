"""应用到所有文档 in the correction editor: what the reviewer corrected becomes an entry of their
lexicon (the phrase an alias of the indicator or place chosen, or the provisional indicator
mapped to it), after a preview — computed off the UI thread — of how many figures in how many
documents will change; then those documents are analysed again with progress and cancel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from viewer.model import Figure
from viewer.ui.i18n import colon, tr
from viewer.ui.ops import LONG_WRITES

if TYPE_CHECKING:
    from viewer.services.teaching import Lesson, LessonPlan, LessonResult
    from viewer.ui.correction_dialog import CorrectionDialog, CorrectionResult
    from viewer.ui.main_window import MainWindow
    from viewer.ui.ops import Op
    from viewer.ui.reanalysis_worker import ReanalysisController

OPTION = "apply_to_all"


@dataclass(frozen=True)
class LessonChoice:
    """The option as the reviewer left it."""

    enabled: bool
    phrase: str


class TeachOption(QWidget):
    """The checkbox and the phrase it teaches, below the editor's fields."""

    def __init__(self, figure: Figure) -> None:
        super().__init__()
        self.check = QCheckBox(tr("应用到所有文档(&A)"))
        self.check.setToolTip(tr("把下面的原文短语写入用户词表，并重新分析含有它的文档；预览会先说明将改变多少个数字。"))
        self.phrase = QLineEdit(figure.indicator if figure.provisional and figure.indicator else "")
        self.phrase.setPlaceholderText(tr("原文中的指标或地区名称，如：科创投入总额"))
        self.phrase.setEnabled(False)
        self.check.toggled.connect(self.phrase.setEnabled)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("原文短语：")))
        row.addWidget(self.phrase, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addLayout(row)

    def choice(self) -> LessonChoice:
        return LessonChoice(self.check.isChecked(), self.phrase.text().strip())


def lesson_question(plan: LessonPlan) -> str:
    from viewer.services.teaching import INDICATOR, PLACE

    lesson = plan.lesson
    if lesson.kind == INDICATOR:
        first = tr("把“%1”作为指标“%2”的别名写入用户词表？")
    elif lesson.kind == PLACE:
        first = tr("把“%1”作为地区“%2”的别名写入用户词表？")
    else:
        first = tr("把临时指标“%1”归入“%2”，写入用户词表？")
    preview = plan.preview
    second = tr("重新分析含有它的 %3 份文档：%4 个数字将改变（%5 份文档）。以后导入的报告也照此归类。")
    text = (first + "\n\n" + second).replace("%1", lesson.phrase).replace("%2", lesson.target) \
        .replace("%3", str(len(plan.doc_ids))).replace("%4", str(preview.figures_changed)) \
        .replace("%5", str(len(preview.changed_documents)))
    examples = [f"· {e.title}{colon()}{_figure_words(e.before)} → {_figure_words(e.after)}"
                for e in preview.examples[:3]]
    return text + ("\n\n" + "\n".join(examples) if examples else "")


def _figure_words(figure: Figure | None) -> str:
    if figure is None:
        return "—"
    return f"{figure.text} {figure.indicator or tr('（未关联）')} {figure.region or ''} {figure.period}".strip()


class LessonController(QObject):
    planned = Signal(object)  # LessonPlan, or None when it could not be planned
    taught = Signal(object)  # LessonResult
    told = Signal(str, int)  # a message for the status bar, how long it shows (ms; 0: until the next)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.library = window.library
        self.ops = window.ops
        self.confirm = True  # ask before writing (tests answer for the reviewer)
        self.processes: int | None = None
        window.correction_editor.option_hooks.append(self.add_option)
        window.correction_editor.correctionAccepted.connect(self.accepted)

    def add_option(self, dialog: CorrectionDialog, figure: Figure) -> None:
        option = TeachOption(figure)
        dialog.add_option(OPTION, option, option.choice)

    def accepted(self, figure: Figure, result: CorrectionResult) -> None:
        choice = result.options.get(OPTION)
        if not isinstance(choice, LessonChoice) or not choice.enabled:
            return
        from viewer.services.teaching import INDICATOR, PROVISIONAL, Lesson, suggested_lesson

        suggested = suggested_lesson(self.library.conn, figure, result.changes)
        if suggested is None:
            self._tell(tr("只有更改了指标或地区的更正才能应用到所有文档。"))
            return
        if suggested.kind == PROVISIONAL and choice.phrase and choice.phrase != suggested.phrase:
            suggested = Lesson(INDICATOR, choice.phrase, suggested.target)  # the reviewer named another phrase
        lesson = suggested if suggested.kind == PROVISIONAL else Lesson(suggested.kind, choice.phrase,
                                                                         suggested.target)
        self.plan(figure, lesson)

    def plan(self, figure: Figure, lesson: Lesson) -> None:
        from viewer.services.teaching import PROVISIONAL, phrase_in_sentence

        if len(lesson.phrase) < 2:
            self._tell(tr("请填写至少两个字的原文短语。"))
            return
        if lesson.kind != PROVISIONAL and not phrase_in_sentence(self.library.conn, figure, lesson.phrase):
            self._tell(tr("“%1”不在这个数字所在的句子里。").replace("%1", lesson.phrase))
            return
        if self.ops.busy(*LONG_WRITES):
            self._tell(tr("正在导入或重新分析，请稍后再应用到所有文档。"))
            return

        def work(op: Op) -> LessonPlan:
            from viewer.services.teaching import plan_lesson

            return plan_lesson(op.library.db, lesson)

        def failed(error: str) -> None:
            self._tell(tr("无法写入用户词表：%1").replace("%1", error))
            self.planned.emit(None)

        def done(result: LessonPlan) -> None:
            self.planned.emit(result)
            self.ask(result)

        self.told.emit(tr("正在预览应用到所有文档的效果…"), 0)
        if self.ops.write("lesson", work, done, failed, changes=()) is None:
            self._tell(tr("上一次预览尚未结束。"))

    def ask(self, plan: LessonPlan) -> ReanalysisController | None:
        if self.confirm:
            box = QMessageBox(QMessageBox.Icon.Question, tr("应用到所有文档"), lesson_question(plan),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
            box.setTextFormat(Qt.TextFormat.PlainText)  # the examples quote report text
            if box.exec() != QMessageBox.StandardButton.Yes:
                return None
        return self.start(plan)

    def start(self, plan: LessonPlan) -> ReanalysisController | None:
        processes, lesson = self.processes, plan.lesson
        results: list[LessonResult] = []  # filled in the op's thread, told on the UI thread

        def teach_and_reanalyse(store_path: Any, doc_ids: Any, **kwargs: Any) -> Any:
            from viewer.services.teaching import teach

            result: LessonResult = teach(store_path, lesson, doc_ids, processes=processes, **kwargs)
            results.append(result)
            return result.report

        doc_ids = list(plan.preview.changed_documents) or list(plan.doc_ids)
        runner = self.window.start_reanalysis(doc_ids, show_summary=self.confirm, reanalyze=teach_and_reanalyse)
        if runner is None:
            self._tell(tr("正在导入或重新分析，请稍后再应用到所有文档。"))
        else:
            runner.done.connect(lambda _report: self._taught(results))
        return runner

    def _taught(self, results: list[LessonResult]) -> None:
        for result in results:
            self.taught.emit(result)

    def _tell(self, message: str) -> None:
        self.told.emit(message, 8000)
