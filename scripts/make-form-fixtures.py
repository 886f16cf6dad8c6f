#!/usr/bin/env python3
"""Writes the fixture forms under tests/forms/ (committed; rerun only to change them).

Needs openpyxl, xlwt and msoffcrypto-tool from PyPI:  pip install openpyxl xlwt msoffcrypto-tool
The layouts follow ../shared/spec/FORMS.md: the national 自评表 with merged cells, a provincial
variant (指标性质, 计量单位, no 年初预算数, blank "same as above" cells, whole-point scores), a form
with only the 年度资金总额 row, the same national form as legacy .xls, the Kunming seed as a
form with the seed's printed figures, and bad files (password, PNG, .docx, no table, zip bomb).
"""
import io, os, struct, zipfile, zlib
import openpyxl
from openpyxl.styles import Alignment
import xlwt

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "forms")
os.makedirs(HERE, exist_ok=True)

NATIONAL_ROWS = [
    # 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因
    ("产出指标", "数量指标", "举办培训期数", "不少于3期", "4期", 10, 10, ""),
    ("产出指标", "数量指标", "培训人数", "≥60人次", "114人次", 10, 10, ""),
    ("产出指标", "质量指标", "培训合格率", "≥95%", "98%", 10, 10, ""),
    ("产出指标", "时效指标", "完成培训时间", "2022年11月30日前", "2022年8月21日", 10, 10, ""),
    ("产出指标", "成本指标", "培训成本", "≤26万元", "17.48万元", 10, 10, ""),
    ("效益指标", "社会效益指标", "残疾人就业能力", "有效提升", "部分提升", 20, 14, "部分学员未能就业，下年度加强跟踪服务"),
    ("效益指标", "可持续影响指标", "培训机制长效性", "长期", "长期", 10, 10, ""),
    ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "96%", 10, 10, ""),
]


def national(ws, title_year="（2022年度）", grade="优"):
    ws.append(["项目支出绩效自评表"]); ws.merge_cells("A1:J1")
    ws.append([title_year]); ws.merge_cells("A2:J2")
    ws.append(["项目名称", "2022年残疾人职业技能培训项目"]); ws.merge_cells("B3:J3")
    ws.append(["主管部门", "昆明市残疾人联合会", None, None, None, "实施单位", "昆明市残疾人综合服务中心"])
    ws.merge_cells("B4:E4"); ws.merge_cells("G4:J4")
    ws.append(["项目负责人", "张三", None, None, None, "联系电话", "0871-12345678"])
    ws.append(["项目资金（万元）", None, None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    ws.append([None, "年度资金总额", None, 100, 97.361, 82.050854, 10, 0.8427, 8.43])
    ws.append([None, "其中：当年财政拨款", None, 100, 97.361, 82.050854, "—", "—", "—"])
    ws.append([None, "上年结转资金", None, None, None, None, "—", "—", "—"])
    ws.append([None, "其他资金", None, None, None, None, "—", "—", "—"])
    ws.merge_cells("A6:A10")
    for r in range(6, 11):
        ws.merge_cells(f"B{r}:C{r}")
    ws.cell(7, 8).number_format = "0.00%"
    ws.append(["年度总体目标", "预期目标", None, None, None, "实际完成情况"])
    ws.append([None, "举办残疾人职业技能培训4期，培训残疾人60人次以上，提升就业能力。", None, None, None,
               "举办培训4期，培训114人次，21人实现就业。"])
    ws.merge_cells("A11:A12"); ws.merge_cells("B11:E11"); ws.merge_cells("F11:J11")
    ws.merge_cells("B12:E12"); ws.merge_cells("F12:J12")
    ws.append(["绩效指标", "一级\n指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
               "偏差原因分析及改进措施"])
    first = ws.max_row + 1
    for l1, l2, l3, target, actual, points, score, reason in NATIONAL_ROWS:
        ws.append([None, l1, l2, l3, target, actual, points, score, reason])
    last = ws.max_row
    ws.merge_cells(f"A13:A{last}")
    # 一级 and 二级 merged down over their rows, as in published forms.
    for col in (2, 3):
        start = first
        for r in range(first + 1, last + 2):
            if r > last or ws.cell(r, col).value != ws.cell(start, col).value:
                if r - 1 > start:
                    for rr in range(start + 1, r):
                        ws.cell(rr, col).value = None
                    ws.merge_cells(start_row=start, start_column=col, end_row=r - 1, end_column=col)
                start = r
    ws.append(["总分", None, None, None, None, None, 100, 92.43, None])
    ws.append(["评价等级", None, None, None, None, None, None, grade])
    for row in ws.iter_rows():
        for c in row:
            c.alignment = Alignment(wrap_text=True)


def save(wb, name):
    wb.save(os.path.join(HERE, name))


wb = openpyxl.Workbook(); ws = wb.active; ws.title = "自评表"
national(ws)
save(wb, "national.xlsx")

# The provincial variant: 指标性质 and 计量单位, no 年初预算数, blank "same as above" cells, whole
# points, the satisfaction row as a percentage, an actual copied from the target.
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Sheet1"
ws.append(["2023年度项目支出绩效自评表"])
ws.append(["项目名称：", "农村公路养护项目"])
ws.append(["预算单位：", "某县交通运输局", None, "主管部门：", "某县人民政府"])
ws.append(["项目资金（万元）", None, "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"])
ws.append([None, "资金总额", 500, 431, 10, "86.20%", 9])
ws.append(["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "计量单位", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
ws.append([None, "产出指标", "数量指标", "养护里程", "≥", "公里", 120, 126, 20, 20, ""])
ws.append([None, None, None, "修复坑槽", "≥", "平方米", 3000, 2700, 15, 14, "雨季影响施工"])
ws.append([None, None, "质量指标", "路面完好率", "≥", "%", 90, 93, 15, 15, ""])
ws.append([None, None, "成本指标", "养护成本", "≤", "万元", 500, 431, 10, 10, ""])
ws.append([None, None, "时效指标", "完成时间", "定性", "", "按时完成", "按时完成", 10, 10, ""])
ws.append([None, "效益指标", "社会效益指标", "群众出行条件", "定性", "", "显著改善", "显著改善", 10, 10, ""])
ws.append([None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "%", "≥95%", "≥95%", 10, 10, ""])
ws.append(["合计", None, None, None, None, None, None, None, 100, 98, None])
ws.append(["自评等级：优"])
save(wb, "provincial.xlsx")

# Only the 年度资金总额 row has figures; formulas with no cached values in 得分.
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "自评表"
ws.append(["项目支出绩效自评表"]); ws.append(["（2022年度）"])
ws.append(["项目名称", "社区服务中心运营补助"])
ws.append(["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
ws.append([None, "年度资金总额", 50, 50, 50, 10, "100%", 10])
ws.append([None, "其中：当年财政拨款", None, None, None, None, None, None])
ws.append(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
ws.append([None, "产出指标", "数量指标", "服务人次", "≥5000人次", "5200人次", 50, "=G8", ""])
ws.append([None, "效益指标", "社会效益指标", "服务覆盖", "达到预期", "达到预期", 30, 30, ""])
ws.append([None, "满意度指标", "满意度指标", "居民满意度", "≥90%", "95%", 10, 10, ""])
ws.append(["总分", None, None, None, None, None, 100, 100, None])
save(wb, "total-only.xlsx")

# The national form as legacy .xls (merged cells written the BIFF way).
book = xlwt.Workbook(encoding="utf-8"); sh = book.add_sheet("自评表")
src = openpyxl.load_workbook(os.path.join(HERE, "national.xlsx")).active
merged = [(m.min_row, m.max_row, m.min_col, m.max_col) for m in src.merged_cells.ranges]
done = set()
for r1, r2, c1, c2 in merged:
    v = src.cell(r1, c1).value
    sh.write_merge(r1 - 1, r2 - 1, c1 - 1, c2 - 1, v if v is not None else "")
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            done.add((r, c))
pct = xlwt.easyxf(num_format_str="0.00%")
for row in src.iter_rows():
    for c in row:
        if (c.row, c.column) in done or c.value is None:
            continue
        if c.row == 7 and c.column == 8:
            sh.write(c.row - 1, c.column - 1, c.value, pct)
        else:
            sh.write(c.row - 1, c.column - 1, c.value)
book.save(os.path.join(HERE, "national.xls"))

# Bad files.
with open(os.path.join(HERE, "picture.xlsx"), "wb") as f:  # a PNG renamed
    f.write(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:  # a .docx renamed
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", "<w:document/>")
open(os.path.join(HERE, "letter.xlsx"), "wb").write(buf.getvalue())
wb = openpyxl.Workbook(); ws = wb.active  # a workbook with no indicator table
ws.append(["姓名", "电话"]); ws.append(["张三", "123"])
save(wb, "no-table.xlsx")
# A zip bomb: a sheet that inflates to 200 MiB from a few hundred KiB.
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("xl/workbook.xml", "<workbook/>")
    z.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (200 * 1024 * 1024))
open(os.path.join(HERE, "bomb.xlsx"), "wb").write(buf.getvalue())
# Password-protected (open password 1234).
import msoffcrypto
from msoffcrypto.format.ooxml import OOXMLFile
with open(os.path.join(HERE, "national.xlsx"), "rb") as plain:
    office = OOXMLFile(plain)
    with open(os.path.join(HERE, "password.xlsx"), "wb") as out:
        office.encrypt("1234", out)
print("wrote", sorted(os.listdir(HERE)))
