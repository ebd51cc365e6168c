"""The main window: library, checks and entities on the left, the report in the centre, chart,
notes and search on the right; every pane a dock the user can move, resize and hide."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMessageBox, QTabBar, QWidget

from viewer.model import Document, Entity, Figure, Point, SearchHit
from viewer.services.demo import is_demo_store
from viewer.services.library import Library
from viewer.ui.correction_editor import CorrectionEditor
from viewer.ui.corrections_controller import CorrectionsController
from viewer.ui.document_pane import DocumentPane
from viewer.ui.document_removal import DocumentRemoval
from viewer.ui.entity_mentions import MentionSteps
from viewer.ui.entity_pane import EntityPane
from viewer.ui.i18n import colon, current_language, tr
from viewer.ui.import_worker import ImportController, IngestFunction, import_summary
from viewer.ui.lesson_controller import LessonController
from viewer.ui.library_pane import LibraryPane, filter_values_of
from viewer.ui.menus import build_menus
from viewer.ui.ops import DOCUMENTS, ENTITIES, EVERYTHING, FIGURES, FINDINGS, LONG_WRITES, Ops
from viewer.ui.provisional_controller import ProvisionalController
from viewer.ui.reanalysis_worker import (
    ReanalysisController,
    ReanalyzeFunction,
    ask_reanalysis,
    reanalysis_summary,
)
from viewer.ui.review_controller import ReviewController
from viewer.ui.search_controller import SearchController
from viewer.ui.search_pane import SearchPane
from viewer.ui.session import Session
from viewer.ui.store_safety import SAFETY_OPS, StoreSafety
from viewer.ui.targets_controller import TargetsController
from viewer.ui.targets_pane import dock_title
from viewer.ui.versions_dialog import VersionOffer

if TYPE_CHECKING:
    from viewer.services.ingest import IngestReport
    from viewer.services.reanalysis import ReanalysisReport
    from viewer.ui.chart_pane import ChartPane

IMPORT_PATTERNS = "(*.txt *.md *.html *.htm *.docx *.pdf)"
FIRST_PAINT_MS = 500  # start-up work waits this long at most for the window's first paint
CHECK_AT_LATEST_MS = 5000  # the store check waits this long at most for the start-up work to end


class MainWindow(QMainWindow):
    def __init__(self, store_path: str | Path, settings: QSettings | None = None,
                 ingest: IngestFunction | None = None) -> None:
        super().__init__()
        self.store_path = store_path
        self.library = Library(store_path)
        self.is_demo = is_demo_store(store_path)  # the bundled samples' own store (帮助 → 示例)
        self.demo_window: MainWindow | None = None
        self.session = Session(settings or QSettings())
        self.language = current_language()
        self.ingest = ingest
        self.current: Document | None = None
        self.timings: dict[str, float] = {}
        self.startup_seconds = 0.0
        self.importer: ImportController | None = None
        self.reanalyser: ReanalysisController | None = None
        self.reanalyze: ReanalyzeFunction | None = None  # the re-analysis to run (None: the service's)
        self._entities_again = False  # the entities changed while they were being read
        self.ops = Ops(self, store_path)  # the work off the UI thread
        self.ops.changed.connect(self._store_changed)  # first: the library sees the writes
        self.setWindowTitle(self.title_suffix())
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        self.document_pane = DocumentPane()
        self.document_pane.view.language = self.language
        self.setCentralWidget(self.document_pane)
        self.library_pane = LibraryPane()
        self.removal = DocumentRemoval(self)
        self.version_offer = VersionOffer(self)
        self.entity_pane = EntityPane()
        self._chart: ChartPane | None = None  # pyqtgraph loads after the window is shown
        self._deferred: list[QTimer] = []
        self._entities_later = self._timer(self.refresh_entities)
        self._chart_later = self._timer(self._chart_at_start)
        self._deferred_started = False
        self._first_paint_fallback = self._timer(self._start_deferred, delay_ms=FIRST_PAINT_MS)
        self._check_at_latest = self._timer(self._check_store, delay_ms=CHECK_AT_LATEST_MS)
        self.search_pane = SearchPane()
        self.review = ReviewController(self, self.library, self.ops, self.document_pane.view, self.library_pane.model,
                                       self.language, lambda: self.current.id if self.current else None,
                                       self.open_document)
        self.review.told.connect(self.statusBar().showMessage)
        self.searcher = SearchController(self, self.library, self.ops, self.search_pane, self.timings)
        self.mention_steps = MentionSteps(self)
        self.correction_editor = CorrectionEditor(self)
        self.lessons = LessonController(self)
        self.lessons.told.connect(self.statusBar().showMessage)
        self._findings_later = self._timer(lambda: self.review.refresh_findings(open_report=False))
        self.corrections = CorrectionsController(self)
        self.provisional = ProvisionalController(self)
        self.provisional.told.connect(self.statusBar().showMessage)
        self.safety = StoreSafety(self, self.library, self.ops, self.statusBar())  # checked once ready
        self.ops.finished.connect(self._check_store_when_ready)
        self.targets = TargetsController(self, self.ops, self.document_pane.view, self.open_document, self.show_figure)
        self.targets.told.connect(self.statusBar().showMessage)
        self.review.findingsCounted.connect(self.targets.refresh)
        self.docks: dict[str, QDockWidget] = {}
        self._tab_groups: list[tuple[str, str]] = []
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self._add_dock("library", tr("文档库"), self.library_pane, left)
        self._add_dock("entities", tr("实体"), self.entity_pane, left)
        self._add_dock("provisional", tr("临时指标"), self.provisional.pane, left, tab_with="entities")
        self._add_dock("checks", tr("核查"), self.review.checks_pane, left, tab_with="entities")
        self._add_dock("chart", tr("指标图表"), QWidget(), right)
        self._add_dock("search", tr("全文搜索"), self.search_pane, right)
        self._add_dock("corrections", tr("更正记录"), self.corrections.pane, right, tab_with="search")
        self._add_dock("targets", dock_title(), self.targets.pane, right, tab_with="search")
        self._add_dock("notes", tr("批注"), self.review.notes_pane, right, tab_with="search")
        self._stale_tab_bars = False
        if self.session.window_state() is None:  # else restore_session lays the docks out as saved
            self._default_dock_layout()
        self.corrections.attach(self.docks["corrections"])
        self.provisional.attach(self.docks["provisional"])
        self.targets.attach(self.docks["targets"])
        self.actions_by_name = build_menus(self)
        self._connect()
        self.refresh_library()
        self.statusBar().showMessage(tr("文档库：%1").replace("%1", str(store_path)))
        if self.library.read_only:
            from viewer.ui.read_only_mode import apply_read_only

            apply_read_only(self)

    def _add_dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea,
                  tab_with: str | None = None) -> None:
        """A dock in `area`; `tab_with`: it joins that dock's tabs when the default layout is made."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[name] = dock
        if tab_with is not None:
            self._tab_groups.append((tab_with, name))

    def _default_dock_layout(self) -> None:
        """Tab groups and sizes when no saved layout is restored. Docks tabified before the window
        is first shown leave (Qt 6.11) the tab bar of an earlier grouping behind, visible over the
        docks: it is hidden once shown (`_hide_stale_tab_bars`). Made after the show instead, the
        docks meant to be behind a tab would first be seen and read their data."""
        for first, other in self._tab_groups:
            self.tabifyDockWidget(self.docks[first], self.docks[other])
        self._stale_tab_bars = True
        self.resizeDocks([self.docks["library"], self.docks["chart"]], [360, 520], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["chart"], self.docks["search"]], [560, 300], Qt.Orientation.Vertical)

    def _hide_stale_tab_bars(self) -> None:
        groups = {frozenset([d.windowTitle(), *(t.windowTitle() for t in self.tabifiedDockWidgets(d))])
                  for d in self.docks.values() if self.tabifiedDockWidgets(d)}
        for bar in self.findChildren(QTabBar):
            if bar.parent() is self and frozenset(bar.tabText(i) for i in range(bar.count())) not in groups:
                bar.hide()

    def _connect(self) -> None:
        self.library_pane.documentActivated.connect(lambda doc_id: self.open_document(doc_id))
        view = self.document_pane.view
        view.figureActivated.connect(self.show_figure)
        view.correctionRequested.connect(self.correction_editor.ask_correct_figure)
        view.fontSizeChanged.connect(lambda size: self.statusBar().showMessage(
            tr("字号：%1 磅").replace("%1", f"{size:g}"), 2000))
        self.entity_pane.entityActivated.connect(self.show_entity)
        self.entity_pane.documentChosen.connect(self.open_entity_document)
        self.entity_pane.stepRequested.connect(self.step_mention)
        self.entity_pane.scopeChanged.connect(lambda _all: self.refresh_entities())
        self.search_pane.queryRequested.connect(self.search)
        self.search_pane.hitActivated.connect(self.show_hit)

    @property
    def chart(self) -> ChartPane:
        if self._chart is None:
            from viewer.ui.chart_pane import ChartPane

            self._chart = ChartPane(self.library)
            self._chart.pointClicked.connect(self.show_point)
            self._chart.correctionRequested.connect(self.correction_editor.ask_correct_point)
            self._chart.flag_source = self.review.flags_for
            self.docks["chart"].setWidget(self._chart)
        return self._chart

    def chart_if_loaded(self) -> ChartPane | None:
        return self._chart

    def _chart_at_start(self) -> None:
        """The chart, showing the first indicator unless a figure's series is drawn already."""
        self.chart.show_first_indicator()
        self._check_store_when_ready()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale_tab_bars:
            self._stale_tab_bars = False
            QTimer.singleShot(0, self._hide_stale_tab_bars)  # once show() has returned
        if not self._deferred_started:
            # The panes not needed to show the window load once it is painted (or after
            # FIRST_PAINT_MS, should it not be painted): a zero timer would run before the paint.
            self.document_pane.view.viewport().installEventFilter(self)
            self._first_paint_fallback.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.document_pane.view.viewport():
            watched.removeEventFilter(self)
            self._first_paint_fallback.start(0)
        return super().eventFilter(watched, event)

    def _start_deferred(self) -> None:
        if not self._deferred_started:
            self._deferred_started = True
            self.document_pane.view.viewport().removeEventFilter(self)
            self._findings_later.start()  # first: the counts are read in a thread while the chart is built
            self._chart_later.start()
            self._check_at_latest.start()

    def starting_up(self) -> bool:
        """Whether work deferred at start-up (chart, finding counts) is still to run or running:
        any read, not an import or re-analysis (their own dialog shows), nor the store check,
        which starts once the rest is done (`store_checked`)."""
        waiting = (t for t in self._deferred if t is not self._check_at_latest)
        return (not self._deferred_started or any(t.isActive() for t in waiting)
                or any(name not in LONG_WRITES and name not in SAFETY_OPS for name in self.ops.running))

    def store_checked(self) -> bool:
        """Whether the session's store check (and the findings it found pending) has ended."""
        return self.safety.ended()

    def _check_store_when_ready(self, _op_name: str = "") -> None:
        """The store check starts once the start-up work is done: it reads every page (1.8–2.1 s
        at 10,000 reports) and would otherwise take the second core from that work."""
        if self._deferred_started and not self.safety.started and not self.starting_up():
            self._check_store()

    def _check_store(self) -> None:
        self._check_at_latest.stop()
        if not self.safety.started:
            self.safety.start()

    def _timer(self, slot: Callable[[], object], delay_ms: int = 0) -> QTimer:
        """A deferred call that closing the window cancels (the store closes with it)."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay_ms)
        timer.timeout.connect(slot)
        self._deferred.append(timer)
        return timer

    # -- library and documents -----------------------------------------------------------
    def _store_changed(self, areas: frozenset[str]) -> None:
        """A write ended (see Ops.changed): the library and entity panes read the store again;
        the other panes follow the same signal."""
        if areas & {DOCUMENTS, FIGURES}:
            self.refresh_library()
        else:
            self.library.reload()
            if ENTITIES in areas:
                self.refresh_entities()
        if FINDINGS in areas and self._chart is not None:
            self._chart.reload_flags()

    def refresh_library(self) -> None:
        self.library.reload()
        documents = self.library.document_rows()
        self.library_pane.set_documents(documents, filter_values_of(documents))
        if self._chart is not None:
            self._chart.reload_indicators()
            self._chart.show_first_indicator()  # a store that was empty has indicators now
        self.refresh_entities()

    def refresh_entities(self) -> None:
        if self.entity_pane.all_scope():
            self._all_entities()
        elif self.current is not None and self.current.id is not None:
            self.entity_pane.set_entities(self.library.entities(self.current.id))
        else:
            self.entity_pane.set_entities([])

    def _all_entities(self) -> None:
        """Every entity of the store, read off the UI thread (a GROUP BY over every mention)."""
        def done(result: list[Entity] | None, error: str = "") -> None:
            if self._entities_again:
                self._entities_again = False
                self.refresh_entities()
            elif self.entity_pane.all_scope() and result is not None:
                self.entity_pane.set_entities(result)
            elif error:
                self.statusBar().showMessage(error, 8000)

        self._entities_again = self.ops.read("entities", lambda op: op.library.entities(), done,
                                             lambda error: done(None, error)) is None

    def open_document(self, doc_id: int, select: tuple[int, int] | None = None, reload: bool = False) -> bool:
        started = time.perf_counter()
        if self.current is None or self.current.id != doc_id or reload:
            try:
                document = self.library.document(doc_id)
            except KeyError:
                return False
            self.current = document
            notes = self.review.notes_for_document(doc_id)
            self.document_pane.show_document(document, self.library.paragraphs(doc_id),
                                             self.library.figures(doc_id), self.library.mentions(doc_id),
                                             self.review.document_findings(doc_id), notes,
                                             self.library.corrections.of_document(doc_id))
            self.review.refresh_notes(notes)
            self.corrections.document_opened()
            self.library_pane.select_document(doc_id)
            self.review.checks_pane.show_document(doc_id)
            if not self.entity_pane.all_scope():
                self._entities_later.start()  # after the text is on screen
            self.setWindowTitle(f"{document.title} — {self.title_suffix()}")
        if select is not None:
            self.document_pane.view.select_span(*select)
        self.timings["open_document"] = time.perf_counter() - started
        return True

    def step_figure(self, forward: bool) -> None:
        self.document_pane.view.setFocus()
        self.document_pane.view.step_figure(forward)

    # -- the figure <-> chart link ------------------------------------------------------------
    def show_figure(self, figure: Figure) -> None:
        started = time.perf_counter()
        self.docks["chart"].show()
        if self.chart.show_figure(figure):
            self.timings["figure_to_chart"] = time.perf_counter() - started
        self.statusBar().showMessage(f"{figure.text}{colon()}{figure.indicator or tr('未关联指标')}", 5000)

    def show_point(self, point: Point) -> None:
        if self.open_document(point.doc_id):
            view = self.document_pane.view
            if view.select_figure(point.figure_id) is None:
                view.select_span(point.start, point.end)

    # -- entities -------------------------------------------------------------------------------
    def show_entity(self, entity: Entity) -> None:
        """Its documents listed, its first mention (in the open document if it has one) on screen."""
        self.mention_steps.show_entity(entity)

    def open_entity_document(self, doc_id: int, entity_id: int) -> None:
        self.mention_steps.open_document(doc_id, entity_id)

    def step_mention(self, forward: bool) -> None:
        self.mention_steps.step(forward)

    # -- search ---------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.docks["search"].show()
        self.docks["search"].raise_()
        self.search_pane.focus_query()

    def search(self, query: str) -> None:
        """The first page of hits at once (timings["search"]), the totals off the UI thread."""
        self.searcher.search(query)
        self._mark_hits()

    def _mark_hits(self) -> None:
        if self.current is not None and self.current.id is not None:
            self.document_pane.set_hit_spans(self.searcher.spans_in(self.current.id))

    def show_hit(self, hit: SearchHit) -> None:
        first = hit.spans[0] if hit.spans else (hit.sentence_start, hit.sentence_end)
        self.open_document(hit.doc_id, first)
        self._mark_hits()

    # -- import ---------------------------------------------------------------------------------
    def ask_import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, tr("导入报告"), "", f"{tr('报告文件')} {IMPORT_PATTERNS};;{tr('所有文件')} (*)")
        if names:
            self.start_import(names)

    def ask_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("导入文件夹"))
        if folder:
            self.start_import([folder])

    def start_import(self, paths: list[str] | list[Path], show_summary: bool = True) -> ImportController | None:
        if self.importer is not None:
            return None
        kwargs = {} if self.ingest is None else {"ingest": self.ingest}
        importer = ImportController(self, self.store_path, paths, show_summary=show_summary, ops=self.ops, **kwargs)
        importer.done.connect(self._import_done)
        if importer.start() is None:
            return None
        self.importer = importer
        return importer

    def _import_done(self, report: IngestReport | None) -> None:
        """The panes have read the store again (Ops.changed): the open report is shown again if
        the import changed it."""
        self.importer = None
        if self.current is not None and self.current.id is not None:
            try:
                changed = self.library.document(self.current.id).sha256 != self.current.sha256
            except KeyError:
                changed = False
            # an unchanged file analysed again has new figures
            changed = changed or (report is not None and any(
                o.doc_id == self.current.id and o.status == "reanalysed" for o in report.outcomes))
            if changed:
                self.open_document(self.current.id, reload=True)
        if report is not None:
            self.statusBar().showMessage(import_summary(report).splitlines()[0], 8000)
            if self.current is None:
                self.open_first_document()
            self.version_offer.offer(report)

    def import_samples_if_empty(self) -> ImportController | None:
        """The samples into an empty store: for the demo store and the self-test (a reviewer's
        store never gets them: 帮助 → 示例 opens the demo)."""
        if not self.library.is_empty():
            return None
        from viewer.services.demo import sample_paths

        return self.start_import(sample_paths(), show_summary=False)

    # -- removing documents, the demo ----------------------------------------------------------
    def title_suffix(self) -> str:
        from viewer.ui.demo_window import demo_title

        return f"{demo_title()} — {tr('政策报告查看器')}" if self.is_demo else tr("政策报告查看器")

    def ask_remove_documents(self) -> None:
        self.removal.ask_remove()

    def open_demo(self) -> MainWindow:
        from viewer.ui.demo_window import open_demo

        return open_demo(self)

    def start_up_work(self) -> None:
        """After the window is shown: the demo store built, or a reviewer's store offered the
        removal of the samples an earlier version put in it."""
        from viewer.ui.demo_window import build_demo, offer_sample_removal

        if self.library.read_only:
            return
        if self.is_demo:
            build_demo(self)
        else:
            offer_sample_removal(self)

    def documents_changed(self, removed: set[int]) -> None:
        """Documents were removed (or replaced by new versions): every pane reads the store again."""
        if self.current is not None and self.current.id in removed:
            self.current = None
            self.document_pane.show_placeholder()
            self.setWindowTitle(self.title_suffix())
        self.ops.announce(EVERYTHING)
        if self._chart is not None:
            self._chart.reload()
        if self.current is not None and self.current.id is not None:
            self.open_document(self.current.id, reload=True)  # notes moved here from an old version
        if self.searcher.query:
            self.search(self.searcher.query)
        if self.current is None:
            self.open_first_document()

    # -- re-analysis ----------------------------------------------------------------------------
    def ask_reanalyse(self) -> None:
        if self.importer is None and self.reanalyser is None and \
                ask_reanalysis(self, len(self.library.documents())):
            self.start_reanalysis()

    def start_reanalysis(self, doc_ids: list[int] | None = None, show_summary: bool = True,
                         reanalyze: ReanalyzeFunction | None = None) -> ReanalysisController | None:
        """Analyse stored reports again (all, or `doc_ids`) off the UI thread; None while an
        import or another re-analysis runs. `reanalyze`: work that ends in a re-analysis (a
        provisional indicator mapped, then its documents analysed again)."""
        if self.importer is not None or self.reanalyser is not None:
            return None
        chosen = reanalyze or self.reanalyze
        kwargs = {} if chosen is None else {"reanalyze": chosen}
        reanalyser = ReanalysisController(self, self.store_path, doc_ids, show_summary=show_summary, ops=self.ops,
                                          **kwargs)
        reanalyser.done.connect(self._reanalysis_done)
        if reanalyser.start() is None:
            return None
        self.reanalyser = reanalyser
        return reanalyser

    def _reanalysis_done(self, report: ReanalysisReport | None) -> None:
        """The panes have read the store again (Ops.changed): the open report is shown again if
        its figures or metadata changed."""
        self.reanalyser = None
        if report is not None and self.current is not None and self.current.id in {
                d.doc_id for d in report.documents if d.figures_rewritten or d.metadata_changed}:
            self.open_document(self.current.id, reload=True)
        if report is not None:
            self.statusBar().showMessage(reanalysis_summary(report).splitlines()[0], 8000)

    def open_first_document(self) -> None:
        documents = self.library_pane.model.documents()
        if documents and documents[0].id is not None:
            self.open_document(documents[0].id)
        elif not documents:
            self.document_pane.details.setText(
                tr("文档库为空。通过 文件 → 导入报告… 或把文件拖入窗口来添加报告；帮助 → 示例 打开自带的虚构示例。"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    # -- settings -------------------------------------------------------------------------------
    def set_language(self, language: str) -> MainWindow | None:
        """Switch the interface language now: the window is built again in it (see language_switch)."""
        from viewer.ui.language_switch import switch_language

        return switch_language(self, language)

    def show_about(self) -> None:
        from viewer.ui.about import show_about  # importlib.metadata: 20 ms not spent at start-up

        show_about(self)

    def tell_lexicon_problem(self, problem: str) -> QMessageBox:
        """The user's lexicon could not be read: say so in the window (not only on the console),
        without blocking start-up; the analysis uses the bundled data until the file is fixed."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("用户词表"),
                          tr("用户词表有误，本次使用内置的指标和地名：") + "\n\n" + problem + "\n\n"
                          + tr("改正该文件（或用 policy-viewer lexicon 命令）后重新启动。"),
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.open()
        self.statusBar().showMessage(tr("用户词表有误，未使用。"))
        return box

    def restore_session(self) -> None:
        state = self.session.window_state()
        if state is not None:
            geometry, dock_state = state
            self.restoreGeometry(geometry)
            if not self.restoreState(dock_state):  # onto docks not tabified yet: no stale bars
                self._default_dock_layout()
        else:
            self.resize(1500, 920)
        self.document_pane.view.set_point_size(self.session.font_size(self.document_pane.view.point_size()))
        types = self.session.entity_types()
        if types is not None:
            self.document_pane.legend.set_entity_types(types)
        self.entity_pane.all_documents.setChecked(self.session.all_entities())
        doc_id = self.session.document_id()
        if doc_id is None or not self.open_document(doc_id):
            self.open_first_document()

    def save_session(self) -> None:
        self.session.save_window(QByteArray(self.saveGeometry()), QByteArray(self.saveState()))
        self.session.save_view(self.current.id if self.current else None,
                               self.document_pane.view.point_size(),
                               self.document_pane.legend.entity_types(), self.entity_pane.all_scope())

    def closeEvent(self, event: QCloseEvent) -> None:
        for timer in self._deferred:
            timer.stop()
        if self._chart is not None:
            self._chart.cancel_pending()
        self.ops.shut_down()  # an import or re-analysis cancelled, a read interrupted
        self.importer = self.reanalyser = None
        self.save_session()
        self.library.close()
        super().closeEvent(event)
