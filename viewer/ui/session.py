"""What the window remembers between runs, kept in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class Session:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def language(self) -> str:
        return str(self.settings.value("ui/language", "zh"))

    def set_language(self, language: str) -> None:
        self.settings.setValue("ui/language", language)
        self.settings.sync()

    def window_state(self) -> tuple[QByteArray, QByteArray] | None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray) and isinstance(state, QByteArray):
            return geometry, state
        return None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    def document_id(self) -> int | None:
        value = self.settings.value("view/document")
        try:
            return int(str(value)) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def font_size(self, default: float) -> float:
        try:
            return float(self.settings.value("view/font_size", default))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default

    def entity_types(self) -> set[str] | None:
        value = self.settings.value("view/entity_types")
        if value is None:
            return None
        if isinstance(value, str):
            return {v for v in value.split(",") if v}
        return {str(v) for v in value} if isinstance(value, list) else None

    def all_entities(self) -> bool:
        return str(self.settings.value("view/all_entities", "false")).lower() == "true"

    def save_view(self, doc_id: int | None, font_size: float, entity_types: set[str],
                  all_entities: bool) -> None:
        self.settings.setValue("view/document", doc_id if doc_id is not None else "")
        self.settings.setValue("view/font_size", font_size)
        self.settings.setValue("view/entity_types", ",".join(sorted(entity_types)))
        self.settings.setValue("view/all_entities", "true" if all_entities else "false")
        self.settings.sync()
