"""Loaders: every supported file comes back as the text a reader sees; bad input gets a Chinese message.

Fixtures are generated in tmp_path from the real documents in tests/data/documents (or the bundled
seed when shared/ is absent), so the tests exercise the encodings offices actually produce.
"""

from __future__ import annotations

import io
import os
import random
import re
import zipfile
from pathlib import Path

import pytest

from studyapp import paths
from studyapp.core.loaders import (
    MSG_OLD_FORMAT,
    MSG_SCANNED_PDF,
    chinese_number,
    decode_text,
    format_number,
    load_file,
    load_pasted,
)
from studyapp.core.model import UserError
from studyapp.core.tables import read_rows

SHARED_DOCS = Path(__file__).resolve().parents[1] / "data" / "documents"


def _documents() -> list[Path]:
    docs = sorted(SHARED_DOCS.glob("*.txt")) if SHARED_DOCS.is_dir() else []
    return docs or [paths.seed_document_path()]


DOCS = _documents()


def _is_chinese_message(msg: str) -> bool:
    return len(re.findall(r"[\u4e00-\u9fff]", msg)) >= 8


def _error(path: Path, **kw) -> str:
    with pytest.raises(UserError) as info:
        load_file(path, **kw)
    msg = info.value.message
    assert _is_chinese_message(msg), msg
    assert "Traceback" not in msg
    return msg


# ------------------------------------------------------------------------------------ txt


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_txt_encodings_round_trip(tmp_path: Path, doc: Path, encoding: str) -> None:
    text = doc.read_text(encoding="utf-8")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{doc.name} has characters outside {encoding}")
    target = tmp_path / doc.name
    target.write_bytes(data)
    loaded = load_file(target)
    assert loaded.text == text.replace("\r\n", "\n")  # every character kept
    assert not loaded.text.startswith("\ufeff")
    assert loaded.file_kind == "txt"
    assert loaded.source_name == doc.name
    assert loaded.encoding


def test_encoding_names_reported(tmp_path: Path) -> None:
    text = "关于新形势下党内政治生活的若干准则\n一、坚定理想信念\n"
    assert decode_text(text.encode("utf-8"))[1] == "utf-8"
    assert decode_text(text.encode("utf-8-sig"))[1] == "utf-8-sig"
    assert decode_text(text.encode("gbk"))[1] in {"gbk", "gb2312", "gb18030"}
    assert decode_text(text.encode("utf-16"))[1] == "utf-16"


@pytest.mark.parametrize(
    "snippet",
    ["第一条　为了深化国家监察体制改革", "一、总体要求", "学习时间:2015.4.15", "中华人民共和国监察法", "依法治市"],
)
def test_short_gbk_is_not_mistaken_for_big5_or_korean(snippet: str) -> None:
    text, enc = decode_text(snippet.encode("gbk"))
    assert text == snippet
    assert enc in {"gbk", "gb2312", "gb18030"}


def test_gb18030_only_characters(tmp_path: Path) -> None:
    text = "《中华人民共和国监察法》𠀀\u2002学习"  # 𠀀 and EN SPACE exist only in GB18030, not GBK
    f = tmp_path / "a.txt"
    f.write_bytes(text.encode("gb18030"))
    loaded = load_file(f)
    assert loaded.text == text
    assert loaded.encoding == "gb18030"


def test_line_endings_normalized_and_characters_kept(tmp_path: Path) -> None:
    f = tmp_path / "crlf.txt"
    f.write_bytes("第一章\u3000总\u3000\u3000则\r\n第一条　ＡＢＣ１２３\r旧式换行\n".encode("utf-8-sig"))
    loaded = load_file(f)
    assert loaded.text == "第一章\u3000总\u3000\u3000则\n第一条　ＡＢＣ１２３\n旧式换行\n"  # no NFKC


def test_unknown_extension_text_is_read(tmp_path: Path) -> None:
    f = tmp_path / "材料"
    f.write_bytes("一、总体要求\n1.指导思想。".encode("gbk"))
    loaded = load_file(f)
    assert loaded.text.startswith("一、总体要求")
    assert loaded.file_kind == "txt"


def test_png_renamed_txt_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "图片.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(500))
    msg = _error(f)
    assert msg.startswith("文件不是文本文件")
    assert "图片" in msg


@pytest.mark.parametrize("header", [b"PK\x03\x04", b"MZ\x90\x00", b"\x7fELF"])
def test_zip_and_programs_renamed_txt_are_refused(tmp_path: Path, header: bytes) -> None:
    f = tmp_path / "x.txt"
    f.write_bytes(header + os.urandom(2000))
    assert _error(f).startswith("文件不是文本文件")


def test_random_binary_is_refused(tmp_path: Path) -> None:
    rng = random.Random(7)
    f = tmp_path / "random.txt"
    f.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    assert _error(f).startswith("文件不是文本文件")


def test_control_characters_mean_binary(tmp_path: Path) -> None:
    f = tmp_path / "ctl.txt"
    f.write_bytes(bytes(range(1, 9)) * 200 + "学习".encode())
    assert _error(f).startswith("文件不是文本文件")


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    msg = _error(f)
    assert "空" in msg and "empty.txt" in msg


def test_whitespace_only_file(tmp_path: Path) -> None:
    f = tmp_path / "blank.txt"
    f.write_bytes(b" \r\n\t\n   \n")
    assert "空" in _error(f)
    g = tmp_path / "blank16.txt"
    g.write_bytes("\u3000\u3000\n\n".encode("utf-16"))
    assert "空白" in _error(g)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    msg = _error(tmp_path / "不存在.txt")
    assert "找不到文件" in msg and "不存在.txt" in msg
    msg = _error(tmp_path)
    assert "文件夹" in msg


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "locked.txt"
    f.write_text("学习", encoding="utf-8")
    if os.name == "posix" and os.geteuid() != 0:
        f.chmod(0)
    else:  # root (CI) reads anything: simulate a file another program holds locked
        def deny(self: Path, *a: object, **kw: object):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "open", deny)
    try:
        msg = _error(f)
        assert "没有权限" in msg and "locked.txt" in msg
    finally:
        f.chmod(0o644)


def test_oversize_file_names_size_and_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes("学习".encode() * 1000)  # 6000 bytes
    msg = _error(f, max_bytes=2048)
    assert "太大" in msg
    assert "5.9 KB" in msg and "2.0 KB" in msg
    assert load_file(f, max_bytes=6000).text.startswith("学习")


def test_undecodable_text_names_encodings(tmp_path: Path) -> None:
    # Bytes that are neither UTF-8 nor GB18030 (0xFF is never valid) but are not binary either.
    f = tmp_path / "bad.txt"
    f.write_bytes(("学习材料 " * 20).encode("gbk") + b"\xff\xff\xfe" + "第一条".encode("gbk") + b"\xff")
    msg = _error(f)
    assert "编码" in msg
    assert "UTF-8" in msg and "GB18030" in msg


# ------------------------------------------------------------------------------------ paste


def test_pasted_text_is_cleaned() -> None:
    raw = "\u200b一、总体要求\u00a0\u00a0 \r\n\r\n\r\n\r\n\r\n1.指导\u00ad思想\u200d。  \r\n\ufeff（一）坚持\u2060党的领导\t\r\n"
    loaded = load_pasted(raw)
    assert loaded.text == "一、总体要求\n\n1.指导思想。\n（一）坚持党的领导"
    assert loaded.file_kind == "paste"
    assert loaded.encoding is None


@pytest.mark.parametrize("raw", ["", "   ", "\n\r\n\u00a0\u200b\n"])
def test_blank_paste_is_refused(raw: str) -> None:
    with pytest.raises(UserError) as info:
        load_pasted(raw)
    assert info.value.message.startswith("粘贴的内容为空")


# ------------------------------------------------------------------------------------ numbering formats


def test_number_formats() -> None:
    assert [chinese_number(n) for n in (1, 10, 11, 20, 21, 100, 105, 110)] == [
        "一", "十", "十一", "二十", "二十一", "一百", "一百零五", "一百一十"]
    assert format_number(3, "chineseCounting") == "三"
    assert format_number(12, "chineseCountingThousand") == "十二"
    assert format_number(2, "japaneseCounting") == "二"
    assert format_number(1, "ideographTraditional") == "甲"
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(21, "decimalEnclosedCircleChinese") == "㉑"
    assert format_number(12, "decimalFullWidth") == "１２"
    assert format_number(2, "lowerLetter") == "b"
    assert format_number(28, "upperLetter") == "BB"
    assert format_number(4, "lowerRoman") == "iv"
    assert format_number(3, "chineseLegalSimplified") == "叁"
    assert format_number(1, "bullet") is None


# ------------------------------------------------------------------------------------ docx


def _numbering_docx(path: Path) -> list[str]:
    """A .docx whose labels exist only as Word auto-numbering; returns the lines a reader sees."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    d = docx.Document()
    numbering = d.part.numbering_part.element

    def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "", pstyle: str = "") -> str:
        ps = f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
        return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{ps}{extra}'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')

    abstracts = {
        # 公文 outline: 一、 （一） 1. （1） ①
        90: [lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）"),
             lvl(2, "decimal", "%3."), lvl(3, "decimal", "（%4）"), lvl(4, "decimalEnclosedCircle", "%5")],
        # 法规 headings through styles: 第X章 / 第X条, articles never restart per chapter.
        91: [lvl(0, "chineseCounting", "第%1章", pstyle="Heading1"),
             lvl(1, "chineseCountingThousand", "第%2条", extra='<w:lvlRestart w:val="0"/>', pstyle="Heading2")],
        92: [lvl(0, "decimal", "%1.")],
        93: [lvl(0, "ideographTraditional", "%1、"), lvl(1, "japaneseCounting", "%1.%2")],
    }
    first_num = numbering.find(qn("w:num"))
    for aid, levels in abstracts.items():
        el = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                       f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    nums = {
        900: (90, ""),
        901: (90, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
        910: (91, ""),
        920: (92, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'),
        930: (93, ""),
    }
    for nid, (aid, override) in nums.items():
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'))

    # Heading styles carry the numbering: Heading 1 without ilvl (level found by pStyle), Heading 2 with.
    for style_name, ilvl in (("Heading 1", None), ("Heading 2", 1)):
        ppr = d.styles[style_name].element.get_or_add_pPr()
        ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}>{ilvl_xml}<w:numId w:val="910"/></w:numPr>'))

    def para(text: str, num: int | None = None, ilvl: int = 0, style: str | None = None):
        p = d.add_paragraph(text, style=style)
        if num is not None:
            p._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'))
        return p

    para("关于全面推进依法治市的实施意见")
    para("全面推进依法治市的总体要求", 900, 0)
    para("指导思想", 900, 1)
    para("坚持党的领导。", 900, 2)
    para("坚持人民主体地位。", 900, 2)
    para("细化分工", 900, 3)
    para("明确责任", 900, 4)
    para("明确时限", 900, 4)
    para("基本原则", 900, 1)
    para("坚持依法执政。", 900, 2)
    para("重点任务", 900, 0)
    para("完善制度", 900, 1)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "责任单位"
    table.cell(0, 1).text = "完成时限"
    table.cell(1, 0).text = "市司法局"
    table.cell(1, 1).text = "2015年底"
    para("保障措施", 900, 0)
    para("重新开始的列表", 901, 0)
    d.add_paragraph("总则", style="Heading 1")
    d.add_paragraph("为了深化国家监察体制改革，制定本法。", style="Heading 2")
    d.add_paragraph("监察工作坚持党的领导。", style="Heading 2")
    p = d.add_paragraph("这一段取消了编号。", style="Heading 2")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="0"/></w:numPr>'))
    d.add_paragraph("监察机关及其职责", style="Heading 1")
    d.add_paragraph("各级监察委员会是行使国家监察职能的专责机关。", style="Heading 2")
    para("从五开始", 920, 0)
    para("接着编号", 920, 0)
    para("天干编号", 930, 0)
    para("多级编号", 930, 1)
    d.save(path)
    return [
        "关于全面推进依法治市的实施意见",
        "一、全面推进依法治市的总体要求",
        "（一）指导思想",
        "1.坚持党的领导。",
        "2.坚持人民主体地位。",
        "（1）细化分工",
        "①明确责任",
        "②明确时限",
        "（二）基本原则",
        "1.坚持依法执政。",
        "二、重点任务",
        "（一）完善制度",
        "责任单位\t完成时限",
        "市司法局\t2015年底",
        "三、保障措施",
        "一、重新开始的列表",
        "第一章\u3000总则",
        "第一条\u3000为了深化国家监察体制改革，制定本法。",
        "第二条\u3000监察工作坚持党的领导。",
        "这一段取消了编号。",
        "第二章\u3000监察机关及其职责",
        "第三条\u3000各级监察委员会是行使国家监察职能的专责机关。",
        "5.从五开始",
        "6.接着编号",
        "甲、天干编号",
        "甲.一\u3000多级编号",  # %1 keeps its own level's format (Word does the same)
    ]


def test_docx_auto_numbering_labels_recovered(tmp_path: Path) -> None:
    f = tmp_path / "实施意见.docx"
    expected = _numbering_docx(f)
    loaded = load_file(f)
    assert loaded.file_kind == "docx"
    assert loaded.source_name == "实施意见.docx"
    assert loaded.encoding is None
    assert loaded.text.split("\n") == expected


def test_docx_plain_paragraphs_and_document_text(tmp_path: Path) -> None:
    import docx

    text = DOCS[0].read_text(encoding="utf-8")
    lines = [ln for ln in text.split("\n") if ln.strip()][:60]
    d = docx.Document()
    for ln in lines:
        d.add_paragraph(ln)
    f = tmp_path / "plain.docx"
    d.save(f)
    assert load_file(f).text.split("\n") == lines


def test_docx_with_wrong_extension_is_still_read(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("第一条　为了加强监督，制定本法。")
    f = tmp_path / "renamed.txt"
    d.save(f)
    loaded = load_file(f)
    assert loaded.file_kind == "docx"
    assert loaded.text == "第一条　为了加强监督，制定本法。"


def test_corrupt_docx(tmp_path: Path) -> None:
    f = tmp_path / "坏的.docx"
    f.write_bytes(b"this is not a zip file at all" * 10)
    msg = _error(f)
    assert msg.startswith("无法读取该 Word 文件") and "另存为 .docx" in msg

    g = tmp_path / "truncated.docx"
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    g.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    assert _error(g).startswith("无法读取该 Word 文件")

    h = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(h, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    assert _error(h).startswith("无法读取该 Word 文件")


@pytest.mark.parametrize("name", ["old.doc", "old.wps", "renamed.docx", "renamed.txt"])
def test_ole2_old_word_files(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4000))
    assert _error(f) == MSG_OLD_FORMAT


def test_doc_extension_with_text_content_gets_old_format_message(tmp_path: Path) -> None:
    f = tmp_path / "old.doc"
    f.write_bytes("学习材料".encode("gbk") * 10)
    assert _error(f) == MSG_OLD_FORMAT


# ------------------------------------------------------------------------------------ pdf


def _cjk_canvas(path: Path, pages: list[list[str]], header: str | None = None, footer: bool = False, **kw):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "TestCJK" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("TestCJK", str(paths.font_path()), subfontIndex=0))
    c = canvas.Canvas(str(path), pagesize=A4, **kw)
    width, height = A4
    for number, lines in enumerate(pages, start=1):
        c.setFont("TestCJK", 12)
        if header:
            c.drawString(72, height - 40, header)
        y = height - 90
        for ln in lines:
            c.drawString(72, y, ln)
            y -= 20
        if footer:
            c.drawCentredString(width / 2, 30, f"- {number} -")
        c.showPage()
    c.save()


def test_pdf_text_layer_with_headers_and_page_numbers_removed(tmp_path: Path) -> None:
    f = tmp_path / "监察法.pdf"
    pages = [
        ["第一章　总则", "第一条　为了深化国家监察体制改革，制定本法。"],
        ["第二条　坚持中国共产党对国家监察工作的领导。"],
        ["第二章　监察机关及其职责", "第三条　各级监察委员会是行使国家监察职能的专责机关。"],
        ["第四条　监察委员会依照法律规定独立行使监察权。"],
    ]
    _cjk_canvas(f, pages, header="中华人民共和国监察法", footer=True)
    loaded = load_file(f)
    assert loaded.file_kind == "pdf"
    assert loaded.source_name == "监察法.pdf"
    lines = [ln.strip() for ln in loaded.text.split("\n") if ln.strip()]
    assert lines == [ln for page in pages for ln in page]
    assert "- 2 -" not in loaded.text
    assert "中华人民共和国监察法" not in loaded.text


def test_single_page_pdf_keeps_everything(tmp_path: Path) -> None:
    f = tmp_path / "one.pdf"
    _cjk_canvas(f, [["关于新形势下党内政治生活的若干准则", "一、坚定理想信念", "1"]])
    text = load_file(f).text
    assert "关于新形势下党内政治生活的若干准则" in text and "一、坚定理想信念" in text


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    f = tmp_path / "扫描件.pdf"
    c = canvas.Canvas(str(f))
    for _ in range(3):
        for i in range(40):
            c.rect(50 + i * 5, 100 + i * 10, 200, 8, fill=1)
        c.showPage()
    c.save()
    assert _error(f) == MSG_SCANNED_PDF


def test_encrypted_pdf(tmp_path: Path) -> None:
    f = tmp_path / "加密.pdf"
    _cjk_canvas(f, [["第一条　为了深化国家监察体制改革，制定本法。"]], encrypt="mima123")
    msg = _error(f)
    assert "加密" in msg and "密码" in msg


def test_a_pdf_with_only_a_permissions_password_opens_without_the_cryptography_package(tmp_path: Path) -> None:
    """Government PDFs often carry an owner (permissions) password under AES and no opening
    password: their text is read. The bundle ships pycryptodome for that, not `cryptography`
    (14 MB): the import runs in a process where `cryptography` cannot be imported."""
    import subprocess
    import sys

    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    _cjk_canvas(plain, [["第一条　为了深化国家监察体制改革，加强对所有行使公权力的公职人员的监督，",
                          "实现国家监察全面覆盖，深入开展反腐败工作，推进国家治理体系和治理能力现代化，",
                          "根据宪法，制定本法。", "第二条　坚持中国共产党对国家监察工作的领导。"]])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="quanxian", algorithm="AES-128")
    locked = tmp_path / "权限.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    code = ("import sys; sys.modules['cryptography'] = None\n"
            "from pypdf._crypt_providers import crypt_provider\n"
            "from studyapp.core.loaders import load_file\n"
            "print(crypt_provider[0]); print(load_file(sys.argv[1]).text)")
    out = subprocess.run([sys.executable, "-c", code, str(locked)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    provider, text = out.stdout.split("\n", 1)
    assert provider == "pycryptodome"
    assert "深化国家监察体制改革" in text


def test_broken_pdf(tmp_path: Path) -> None:
    f = tmp_path / "坏的.pdf"
    f.write_bytes(b"%PDF-1.4\n" + os.urandom(3000))
    msg = _error(f)
    assert "PDF" in msg and "损坏" in msg
    g = tmp_path / "notpdf.pdf"
    g.write_bytes("这不是 PDF 文件".encode() * 5)
    assert "PDF" in _error(g)


def test_a_utf8_text_with_a_broken_byte_names_its_line() -> None:
    from studyapp.core.loaders import decode_text

    text = "第一条 为了规范公务员的管理，制定本法。\n第二条 本法所称公务员，是指依法履行公职的工作人员。\n"
    data = text.encode("utf-8")
    with pytest.raises(UserError, match="UTF-8 文本，但第 2 行有无法识别的字节"):
        decode_text(data[:60] + b"\xff" + data[60:], "x.txt")
    assert decode_text(text.encode("gb18030"), "g.txt")[0] == text  # GBK is still GBK


def test_a_password_protected_office_file_says_so(tmp_path: Path) -> None:
    from studyapp.core.loaders import OLE2_MAGIC, load_file

    blob = OLE2_MAGIC + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 \
        + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 4096
    for name in ("学习材料.docx", "名册.xlsx"):
        path = tmp_path / name
        path.write_bytes(blob)
        with pytest.raises(UserError, match="设置了打开密码"):
            if name.endswith(".docx"):
                load_file(path)
            else:
                read_rows(path)
    old = tmp_path / "旧.doc"
    old.write_bytes(OLE2_MAGIC + b"\x00" * 4096)
    with pytest.raises(UserError, match="旧版"):
        load_file(old)


def test_junk_behind_a_utf16_mark_is_refused() -> None:
    import random

    from studyapp.core.loaders import decode_text

    rng = random.Random(7)
    for junk in (b"\xff\xfe" + bytes(rng.randrange(256) for _ in range(4000)), b"\xff\xfe" + b"\x40\xa0" * 500):
        with pytest.raises(UserError, match="罕见汉字"):
            decode_text(junk, "j.txt")
    traditional = ("第一條 為了規範公務員的管理，制定本法。" * 20).encode("utf-16")
    assert decode_text(traditional, "t.txt")[1] == "utf-16"
    real = ("第一条 为了规范公务员的管理，制定本法。" * 20).encode("utf-16")
    assert decode_text(real, "r.txt")[1] == "utf-16"
