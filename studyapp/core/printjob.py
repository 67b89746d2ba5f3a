"""A print job of a form: which pages, in which order, how many copies, and how it reaches
the printer — without Qt, so the rules are the same on every system and testable.

A form is an A4 PDF that must come out of the printer at its actual size and as sharp as it
is on screen. Where the system has CUPS (Linux, macOS), the PDF itself goes to the queue with
`lp`: A4 requested, no scaling, the chosen pages, reversed when asked, under the form's name —
no page is turned into a picture. Elsewhere (Windows) the UI draws each page at the printer's
own resolution (ui/records/printing.py). A PDF "printed to a file" is the same PDF, cut to the
chosen pages (pypdf copies the pages; nothing is re-rendered).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

LP_TIMEOUT = 60  # seconds: `lp` only queues the job; a spooler that hangs longer is broken


class PrintError(Exception):
    """A print job that could not be sent; the message is for the user (Chinese)."""


@dataclass(frozen=True)
class PrintJob:
    """What the print dialog decided. `ranges` are 1-based inclusive page ranges (empty: all)."""

    page_count: int
    printer: str = ""
    doc_name: str = ""
    copies: int = 1
    ranges: tuple[tuple[int, int], ...] = ()
    reverse: bool = False
    collate: bool = True
    duplex: str = ""  # "", "long", "short"
    grayscale: bool = False
    paper: str = "A4"
    landscape: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def pages(self) -> list[int]:
        """The pages to print, in printing order (each once, within the document)."""
        if not self.ranges:
            chosen = list(range(1, self.page_count + 1))
        else:
            seen: set[int] = set()
            chosen = []
            for a, b in self.ranges:
                for p in range(max(1, a), min(self.page_count, b) + 1):
                    if p not in seen:
                        seen.add(p)
                        chosen.append(p)
        return list(reversed(chosen)) if self.reverse else chosen

    def page_list(self) -> str:
        """CUPS page-list syntax (1-3,12) of the chosen pages, or "" for all of them."""
        if not self.ranges:
            return ""
        pages = sorted(set(self.pages()))
        parts: list[str] = []
        start = prev = pages[0] if pages else 0
        for p in pages[1:] + [None]:
            if p is not None and p == prev + 1:
                prev = p
                continue
            parts.append(str(start) if start == prev else f"{start}-{prev}")
            if p is not None:
                start = prev = p
        return ",".join(parts)

    def summary(self) -> str:
        """「已发送 3 页」 / 「已发送 3 页，共 2 份」: what the status line says afterwards."""
        n = len(self.pages())
        copies = f"，共 {self.copies} 份" if self.copies > 1 else ""
        where = f"到打印机“{self.printer}”" if self.printer else "到打印机"
        return f"已发送 {n} 页{copies}{where}"


def lp_command(job: PrintJob, path: Path, lp: str = "lp") -> list[str]:
    """The `lp` command line that prints `path` as the job says, at actual size on A4."""
    cmd = [lp]
    if job.printer:
        cmd += ["-d", job.printer]
    cmd += ["-n", str(max(1, job.copies))]
    if job.doc_name:
        cmd += ["-t", job.doc_name]
    options = {
        "media": job.paper,
        "print-scaling": "none",  # 1:1 — the form's own margins, not the driver's idea of fitting
        "fit-to-page": "false",
        "orientation-requested": "4" if job.landscape else "3",
    }
    if job.reverse:
        options["outputorder"] = "reverse"
    if job.copies > 1:
        options["collate"] = "true" if job.collate else "false"
    if job.duplex:
        options["sides"] = "two-sided-long-edge" if job.duplex == "long" else "two-sided-short-edge"
    if job.grayscale:
        options["print-color-mode"] = "monochrome"
    options.update(job.extra)
    pages = job.page_list()
    if pages:
        cmd += ["-P", pages]
    for key, value in options.items():
        cmd += ["-o", f"{key}={value}"]
    cmd.append(str(path))
    return cmd


def cups_available() -> str | None:
    """The `lp` program of a CUPS system, or None (Windows, or CUPS not installed)."""
    if os.name == "nt":
        return None
    return shutil.which("lp")


def send_to_cups(job: PrintJob, pdf: bytes, lp: str | None = None) -> int:
    """Queue the PDF itself on a CUPS printer; returns the number of pages sent.

    Raises PrintError with a message for the user when the queue refuses the job.
    """
    lp = lp or cups_available()
    if not lp:
        raise PrintError("这台电脑没有可用的打印服务（CUPS），无法打印。可以先“另存为 PDF…”，再到其他电脑上打印。")
    pages = job.pages()
    if not pages:
        raise PrintError("所选的页码不在这份表格之内，没有打印任何内容。")
    with tempfile.TemporaryDirectory(prefix="studyapp-print-") as tmp:
        path = Path(tmp) / f"{_safe(job.doc_name) or 'form'}.pdf"
        path.write_bytes(pdf)
        try:
            done = subprocess.run(lp_command(job, path, lp), capture_output=True, text=True,
                                  timeout=LP_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise PrintError("打印服务没有响应，打印任务可能没有发出。请检查打印机后重试。") from None
        except OSError as exc:
            raise PrintError(f"无法启动打印服务：{exc.strerror or exc}。") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise PrintError("打印机没有接受这份打印任务" + (f"（{detail[-1]}）" if detail else "")
                         + "。请检查打印机是否已连接、开机并且没有被暂停。")
    return len(pages)


def select_pages(pdf: bytes, pages: list[int]) -> bytes:
    """The same PDF with only `pages` (1-based, in that order): pages are copied, not redrawn."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    for p in pages:
        if 1 <= p <= len(reader.pages):
            writer.add_page(reader.pages[p - 1])
    if reader.metadata:
        writer.add_metadata({k: str(v) for k, v in reader.metadata.items() if isinstance(k, str)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _safe(name: str) -> str:
    return "".join(c for c in name if c not in '\\/:*?"<>|\0\n\r\t').strip()[:80]
