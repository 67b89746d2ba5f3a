"""Start the GUI: application object, bundled font, Qt's Chinese translations, main window.

Also the `--selftest` smoke check, which must work offscreen and inside a PyInstaller bundle.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from studyapp import APP_NAME, APP_TITLE, __version__, paths
from studyapp.services import AppContext, SchemaTooNewError, documents
from studyapp.services import settings as settings_service

log = logging.getLogger("studyapp.ui")

BASE_POINT_SIZE = 12
_FALLBACK_FAMILY = "WenQuanYi Micro Hei"


def register_font() -> str:
    """Register the bundled CJK font so a machine without Chinese fonts still shows Chinese."""
    font_id = QFontDatabase.addApplicationFont(str(paths.font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("could not load bundled font %s", paths.font_path())
        return _FALLBACK_FAMILY
    return families[0]


def load_translations(app: QApplication) -> list[QTranslator]:
    """Load Qt's zh_CN catalogues so Qt's own buttons and dialogs speak Chinese."""
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded: list[QTranslator] = []
    for name in ("qtbase_zh_CN",):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            loaded.append(translator)
        else:
            log.warning("Qt translation %s not found in %s", name, directory)
    return loaded


def configure_application(app: QApplication) -> str:
    """Font, translations, locale and names; returns the UI font family. Safe to call twice."""
    if app.property("studyapp_configured"):
        return str(app.property("studyapp_font_family"))
    app.setApplicationName(APP_TITLE)
    app.setApplicationDisplayName(APP_TITLE)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    family = register_font()
    font = QFont(family)
    font.setFamilies([family])
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyle("Fusion")  # the same calm look on Windows, domestic Linux and offscreen
    load_translations(app)
    from studyapp.ui.style import application_style_sheet

    app.setStyleSheet(application_style_sheet())
    app.setProperty("studyapp_configured", True)
    app.setProperty("studyapp_font_family", family)
    return family


def choose_start(ctx: AppContext, seed_id: int | None) -> tuple[int | None, int | None]:
    """Where to open: the last document/section read, else the seed, else any document."""
    docs = documents.list_documents(ctx)
    ids = {d.id for d in docs}
    last_doc = int(settings_service.get_setting(ctx, "reader.last_document") or 0)
    last_section = int(settings_service.get_setting(ctx, "reader.last_section") or 0)
    if last_doc in ids:
        return last_doc, (last_section or None)
    if seed_id in ids:
        return seed_id, None
    return (docs[0].id if docs else None), None


def open_main_window(ctx: AppContext):  # noqa: ANN201 - MainWindow, imported lazily
    """Import the seed on first start, then show the main window where the reader left off."""
    from studyapp.ui.mainwindow import MainWindow

    seed_id = documents.ensure_seed(ctx)
    doc_id, section_id = choose_start(ctx, seed_id)
    window = MainWindow(ctx)
    window.open_document(doc_id, section_id)
    window.show()
    return window


def run_gui(data_dir: Path, selftest: bool = False) -> int:
    """Run the desktop app on `data_dir`; with `selftest`, open, check, report and exit."""
    if selftest and not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a smoke test needs no screen
    app = QApplication.instance() or QApplication(sys.argv[:1])
    family = configure_application(app)  # type: ignore[arg-type]
    if selftest:
        # the smoke test checks the program, not the user's data: a fresh folder every time
        with tempfile.TemporaryDirectory(prefix="studyapp-selftest-") as tmp:
            return _run(app, family, Path(tmp), selftest=True)
    return _run(app, family, Path(data_dir), selftest=False)


def _run(app: QApplication, family: str, data_dir: Path, *, selftest: bool) -> int:
    """Open the data folder and the main window; run the event loop (or the self-test)."""
    try:
        ctx = AppContext(Path(data_dir))
    except SchemaTooNewError as exc:
        if selftest:
            print(f"自检失败：{exc.message}")
        else:
            QMessageBox.critical(None, APP_TITLE, exc.message)
        return 2

    try:
        window = open_main_window(ctx)
        if selftest:
            return _selftest(app, window, family)  # type: ignore[arg-type]
        return int(app.exec())
    finally:
        ctx.close()


def _selftest(app: QApplication, window, family: str) -> int:  # noqa: ANN001 - MainWindow
    """Check what a user would see first; print a short Chinese report."""
    app.processEvents()
    problems: list[str] = []
    tree = window.outline
    parts = tree.topLevelItemCount()
    items = sum(tree.topLevelItem(i).childCount() for i in range(parts))
    if parts != 4:
        problems.append(f"目录应有 4 个部分，实际 {parts} 个")
    if items != 13:
        problems.append(f"目录应有 13 个条目，实际 {items} 个")
    text = window.pane.toPlainText()
    if len(re.findall(r"[\u4e00-\u9fff]", text)) < 50:
        problems.append("阅读区没有显示中文正文")
    resolved = QFontInfo(window.pane.document().defaultFont()).family()
    if resolved != family:
        problems.append(f"阅读区字体是「{resolved}」，不是内置字体「{family}」")
    platform = QGuiApplication.platformName()
    window.close()
    app.processEvents()
    if problems:
        print("自检未通过：")
        for p in problems:
            print(f"  - {p}")
        return 1
    print(f"自检通过：目录 {parts} 个部分、{items} 个条目，阅读区显示中文，字体 {resolved}（{platform}）。")
    return 0
