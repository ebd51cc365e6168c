"""Pictures of the 规划评估 dialog and of the first page of its Word export, for the docs, on the
invented reports of docs/screenshots/invented_plans imported into a temporary store.

python -m viewer.ui.plan_screenshot OUT_FOLDER  (writes plan_evaluation.png, plan_evaluation_docx.png,
plan_evaluation_busy.png, plan_evaluation_next.png and plan_evaluation_docx_trend.png)

The Word page is drawn by Qt from the export's own content (python-docx reads it back: headings,
paragraphs, tables, pictures), a preview of the page rather than Word's rendering of it.
"""

from __future__ import annotations

import base64
import html
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QRectF, QSettings, QSizeF
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QApplication

from viewer.services.ingest import ingest_paths
from viewer.ui.app import application
from viewer.ui.main_window import MainWindow
from viewer.ui.plan_dialog import PlanEvaluationDialog

REPORTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "invented_plans"
PAGE = (1123, 794)  # A4 landscape at 96 dpi


def _settle(rounds: int = 10) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def _wait(dialog: PlanEvaluationDialog) -> None:
    """Until the dialog's reads on the window's runner are done."""
    for _ in range(3000):
        QApplication.processEvents()
        if dialog.evaluation is not None and not dialog.busy():
            return
        time.sleep(0.01)
    raise SystemExit("the plan evaluation was not read within 30 s")


def docx_page(docx: Path, out: Path, start: str = "") -> None:
    """The first page of a .docx as a PNG, drawn from its content (from the paragraph `start` on)."""
    from docx import Document

    doc = Document(str(docx))
    parts = []
    pictures = {rel.rId: rel.target_part.blob for rel in doc.part.rels.values() if "image" in rel.reltype}
    body = doc.element.body
    begun = not start
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if not begun:
            begun = tag == "p" and next(p for p in doc.paragraphs if p._p is child).text == start
            if not begun:
                continue
        if tag == "p":
            paragraph = next(p for p in doc.paragraphs if p._p is child)
            blips = child.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
            for blip in blips:
                rid = blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
                data = base64.b64encode(pictures.get(rid, b"")).decode()
                parts.append(f'<p><img width="560" src="data:image/png;base64,{data}"></p>')
            style = paragraph.style.name if paragraph.style is not None else ""
            level = {"Title": 1, "Heading 1": 2, "Heading 2": 3}.get(style)
            text = html.escape(paragraph.text)
            if text:
                parts.append(f"<h{level}>{text}</h{level}>" if level else f"<p>{text}</p>")
        elif tag == "tbl":
            table = next(t for t in doc.tables if t._tbl is child)
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c.text).replace(chr(10), '<br>')}</td>" for c in row.cells) + "</tr>"
                           for row in table.rows)
            parts.append(f'<table border="1" cellspacing="0" cellpadding="2" style="font-size:7pt">{rows}</table>')
    page = QTextDocument()
    page.setHtml("".join(parts))
    margin = 60
    page.setPageSize(QSizeF(PAGE[0] - 2 * margin, PAGE[1] - 2 * margin))
    image = QImage(PAGE[0], PAGE[1], QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(margin, margin)
    page.drawContents(painter, QRectF(0, 0, PAGE[0] - 2 * margin, PAGE[1] - 2 * margin))
    painter.end()
    image.save(str(out))


def take(out: Path) -> None:
    application()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store.sqlite"
        report = ingest_paths(store, sorted(REPORTS.glob("*.txt")), processes=0)
        if not report.ok or not report.outcomes:
            raise SystemExit(f"the invented reports in {REPORTS} did not import: {report.outcomes}")
        window = MainWindow(store, settings=QSettings(str(Path(folder) / "shot.ini"), QSettings.Format.IniFormat))
        window.resize(1500, 900)
        window.show()
        _settle(30)
        dialog = PlanEvaluationDialog(window.library, window, window.ops)  # read on the window's runner
        dialog.resize(1400, 860)
        dialog.show()
        dialog.grab().save(str(out / "plan_evaluation_busy.png"))  # the bar runs while the plans are read
        _wait(dialog)
        plan = next(p for p in dialog.plans if "十四五" in p.title and p.region == "岳阳市")
        dialog.choose_plan(plan.doc_id)
        _wait(dialog)
        dialog.table.selectRow(1)
        dialog.sources.setCurrentRow(2)
        _settle(20)
        dialog.grab().save(str(out / "plan_evaluation.png"))
        dialog.places.tick(next(p.doc_id for p in dialog.plans if p.region == "常德市"))
        dialog.next_plan.choose(next(p.doc_id for p in dialog.plans if "十五五" in p.title))
        _wait(dialog)
        dialog.tabs.setCurrentWidget(dialog.next_plan)
        _settle(20)
        dialog.grab().save(str(out / "plan_evaluation_next.png"))
        word = dialog.export("docx", Path(folder) / "评估.docx")
        assert word is not None
        docx_page(word, out / "plan_evaluation_docx.png")
        docx_page(word, out / "plan_evaluation_docx_trend.png", start="新目标与近年趋势")
        dialog.close()
        window.close()


if __name__ == "__main__":
    from viewer.ui.standalone import folder_argument

    take(folder_argument("docs/screenshots"))
