#!/usr/bin/env python3
"""Writes the fixture Word reports under tests/reports/ (committed; rerun only to change them).

Needs python-docx and msoffcrypto-tool from PyPI, and LibreOffice (soffice) for the copies saved
again by another word processor and the old binary .doc:
    pip install python-docx msoffcrypto-tool

- seed-2022.docx: ../shared/seed/000_3ceac29d5f344e9f.txt as the Word document it was, its tables
  as Word tables (a blank first cell under a question is merged down, as in the original), its
  一、 and （一） headings in Word's heading styles in the body and as plain paragraphs in 摘要.
- seed-2022-libreoffice.docx: the same saved again by LibreOffice Writer.
- prose-only.docx: a report with no table, only sentences with figures.
- bad files: password.docx (open password 1234), old.doc (the binary format, renamed .docx as
  old-renamed.docx too), bomb.docx (a part that inflates to 200 MiB), deep.docx (XML nested
  100,000 deep), rows-100k.docx (a table of 100,000 rows).
"""
import io, os, re, shutil, subprocess, sys, tempfile, zipfile
import docx
from docx.oxml.ns import qn

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
HERE = os.path.join(ROOT, "tests", "reports")
SEED = os.path.join(ROOT, "..", "shared", "seed", "000_3ceac29d5f344e9f.txt")
os.makedirs(HERE, exist_ok=True)


def blocks(lines):
    """Paragraphs and tables: a table is a run of lines starting with a tab (one cell each), rows
    separated by an empty line."""
    out, rows, row = [], None, []
    for raw in lines:
        line = re.sub(r"\[bookmark: [^\]]*\]", "", raw.rstrip("\n"))
        if line.startswith("\t"):
            if rows is None:
                rows, row = [], []
            row.append(line[1:].strip())
            continue
        if rows is not None:
            if line.strip() == "" and row:
                rows.append(row)
                row = []
                continue
            if line.strip() == "" and not row:
                # Two empty lines end the table.
                out.append(("table", rows))
                rows = None
                continue
            if row:
                rows.append(row)
            out.append(("table", rows))
            rows = None
        if line.strip():
            out.append(("p", line.strip()))
    if rows is not None:
        if row:
            rows.append(row)
        out.append(("table", rows))
    return out


def write_seed(path):
    d = docx.Document()
    lines = open(SEED, encoding="utf-8").read().split("\n")
    in_body = False
    for kind, value in blocks(lines):
        if kind == "p":
            if value == "正文":
                in_body = True
            style = None
            if in_body and re.match(r"^[一二三四五六七八九十]+、", value):
                style = "Heading 1"
            elif in_body and re.match(r"^（[一二三四五六七八九十]+）", value):
                style = "Heading 2"
            d.add_paragraph(value, style=style)
            continue
        rows = value
        width = max(len(r) for r in rows)
        t = d.add_table(rows=len(rows), cols=width)
        t.style = "Table Grid"
        for i, r in enumerate(rows):
            short = width - len(r)
            if short > 0 and r and r[0] in ("合计", "总计", "最终得分"):
                # A short 合计 row: its first cell spans the columns it lacks, as Word merges it.
                t.cell(i, 0).merge(t.cell(i, short))
                t.cell(i, 0).text = r[0]
                for j, v in enumerate(r[1:]):
                    t.cell(i, short + 1 + j).text = v
                continue
            for j in range(width):
                t.cell(i, j).text = r[j] if j < len(r) else ""
        # A blank first cell under a filled one is the same question merged down.
        for i in range(1, len(rows)):
            if t.cell(i, 0).text == "" and t.cell(i - 1, 0).text != "" and width > 3:
                top = t.cell(i - 1, 0)
                text = top.text
                merged = top.merge(t.cell(i, 0))
                merged.text = text
    d.core_properties.title = "昆明市残疾人综合服务中心2022年残疾人职业技能培训及就业服务经费项目绩效自评报告"
    d.save(path)


def soffice(args, cwd):
    profile = tempfile.mkdtemp()
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless"] + args,
                   cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(profile, ignore_errors=True)


def raw_docx(path, body, extra=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>")
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def p(text):
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


seed = os.path.join(HERE, "seed-2022.docx")
write_seed(seed)
tmp = tempfile.mkdtemp()
shutil.copy(seed, os.path.join(tmp, "seed.docx"))
os.makedirs(os.path.join(tmp, "out"))
soffice(["--convert-to", "docx:MS Word 2007 XML", "--outdir", "out", "seed.docx"], tmp)
shutil.copy(os.path.join(tmp, "out", "seed.docx"), os.path.join(HERE, "seed-2022-libreoffice.docx"))
soffice(["--convert-to", "doc", "--outdir", "out", "seed.docx"], tmp)
shutil.copy(os.path.join(tmp, "out", "seed.doc"), os.path.join(HERE, "old.doc"))
shutil.copy(os.path.join(tmp, "out", "seed.doc"), os.path.join(HERE, "old-renamed.docx"))
shutil.rmtree(tmp, ignore_errors=True)

raw_docx(os.path.join(HERE, "prose-only.docx"),
         p("一、评价结论") + p("2022年，本项目预算金额100万元，实际支出84万元，为预算金额的85%。")
         + p("最终自评得分88分，评定等级为良。") + p("二、其他") + p("执行率为84%。"))
raw_docx(os.path.join(HERE, "bomb.docx"), p("炸弹"), {"word/media/big.xml": b"<" + b" " * (200 * 1024 * 1024)})
raw_docx(os.path.join(HERE, "deep.docx"), p("前言") + "<w:sdt><w:sdtContent>" * 100_000 + p("深处"))
row = "<w:tr><w:tc><w:p><w:r><w:t>{n}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>线{n}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0.5</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>0.5</w:t></w:r></w:p></w:tc></w:tr>"
header = "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in ["序号", "项目名称", "下达金额", "使用经费", "结余经费"]) + "</w:tr>"
raw_docx(os.path.join(HERE, "rows-100k.docx"), p("项目支出明细表") + "<w:tbl>" + header + "".join(row.format(n=i) for i in range(100_000)) + "</w:tbl>" + p("完"))

import msoffcrypto
with open(seed, "rb") as f, open(os.path.join(HERE, "password.docx"), "wb") as out:
    office = msoffcrypto.OfficeFile(f)
    office.encrypt("1234", out)
print("wrote", sorted(os.listdir(HERE)))
