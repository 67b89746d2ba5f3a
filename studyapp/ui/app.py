"""Start the GUI: application object, bundled font, Qt's Chinese translations, main window.

Also the `--selftest` smoke check, which must work offscreen and inside a PyInstaller bundle.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from studyapp import APP_NAME, APP_TITLE, __version__, paths
from studyapp.ui.start import ops as start_ops

if TYPE_CHECKING:
    from studyapp.services import AppContext
    from studyapp.ui.mainwindow import MainWindow

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


def pin_light_palette(app: QApplication) -> None:
    """The light colours whatever the system's mode: Qt ≥ 6.5 gives Fusion a dark palette when
    Windows is in dark mode, and style rules that set a background but no text colour then show
    white on white. Printed forms, the projector and the style sheet are all designed light."""
    from PySide6.QtWidgets import QStyleFactory

    fusion = QStyleFactory.create("Fusion")
    app.setPalette(fusion.standardPalette())


def pin_light_scheme(app: QApplication) -> None:
    """The light scheme for what the palette does not reach (a Windows 11 title bar). Apart from
    pin_light_palette because the Qt namespace it needs costs ~15–30 ms to load, which the
    start's first paint does not wait for (see configure_application)."""
    from PySide6.QtCore import Qt

    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(Qt.ColorScheme.Light)


def configure_application(app: QApplication, *, defer: bool = False) -> str:
    """Font, translations, locale and names; returns the UI font family. Safe to call twice.

    With `defer` (the start), what the first paint does not need — the application-wide event
    filters and the light scheme, which load Qt's namespace of enums (~15–30 ms) — is left to
    finish_configuration, which start_main_window calls once the window is painted."""
    if app.property("studyapp_configured"):
        return str(app.property("studyapp_font_family"))
    from studyapp.ui.qtfix import MainThreadGarbageCollector

    app._studyapp_gc = MainThreadGarbageCollector(app)  # type: ignore[attr-defined]  # (kept alive on the application object)
    # the window's thread gets the interpreter back within 1 ms of asking for it (Python's default:
    # 5 ms) while the worker generates or imports: the 10 ms heartbeat's p99 gap ~38 -> ~32 ms, its
    # longest ~49 -> ~42 ms (medians of 5 runs, tests/perf/test_heartbeat_perf.py); the worker loses
    # nothing while the window sleeps (a switch is forced only when another thread waits)
    sys.setswitchinterval(0.001)
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
    if app.style().name().lower() != "fusion":  # already the default on most Linux desktops
        app.setStyle("Fusion")  # the same calm look on Windows, domestic Linux and offscreen
    pin_light_palette(app)
    icon = paths.resources_dir() / "icons" / "studyapp.png"
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))  # the taskbar's and every window's
    load_translations(app)
    from studyapp.ui.style import application_style_sheet

    app.setStyleSheet(application_style_sheet())
    app.setProperty("studyapp_configured", True)
    app.setProperty("studyapp_font_family", family)
    if not defer:
        finish_configuration(app)
    return family


def finish_configuration(app: QApplication) -> None:
    """The part of configure_application a first paint need not wait for: message boxes that
    show their text as plain text, windows fitted to their screen, the light scheme. Once."""
    if app.property("studyapp_finished"):
        return
    app.setProperty("studyapp_finished", True)
    from studyapp.ui.qtfix import plain_text_message_boxes

    app._studyapp_plain = plain_text_message_boxes(app)  # type: ignore[attr-defined]  # (kept alive on the application object)
    from studyapp.ui import screenfit

    app._studyapp_fit = screenfit.install(app)  # type: ignore[attr-defined]  # (kept alive on the application object)
    pin_light_scheme(app)


def open_main_window(ctx: AppContext) -> MainWindow:
    """Import the seed on first start, then show the main window where the reader left off
    (all at once, on this thread: for the self-test and the tests)."""
    from studyapp.ui.mainwindow import MainWindow

    doc_id, section_id = start_ops.seed_and_start(ctx)
    window = MainWindow(ctx)
    window.open_document(doc_id, section_id)
    window.show()
    return window


def start_main_window(data_dir: Path) -> MainWindow:
    """Show the main window at once, where it was last time, then open the data folder on the
    worker thread and fill the window in (the database layer loads after the first paint).

    A database written by a newer studyapp is refused with its message and the window emits
    openFailed(2) (run_gui then quits with that status); any other failure is reported in
    Chinese the same way.
    """
    import threading

    from studyapp.ui import screenfit
    from studyapp.ui.start import snapshot

    # the front page's picture is decoded (~8 ms) while the window is built
    decoded: list = []
    reader = threading.Thread(target=lambda: decoded.append(snapshot.read(data_dir)), name="front-page picture",
                              daemon=True)
    reader.start()
    from studyapp.ui.mainwindow import MainWindow

    window = MainWindow()
    # where the window was (kept beside the data: the same for records on a shared server; a
    # folder from before that file: its SQLite settings, read without the database layer)
    place = snapshot.saved_place(data_dir) or str(
        start_ops.saved_settings_now(data_dir, ["window.geometry"]).get("window.geometry", ""))
    window.restore_saved_geometry(place)
    window.show()
    screenfit.fit(window)  # (the application's fitter is installed after the first paint)
    reader.join()
    image = decoded[0] if decoded else None
    picture = snapshot.load(data_dir, image) if place and image is not None else None  # the front page as it was
    if picture is not None and picture.fits(window.size()) \
            and abs(picture.pixmap.devicePixelRatio() - window.devicePixelRatioF()) < 0.01:
        # (the size and the screen's pixel ratio decide whether it lines up; where on the screen
        # the window stands does not change what it shows — a window manager that moves it by
        # its title bar between the picture and the close no longer costs the next start it)
        window.show_snapshot(picture)  # readable while the data opens

    def opened(result: tuple[AppContext, int | None, int | None]) -> None:
        ctx, doc_id, section_id = result
        window.attach(ctx)
        window.open_document(doc_id, section_id)
        window.study.open_home()  # the learner's front door (继续阅读 is one click on it)
        window.opened.emit()
        keeper = getattr(QApplication.instance(), "_studyapp_gc", None)
        if keeper is not None:  # what exists now lives as long as the process: out of every collection
            QTimer.singleShot(1500, window, keeper.settle)

    def failed(exc: BaseException) -> None:
        kind = start_ops.failure_kind(exc)
        server = start_ops.shared_server_of(data_dir) if not start_ops.is_too_new(exc) else None
        if server is not None:
            # the county's server refused or cannot be reached: never a dead end — retry, or open
            # this PC's own database for now (文件 → 数据库… connects again later)
            choice = offer_local(window, exc, server)
            if choice == "retry":
                start_opening()
                return
            if choice == "local":
                try:
                    start_ops.use_local_now(data_dir)
                except Exception as e:  # noqa: BLE001 - said to the user; the folder stays as it was
                    QMessageBox.critical(window, APP_TITLE, getattr(e, "message", str(e)))
                else:
                    start_opening()
                    return
            window.openFailed.emit(2)
            return
        if kind == "damaged":
            if offer_restore(window, data_dir, exc):
                start_opening()  # the restored database, opened as at start
                return
        elif kind == "refused":
            QMessageBox.critical(window, APP_TITLE, getattr(exc, "message", str(exc)))  # (a user error's)
        else:
            log.error("could not open the data folder", exc_info=(type(exc), exc, exc.__traceback__))
            QMessageBox.critical(window, APP_TITLE, f"无法打开数据文件夹“{data_dir}”：\n{exc}")
        window.openFailed.emit(2)

    def progressed(_done: int, _total: int, message: str) -> None:
        if window.opening_label is not None and message:
            window.opening_label.setText(message)  # e.g. the seed import on the first start

    def start_opening() -> None:
        task = window.runner.run(lambda progress, cancel: start_ops.open_data(data_dir), title="打开学习材料",
                                 on_success=opened, on_failure=failed, show_progress=False)
        task.progressed.connect(progressed)

    # open the data once the window is on screen (not inside its paint event)
    def painted() -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            finish_configuration(app)
        QTimer.singleShot(0, window, start_opening)

    window.firstPainted.connect(painted)
    return window


def offer_local(window, exc: BaseException, server: str) -> str:  # noqa: ANN001 - MainWindow
    """The shared server failed at start: "retry", "local" (this PC's own database for now) or
    "close"."""
    message = getattr(exc, "message", None) or str(exc)
    box = QMessageBox(QMessageBox.Icon.Critical, APP_TITLE,
                      f"{message}\n\n这个数据文件夹设为使用共享数据库：{server}。\n\n"
                      "可以重试；也可以先改用这台电脑上的本机数据库（共享数据库中的记录不会改动，"
                      "以后可在 文件 → 数据库… 中重新连接）。", parent=window)
    retry = box.addButton("重试", QMessageBox.ButtonRole.AcceptRole)
    local = box.addButton("改用本机数据库", QMessageBox.ButtonRole.ActionRole)
    box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    return "retry" if clicked is retry else "local" if clicked is local else "close"


def offer_restore(window, data_dir: Path, exc) -> bool:  # noqa: ANN001 - MainWindow, DatabaseDamaged
    """A damaged database at start: say so and offer the newest backup that is whole."""
    from studyapp.core.model import UserError

    box = QMessageBox(QMessageBox.Icon.Critical, APP_TITLE, exc.message, parent=window)
    restore = box.addButton("恢复这份备份", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        kept = start_ops.restore_file(data_dir, exc.newest_good)
    except UserError as err:
        QMessageBox.critical(window, APP_TITLE, err.message)
        return False
    log.info("restored %s at start; the damaged file is kept as %s", exc.newest_good, kept)
    return True


def bring_forward(window) -> None:  # noqa: ANN001 - MainWindow
    """A second start of the app on this data folder: show this window instead."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def selftest_needs_offscreen(environ, platform: str) -> bool:  # noqa: ANN001 - os.environ or a dict
    """Only an X11/Wayland system without a display gets the offscreen platform for --selftest:
    Windows and macOS always have a screen, and forcing offscreen there would pass a bundle
    whose own platform plugin (qwindows.dll) is missing or quarantined."""
    if environ.get("QT_QPA_PLATFORM") or platform in ("win32", "darwin"):
        return False
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def run_gui(data_dir: Path, selftest: bool = False) -> int:
    """Run the desktop app on `data_dir`; with `selftest`, open, check, report and exit."""
    if selftest and selftest_needs_offscreen(os.environ, sys.platform):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a smoke test needs no screen
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    family = configure_application(app, defer=not selftest)
    if selftest:
        import tempfile

        # the smoke test checks the program, not the user's data: a fresh folder every time
        with tempfile.TemporaryDirectory(prefix="studyapp-selftest-") as tmp:
            return _run_selftest(app, family, Path(tmp))
    if not paths.font_path().is_file():
        # an incomplete installation: say so plainly (Chinese Windows has a font to say it in),
        # then go on — reading and quizzes still work with the system's font
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, APP_TITLE, paths.MissingResource(paths.font_path(), "中文字体文件").message
                            + "\n\n打印的表格和试卷需要这个字体，补齐之前无法生成。")
    from studyapp import logfile
    from studyapp.ui import crash

    logfile.install(Path(data_dir))  # <data folder>/logs: what went wrong is never lost
    crash.install(app)
    from studyapp.ui.single import acquire

    instance = acquire(Path(data_dir))
    if instance is None:  # another copy has this data folder open: it was asked to come forward
        log.info("data folder %s is open in another copy; quitting", data_dir)
        return 0
    window = start_main_window(Path(data_dir))
    instance.raiseRequested.connect(lambda: bring_forward(window))
    window.openFailed.connect(app.exit)
    code = int(app.exec())
    instance.release()
    if window.ctx is not None:
        start_ops.auto_backup(window.ctx)  # a day's first backup if the app stayed open overnight
        window.ctx.close()
    return code


def _run_selftest(app: QApplication, family: str, data_dir: Path) -> int:
    """Open the data folder and the main window on this thread, check them, report."""
    try:
        ctx = start_ops.open_context(Path(data_dir))
    except Exception as exc:
        if not start_ops.is_too_new(exc):
            raise
        print(f"自检失败：{getattr(exc, 'message', exc)}")  # (SchemaTooNewError's)
        return 2
    try:
        code = _selftest(app, open_main_window(ctx), family)
        return code or _selftest_print(ctx)
    finally:
        ctx.close()


def _selftest_print(ctx: AppContext) -> int:
    """The print path inside a bundle: the example session's 签到表 built (reportlab, the
    embedded font) and drawn the way the print preview draws it (QtPdf)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QColor
    from PySide6.QtPdf import QPdfDocument

    from studyapp.ui.start.ops import example_signin_pdf

    pdf = example_signin_pdf(ctx)
    if pdf is None:
        print("自检未通过：\n  - 数据文件夹中没有示例学习记录，无法检查打印")
        return 1
    problems: list[str] = []
    if b"/FontFile2" not in pdf:
        problems.append("签到表 PDF 没有嵌入中文字体")
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        problems.append(f"打印预览打不开签到表 PDF（{document.status().name}）")
    else:
        image = document.render(0, QSize(298, 421))
        dark = sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
                   if (c := QColor.fromRgba(image.pixel(x, y))).alpha() > 128 and c.lightness() < 128)
        if dark < 50:
            problems.append("打印预览画出的签到表是空白的")
    pages = document.pageCount()
    document.close()
    if problems:
        print("自检未通过：")
        for p in problems:
            print(f"  - {p}")
        return 1
    print(f"自检通过：签到表 {len(pdf) // 1024} KB，嵌入字体，打印预览可显示（{pages} 页）。")
    return 0


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
