"""What the command line writes: a Windows console UTF-8, a file or pipe GB18030 (Notepad,
findstr and .bat files in a Chinese locale), PYTHONIOENCODING respected, Chinese never a crash."""

from __future__ import annotations

import io

from studyapp.cli.common import output_encoding


class Stream(io.StringIO):
    def __init__(self, encoding: str, tty: bool) -> None:
        super().__init__()
        self._encoding, self._tty = encoding, tty

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def isatty(self) -> bool:
        return self._tty


def test_windows_console_gets_utf8_and_a_pipe_gb18030() -> None:
    assert output_encoding(Stream("cp936", True), environ={}, platform="win32") == "utf-8"
    assert output_encoding(Stream("cp936", False), environ={}, platform="win32") == "gb18030"
    assert output_encoding(Stream("gb18030", False), environ={}, platform="win32") is None


def test_pythonioencoding_is_the_users_word() -> None:
    assert output_encoding(Stream("utf-8", False), environ={"PYTHONIOENCODING": "utf-8"}, platform="win32") is None
    # one that cannot write Chinese is not kept (never a crash on 中文)
    assert output_encoding(Stream("ascii", False), environ={"PYTHONIOENCODING": "ascii"}, platform="linux") == "utf-8"


def test_a_c_locale_on_linux_writes_utf8() -> None:
    assert output_encoding(Stream("ascii", False), environ={}, platform="linux") == "utf-8"
    assert output_encoding(Stream("utf-8", False), environ={}, platform="linux") is None
