"""Read the tables offices keep in Excel or CSV (名册, 考勤, 成绩) into rows of text.

Offices' sheets are never quite the template: a title row above the header (「龙坑乡干部名册」),
headers written 「单位/部门」 or 「姓 名」 or 「职务*」, numbers typed as 3.0, CSV saved by Excel in
GBK. So the header row is searched for, header names are matched by synonyms after normalising,
and CSV bytes go through the same encoding detection as documents (core.loaders.decode_text).
Pure Python, no Qt, no SQL. Errors are UserError with a Chinese message saying what to do.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from studyapp.core.model import UserError

log = logging.getLogger("studyapp.core")

MAX_BYTES = 20 * 1024 * 1024
HEADER_SEARCH_ROWS = 10
TABLE_SUFFIXES = (".csv", ".xlsx", ".xlsm")

_HEADER_JUNK = re.compile(r"[\s\u3000*＊:：()（）\[\]【】<>《》\"'“”‘’]+")


def normalize_header(text: str) -> str:
    """「姓 名*」 -> 「姓名」: drop spaces, asterisks, brackets and colons around header names."""
    return _HEADER_JUNK.sub("", text or "").replace("／", "/").lower()


@dataclass(frozen=True)
class Column:
    """A logical column and the header names that mean it (already normalised)."""

    key: str
    label: str  # the name in messages, e.g. 姓名
    synonyms: tuple[str, ...]
    required: bool = False


@dataclass
class Table:
    """Rows as text keyed by logical column; `lines[i]` is row i's line number in the file."""

    columns: dict[str, int]  # key -> column index in the file
    rows: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    header_line: int = 1
    unknown_headers: list[str] = field(default_factory=list)


def cell_text(value: object) -> str:
    """A cell as the user sees it: 3.0 -> "3", dates as 2015-04-15, None -> ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def _read_csv(data: bytes, name: str) -> list[list[str]]:
    from studyapp.core.loaders import MSG_NOT_TABLE, decode_text  # the documents' encoding detection

    if not data.strip():
        raise UserError(f"文件“{name}”是空的，没有可导入的内容。")
    text, encoding = decode_text(data, name, not_text=MSG_NOT_TABLE, control_limit=0.2)
    log.debug("%s decoded as %s", name, encoding)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",，\t;；")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[list[str]] = []
    while True:
        first = reader.line_num + 1  # the line this row starts on
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            too_long = "field larger" in str(exc)
            raise UserError(
                f"文件“{name}”第 {first} 行无法读取："
                + ("有一格内容过长，多半是引号不成对，把后面的内容都并进了这一格。" if too_long
                   else "引号不成对或格式有误。")
                + "请在表格程序中检查这一行后重新保存，文件中的内容没有导入。") from None
        if reader.line_num > first and any("\n" in c for c in row):
            # a quote left open swallows the rows after it into one cell (「新增 1 人」)
            raise UserError(
                f"文件“{name}”第 {first} 行的引号不成对，第 {first}～{reader.line_num} 行被并成了一格。"
                "请检查这一行的引号（“\"”）后重新保存，文件中的内容没有导入。")
        rows.append([c.strip() for c in row])
    return rows


def _read_xlsx(data: bytes, name: str) -> list[list[str]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from studyapp.core.loaders import MSG_ENCRYPTED, is_encrypted_office

    if is_encrypted_office(data):
        raise UserError(MSG_ENCRYPTED.format(name=name))
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UserError(
            f"“{name}”是旧版 Excel 文件（.xls），无法直接读取。请在 Excel 或 WPS 中“另存为”"
            ".xlsx 格式后再导入。"
        )
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as e:
        log.debug("not an xlsx: %s", e)
        raise UserError(
            f"“{name}”不是有效的 Excel 文件（.xlsx），可能已损坏或只是改了扩展名。"
            "请在 Excel 或 WPS 中打开并另存为 .xlsx，或另存为 .csv 后导入。"
        ) from None
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            return []
        return [[cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def read_rows(path: Path, *, max_bytes: int = MAX_BYTES) -> list[list[str]]:
    """All rows of the first sheet (xlsx) or the CSV file, as stripped text cells."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        if suffix == ".xls":
            raise UserError(
                f"“{name}”是旧版 Excel 文件（.xls）。请另存为 .xlsx 或 .csv 后再导入。"
            )
        raise UserError(f"不支持的文件类型“{suffix or name}”：请使用 .xlsx 或 .csv 文件。")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UserError(f"找不到文件“{path}”。请检查路径。") from None
    if size > max_bytes:
        raise UserError(f"文件“{name}”太大（超过 {max_bytes // (1024 * 1024)} MB），请检查是否选错了文件。")
    data = path.read_bytes()
    if suffix == ".csv":
        return _read_csv(data, name)
    return _read_xlsx(data, name)


def locate(
    rows: Sequence[Sequence[str]], columns: Sequence[Column], name: str = ""
) -> Table:
    """Find the header row (within the first rows) and map logical columns to indexes.

    The header row is the first one naming every required column; a title row above it is
    skipped. Missing required columns raise UserError naming them and the expected header.
    """
    nonempty = [i for i, r in enumerate(rows) if any(c.strip() for c in r)]
    if not nonempty:
        raise UserError(f"文件“{name}”中没有内容。" if name else "文件中没有内容。")
    required = [c for c in columns if c.required]
    best: tuple[int, dict[str, int]] | None = None
    for i in nonempty[:HEADER_SEARCH_ROWS]:
        found = _match(rows[i], columns)
        if all(c.key in found for c in required):
            best = (i, found)
            break
    expected = "、".join(c.label for c in columns)
    if best is None:
        missing = "、".join(f"“{c.label}”" for c in required)
        raise UserError(
            f"文件“{name}”中找不到{missing}列。第一行应为表头，例如：{expected}。"
        )
    header_index, mapping = best
    header = rows[header_index]
    known = set(mapping.values())
    unknown = [h for j, h in enumerate(header) if h.strip() and j not in known]
    table = Table(columns=mapping, header_line=header_index + 1, unknown_headers=unknown)
    for i in range(header_index + 1, len(rows)):
        raw = rows[i]
        if not any(c.strip() for c in raw):
            continue
        table.rows.append({k: (raw[j].strip() if j < len(raw) else "") for k, j in mapping.items()})
        table.lines.append(i + 1)
    return table


def _match(header: Sequence[str], columns: Sequence[Column]) -> dict[str, int]:
    """Logical key -> index: exact synonym first, then a header containing a synonym."""
    names = [normalize_header(h) for h in header]
    found: dict[str, int] = {}
    used: set[int] = set()
    for exact in (True, False):
        for col in columns:
            if col.key in found:
                continue
            # Synonyms in order of preference: 排序号 beats 序号 when a sheet has both.
            for syn in col.synonyms:
                if exact:
                    hits = [j for j, h in enumerate(names) if j not in used and h == syn]
                elif len(syn) > 1:
                    hits = [j for j, h in enumerate(names) if j not in used and h and syn in h]
                else:
                    hits = []
                if hits:
                    found[col.key] = hits[0]
                    used.add(hits[0])
                    break
    return found


def columns_of(spec: Mapping[str, tuple[str, Sequence[str], bool]]) -> list[Column]:
    """Columns from {key: (label, synonyms, required)}; synonyms are normalised here."""
    return [
        Column(key, label, tuple(normalize_header(s) for s in syns), req)
        for key, (label, syns, req) in spec.items()
    ]
