"""Documents: import, list, view, rename, delete, find."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from studyapp import paths
from studyapp.core.dates import parse_date
from studyapp.core.loaders import load_file, load_pasted
from studyapp.core.model import (
    AlreadyImported,
    Cancelled,
    DocumentError,
    LoadedText,
    ParsedDocument,
    ParsedSection,
    UserError,
)
from studyapp.core.outline import looks_like_title, parse_text
from studyapp.db.models import Document, ReadMark, Section, SectionNote, Setting, StudySession
from studyapp.services import settings as settings_service
from studyapp.services.context import AppContext, EditConflict, NotFoundError
from studyapp.services.dto import (
    CancelToken,
    DocumentInfo,
    DocumentView,
    ImportResult,
    ProgressFn,
    SearchHit,
    SectionView,
)

log = logging.getLogger("studyapp.services")

# Internal marker (not a user option): the seed was imported once; deleting it must stick.
SEED_MARKER = "_state.seed_imported"

# Study-header fields that make a study session, and where they go.
SESSION_FIELDS = {
    "学习方式": "mode",
    "学习地点": "place",
    "领学人": "leader",
    "主持人": "host",
    "记录人": "recorder",
    "参加人员": "participants",
}
SESSION_KEYS = ("学习时间", *SESSION_FIELDS)

SNIPPET_CONTEXT = 20
PREAMBLE_HEADING = "导语"

_READER_PLACE = ("reader.last_document", "reader.last_section")
_TIME = re.compile(r"(\d{1,2})\s*[:：]\s*(\d{2})")


# ---------------------------------------------------------------------------------- import


def import_file(
    ctx: AppContext,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Load, parse and store a document file, and the study session of its header if any.

    Bad input raises core.model.UserError (Chinese message) and stores nothing.
    """
    if progress is not None:
        progress(0, 0, f"正在读取“{Path(path).name}”…")
    loaded = _load(ctx, Path(path))
    if cancel is not None and cancel.cancelled:
        raise Cancelled()
    return _import_loaded(ctx, loaded, progress=progress, cancel=cancel)


def import_text(
    ctx: AppContext,
    text: str,
    *,
    source_name: str = "粘贴导入",
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Parse and store pasted text (粘贴导入)."""
    loaded = dataclasses.replace(load_pasted(text), source_name=source_name)
    return _import_loaded(ctx, loaded, progress=progress, cancel=cancel)


def ensure_seed(ctx: AppContext) -> int | None:
    """On first start, import the bundled seed document and its bank; return its id (None if
    already done).

    "Done" is remembered in the database, so a user who deletes the seed does not get it back.
    A failed import leaves no marker and is tried again at the next start.
    """
    with ctx.begin() as session:
        if session.get(Setting, SEED_MARKER) is not None:
            return None
    seed = paths.seed_document_path()
    if not seed.is_file():
        log.warning("bundled seed document missing: %s", seed)
        return None
    loaded = _load(ctx, seed)
    result = _import_loaded(ctx, loaded, marker=SEED_MARKER)
    log.info("imported the seed document as %d", result.document_id)
    # The shipped, reviewed bank (questions/<seed>.yaml); a missing or broken file only logs.
    from studyapp.services import bankfile

    bankfile.load_bundled_bank(ctx, result.document_id)
    return result.document_id


def _load(ctx: AppContext, path: Path) -> LoadedText:
    if path.is_dir():
        raise DocumentError(f"“{path}”是一个文件夹，不是文件。请选择要导入的文件。")
    if not path.exists():
        raise DocumentError(f"找不到文件“{path}”。请检查文件名和位置是否正确。")
    max_mb = settings_service.get_setting(ctx, "import.max_megabytes")
    try:
        return load_file(path, max_bytes=int(max_mb) * 1024 * 1024)
    except OSError as e:
        raise UserError(
            f"无法读取文件“{path.name}”：{e.strerror or e}。请确认文件没有被其他程序占用，且有读取权限。"
        ) from e


def _import_loaded(
    ctx: AppContext,
    loaded: LoadedText,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    marker: str | None = None,
) -> ImportResult:
    """Parse outside any transaction, then store everything in one transaction.

    A text already in the 文件库 (the same words, whatever the encoding, file type, width of
    punctuation or line breaks) is not stored again: AlreadyImported names the copy, so a
    document and its study session are never created twice by a second import.
    """
    _refuse_copy(_same_text(ctx, loaded.text))
    parsed = parse_text(loaded.text, progress=progress, cancel=cancel)
    if cancel is not None and cancel.cancelled:
        raise Cancelled()
    if progress is not None:
        progress(0, 0, "正在保存到数据库…")
    with ctx.begin(write=True) as session:
        # (again under the write lock: the same file imported twice at once is stored once)
        _refuse_copy(_same_text_in(session, loaded.text))
        result = store_parsed(session, loaded, parsed)
        if marker is not None:
            session.merge(Setting(name=marker, value=result.document_id))
    log.info(
        "imported %r as document %d (%d sections, session %s)",
        loaded.source_name, result.document_id, result.section_count, result.session_id,
    )
    return result


def text_key(text: str) -> str:
    """The words of a text, for telling whether two imports are the same document: NFKC-folded
    (full- and half-width punctuation alike), without any whitespace or line breaks."""
    # line by line: a 1 MB text normalized in one call held the interpreter's lock ~50 ms, twice an
    # import, and the window stood still meanwhile (NFKC never composes across a line break)
    return "".join(_SPACES.sub("", unicodedata.normalize("NFKC", line)) for line in (text or "").split("\n"))


_SPACES = re.compile(r"\s+")


def _refuse_copy(same: tuple[int, str, dt.datetime] | None) -> None:
    if same is not None:
        doc_id, title, when = same
        raise AlreadyImported(
            f"《{title}》已在文件库中（编号 {doc_id}，{when:%Y-%m-%d %H:%M} 导入），没有再导入一份。", doc_id)


def _same_text(ctx: AppContext, text: str) -> tuple[int, str, dt.datetime] | None:
    """(id, title, imported at) of a stored document with the same words, if any."""
    with ctx.begin() as session:
        return _same_text_in(session, text)


def _same_text_in(session: Session, text: str) -> tuple[int, str, dt.datetime] | None:
    key = text_key(text)
    if not key:
        return None
    for doc_id, title, raw, when in session.execute(
            select(Document.id, Document.title, Document.raw_text, Document.imported_at)
            .order_by(Document.id)):
        if len(raw) >= len(key) // 2 and text_key(raw) == key:
            return doc_id, title, when
    return None


def store_parsed(session: Session, loaded: LoadedText, parsed: ParsedDocument) -> ImportResult:
    """Insert a parsed document (and its study session) inside the caller's transaction."""
    title = parsed.title.strip() or Path(loaded.source_name).stem or "未命名文件"
    doc = Document(
        title=title,
        note=parsed.note,
        adopted_on=parse_date(parsed.note) if parsed.note else None,
        meta=dict(parsed.meta),
        truncated=parsed.truncated,
        preamble=parsed.preamble,
        source_name=loaded.source_name,
        file_kind=loaded.file_kind,
        encoding=loaded.encoding,
        raw_text=loaded.text,
    )
    session.add(doc)
    session.flush()
    count = _insert_sections(session, doc.id, parsed)
    study = session_from_meta(parsed.meta, doc.id, title)
    if study is not None:
        session.add(study)
        session.flush()
    return ImportResult(
        document_id=doc.id,
        session_id=None if study is None else study.id,
        title=title,
        section_count=count,
        truncated=parsed.truncated,
        title_guessed=not looks_like_title(parsed.title),
    )


def _insert_sections(session: Session, document_id: int, parsed: ParsedDocument) -> int:
    """Insert the tree level by level: a few bulk statements even for thousands of sections."""
    rows: list[dict[str, Any]] = []  # in reading order
    parents: list[int | None] = []  # ordinal of the parent row
    stack: list[tuple[ParsedSection, int | None, int]] = [(s, None, 0) for s in reversed(parsed.sections)]
    while stack:
        sec, parent, depth = stack.pop()
        ordinal = len(rows)
        rows.append(
            dict(
                document_id=document_id, ordinal=ordinal, depth=depth, kind=sec.kind,
                number=sec.number, label=sec.label, title=sec.title, text=sec.text,
            )
        )
        parents.append(parent)
        stack.extend((c, ordinal, depth + 1) for c in reversed(sec.children))
    ids: list[int] = [0] * len(rows)
    depth = 0
    while True:
        level = [i for i, row in enumerate(rows) if row["depth"] == depth]
        if not level:
            break
        params = []
        for i in level:
            parent = parents[i]
            params.append({**rows[i], "parent_id": None if parent is None else ids[parent]})
        stmt = insert(Section).returning(Section.id, sort_by_parameter_order=True)
        for i, new_id in zip(level, session.scalars(stmt, params).all(), strict=True):
            ids[i] = new_id
        depth += 1
    return len(rows)


def session_from_meta(
    meta: dict[str, str], document_id: int | None, title: str
) -> StudySession | None:
    """A StudySession from a study header (学习时间/学习方式/...), or None without one."""
    if not any((meta.get(k) or "").strip() for k in SESSION_KEYS):
        return None
    when = meta.get("学习时间", "")
    times = [f"{int(h):02d}:{m}" for h, m in _TIME.findall(when) if int(h) < 24 and int(m) < 60]
    fields = {attr: (meta.get(key) or "").strip() for key, attr in SESSION_FIELDS.items()}
    return StudySession(
        date=parse_date(when) if when else None,
        start_time=times[0] if times else None,
        end_time=times[1] if len(times) > 1 else None,
        content=(meta.get("学习内容") or "").strip() or f"《{title}》",
        document_id=document_id,
        meta=dict(meta),
        **fields,
    )


# ---------------------------------------------------------------------------------- reading


def list_documents(ctx: AppContext) -> list[DocumentInfo]:
    """The 文件库, newest import first."""
    with ctx.begin() as session:
        counts = dict(
            session.execute(
                select(Section.document_id, func.count(Section.id)).group_by(Section.document_id)
            ).all()
        )
        read = dict(
            session.execute(
                select(Section.document_id, func.count(func.distinct(ReadMark.section_id)))
                .join(ReadMark, ReadMark.section_id == Section.id)
                .where(ReadMark.person_id.is_(None))
                .group_by(Section.document_id)
            ).all()
        )
        rows = session.execute(
            select(
                Document.id, Document.title, Document.note, Document.adopted_on,
                Document.imported_at, Document.source_name, Document.version,
            ).order_by(Document.imported_at.desc(), Document.id.desc())
        ).all()
    result = []
    for row in rows:
        total = counts.get(row.id, 0)
        done = read.get(row.id, 0)
        result.append(
            DocumentInfo(
                id=row.id,
                title=row.title,
                note=row.note,
                adopted_on=row.adopted_on.isoformat() if row.adopted_on else None,
                section_count=total,
                read_count=done,
                progress=(done / total) if total else 0.0,
                imported_at=row.imported_at.isoformat(),
                source_name=row.source_name,
                version=row.version,
            )
        )
    return result


def get_document(ctx: AppContext, document_id: int) -> DocumentView:
    """The whole document with sections flattened in reading order, with read/note marks."""
    with ctx.begin() as session:
        doc = _document(session, document_id)
        view = DocumentView(
            id=doc.id,
            title=doc.title,
            note=doc.note,
            meta=dict(doc.meta or {}),
            truncated=doc.truncated,
            preamble=doc.preamble,
            sections=_section_views(session, document_id),
        )
    return view


def _document(session: Session, document_id: int) -> Document:
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFoundError.of("文件", document_id)
    return doc


def _section_views(session: Session, document_id: int) -> list[SectionView]:
    read = set(
        session.scalars(
            select(ReadMark.section_id)
            .join(Section, Section.id == ReadMark.section_id)
            .where(Section.document_id == document_id, ReadMark.person_id.is_(None))
        )
    )
    noted = set(
        session.scalars(
            select(SectionNote.section_id)
            .join(Section, Section.id == SectionNote.section_id)
            .where(Section.document_id == document_id, SectionNote.text != "")  # (an emptied note is kept, blank)
        )
    )
    rows = session.execute(
        select(
            Section.id, Section.parent_id, Section.depth, Section.ordinal, Section.label,
            Section.title, Section.text, Section.kind,
        )
        .where(Section.document_id == document_id)
        .order_by(Section.ordinal)
    ).all()
    paths_by_id: dict[int, tuple[str, ...]] = {}
    views = []
    for row in rows:
        path = (paths_by_id.get(row.parent_id, ()) if row.parent_id else ()) + (row.label,)
        paths_by_id[row.id] = path
        views.append(
            SectionView(
                id=row.id, parent_id=row.parent_id, depth=row.depth, ordinal=row.ordinal,
                label=row.label, title=row.title, text=row.text, kind=row.kind, path=path,
                is_read=row.id in read, has_note=row.id in noted,
            )
        )
    return views


def rename_document(ctx: AppContext, document_id: int, title: str, *,
                    expected_version: int | None = None) -> None:
    """Empty or whitespace-only title raises UserError. `expected_version` is the version the
    文件库 read: a document renamed since (another PC on the shared database, the command line)
    is an EditConflict and nothing is written; None renames whatever it is called now."""
    title = (title or "").strip()
    if not title:
        raise UserError("文件标题不能为空，请输入标题。")
    from studyapp.core.names import refuse_control

    refuse_control("文件标题", title)
    with ctx.begin(write=True) as session:
        row = _document(session, document_id)
        if expected_version is not None and row.version != expected_version:
            raise EditConflict(f"这份文件在您打开之后已被别人（另一台电脑或命令行）改名为《{row.title}》，"
                               f"还没有改为《{title}》。")
        row.title = title


def delete_document(ctx: AppContext, document_id: int) -> None:
    """Remove a document with its sections, marks and notes (sessions keep their record)."""
    with ctx.begin() as session:
        _document(session, document_id)
        session.execute(
            delete(Document).where(Document.id == document_id),
            execution_options={"synchronize_session": False},
        )
        # The reader must not reopen what is gone.
        last = session.get(Setting, "reader.last_document")
        if last is not None and last.value == document_id:
            session.execute(
                delete(Setting).where(Setting.name.in_(_READER_PLACE)),
                execution_options={"synchronize_session": False},
            )
    log.info("deleted document %d", document_id)


# ---------------------------------------------------------------------------------- search

_FOLD_CACHE: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    folded = _FOLD_CACHE.get(ch)
    if folded is None:
        folded = _FOLD_CACHE[ch] = unicodedata.normalize("NFKC", ch).casefold()
    return folded


def fold(text: str) -> tuple[str, Sequence[int] | None]:
    """Case- and width-folded text (NFKC + casefold, char by char) and, for each folded char,
    the index of the original char it came from (None when the mapping is the identity)."""
    parts = list(map(_fold_char, text))
    folded = "".join(parts)
    if len(folded) == len(text):  # every char folded to exactly one char
        return folded, None
    origin: list[int] = []
    for i, part in enumerate(parts):
        origin.extend([i] * len(part))
    return folded, origin


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) of each non-overlapping case/width-insensitive match, as offsets in `text`."""
    needle, _ = fold(query)
    if not needle or not text:
        return []
    hay, origin = fold(text)
    spans = []
    pos = hay.find(needle)
    while pos >= 0:
        last = pos + len(needle) - 1
        if origin is None:
            spans.append((pos, last + 1))
        else:
            spans.append((origin[pos], origin[last] + 1))
        pos = hay.find(needle, pos + len(needle))
    return spans


def _snippet(text: str, start: int, end: int) -> str:
    a = max(0, start - SNIPPET_CONTEXT)
    b = min(len(text), end + SNIPPET_CONTEXT)
    return text[a:b].replace("\r", " ").replace("\n", " ")


_NUMBERED = re.compile(r"^第?\s*([0-9０-９]+|[零〇一二三四五六七八九十百千两]+)\s*(条|章|节|编|部分)?$")


def _numbered(query: str) -> tuple[int, str] | None:
    """「第五十条」「第50条」「50条」「第五十」 → (50, "条"): a cadre looks an article up by its number."""
    from studyapp.core.outline import cn_to_int

    q = unicodedata.normalize("NFKC", query.strip())
    m = _NUMBERED.match(q)
    if m is None or (not q.startswith("第") and m.group(2) is None):
        return None  # 「五十」 alone is a word to find, not an article
    try:
        return cn_to_int(m.group(1).replace("两", "二")), m.group(2) or "条"
    except ValueError:
        return None


def search(ctx: AppContext, document_id: int, query: str, *, limit: int = 500) -> list[SearchHit]:
    """Find `query` in the preamble, titles and texts, in reading order (case/width-insensitive).
    A section's number (「第五十条」, 「第50条」) finds that section first, where its label is
    not part of its text."""
    if not query or not query.strip():
        return []
    with ctx.begin() as session:
        preamble = _document(session, document_id).preamble
        sections = _section_views(session, document_id)
    hits: list[SearchHit] = []
    wanted = _numbered(query)
    if wanted is not None:
        from studyapp.core.loaders import chinese_number

        n, unit = wanted
        labels = {f"第{chinese_number(n)}{unit}", f"第{n}{unit}"}
        for sec in sections:
            if unicodedata.normalize("NFKC", sec.label).replace(" ", "") in labels:
                name, text = ("title", sec.title) if sec.title else ("text", sec.text)
                cut = min((i for i in (text.find(c) for c in "。；;") if i >= 0), default=len(text) - 1) + 1
                hits.append(SearchHit(section_id=sec.id, field=name, start=0, end=max(0, min(cut, len(text))),
                                      snippet=_snippet(text, 0, min(cut, len(text))), heading=sec.heading))
    fields: list[tuple[int | None, str, str, str]] = [
        (None, "preamble", preamble, PREAMBLE_HEADING)
    ]
    for sec in sections:
        fields.append((sec.id, "title", sec.title, sec.heading))
        fields.append((sec.id, "text", sec.text, sec.heading))
    for section_id, name, text, heading in fields:
        for start, end in find_all(text, query):
            hits.append(
                SearchHit(
                    section_id=section_id, field=name, start=start, end=end,
                    snippet=_snippet(text, start, end), heading=heading,
                )
            )
            if len(hits) >= limit:
                return hits
    return hits
