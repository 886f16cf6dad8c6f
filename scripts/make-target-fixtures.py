#!/usr/bin/env python3
"""Writes the fixture 绩效目标申报表 workbooks under tests/targets/ (committed; rerun only to change them).

Needs openpyxl from PyPI:  pip install openpyxl
Two layouts of the form as published by district finance bureaus:
- national.xlsx: the national layout, money in 万元, one 年度指标值 column written the way the forms
  print it (=100.00(%), ≥90.00(%), 985米, 合理), a 分值 column, and the lines under the table
  (填报人, 联系电话, 填报日期, 审核人, 注：) that are not indicators;
- provincial.xlsx: money in 元, 指标性质 + 指标值 + 计量单位 in three columns, no 分值, the 项目期限 as one
  cell, 成本 under 产出 as older forms put it;
- flawed.xlsx: the national layout with what a review sends back: a vague target (有效提升 on a 率), a
  时效 written 及时, a placeholder, the funds that do not add up, a cost written with ≥, a 合格率 above 100.
"""
import os
import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "targets")
os.makedirs(HERE, exist_ok=True)

NATIONAL_ROWS = [
    # 一级, 二级, 三级, 年度指标值, 分值
    ("产出指标", "数量指标", "举办培训期数", "≥4期", 10),
    ("产出指标", "数量指标", "培训人数", "≥60人次", 10),
    ("产出指标", "数量指标", "培训场地面积", "985米", 5),
    ("产出指标", "质量指标", "培训合格率", "≥95.00(%)", 10),
    ("产出指标", "质量指标", "资金使用合规率", "=100.00(%)", 5),
    ("产出指标", "时效指标", "培训完成时间", "2026年11月30日前", 10),
    ("成本指标", "经济成本指标", "人均培训成本", "≤2000元", 10),
    ("效益指标", "社会效益指标", "残疾人就业率", "≥30.00(%)", 10),
    ("效益指标", "社会效益指标", "培训安排", "合理", 10),
    ("效益指标", "可持续影响指标", "培训机制", "健全", 10),
    ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90.00(%)", 10),
]

FLAWED_ROWS = [
    ("产出指标", "数量指标", "举办培训期数", "≥4期", 15),
    ("产出指标", "质量指标", "培训合格率", "≥105%", 15),
    ("产出指标", "时效指标", "培训完成时间", "及时", 10),
    ("成本指标", "经济成本指标", "人均培训成本", "≥2000元", 10),
    ("效益指标", "社会效益指标", "残疾人就业率", "有效提升", 20),
    ("效益指标", "可持续影响指标", "培训机制", "*", 10),
    ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", 20),
]

PROVINCIAL_ROWS = [
    # 一级, 二级, 三级, 指标性质, 指标值, 计量单位
    ("产出指标", "数量指标", "公路养护里程", "≥", "1200", "公里"),
    ("产出指标", "数量指标", "桥梁检测座数", "=", "36", "座"),
    ("产出指标", "质量指标", "优良路率", "≥", "85", "%"),
    ("产出指标", "时效指标", "养护工程完成时间", "≤", "2026年10月31日", "/"),
    ("产出指标", "成本指标", "每公里养护成本", "≤", "8500", "元"),
    ("效益指标", "社会效益指标", "道路通行条件", "定性", "改善", "/"),
    ("效益指标", "可持续影响指标", "养护长效机制", "定性", "健全", "/"),
    ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", "90", "%"),
]

FOOTER = [
    "填报人：李四          联系电话：0871-87654321          填报日期：2025年10月20日",
    "审核人：王五          单位负责人：赵六",
    "注：1.年度指标值按“指标性质+数值+计量单位”填写；2.定性指标填写“达成/部分达成/未达成”的具体标准。",
]


def center(ws):
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")


def national(path, rows, funds, money="万元", goal="举办残疾人职业技能培训4期，培训残疾人60人次以上，就业率达到30%。"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标申报表"
    ws.append(["项目支出绩效目标申报表"]); ws.merge_cells("A1:G1")
    ws["A1"].font = Font(bold=True, size=16)
    ws.append(["（2026年度）"]); ws.merge_cells("A2:G2")
    ws.append(["填报单位（盖章）：昆明市残疾人综合服务中心", None, None, None, None, f"单位：{money}"])
    ws.merge_cells("A3:E3"); ws.merge_cells("F3:G3")
    ws.append(["项目名称", "2026年残疾人职业技能培训项目"]); ws.merge_cells("B4:G4")
    ws.append(["项目性质", "经常性", None, "项目类别", "其他"]); ws.merge_cells("B5:C5"); ws.merge_cells("E5:G5")
    ws.append(["主管部门", "昆明市残疾人联合会", None, "实施单位", "昆明市残疾人综合服务中心"])
    ws.merge_cells("B6:C6"); ws.merge_cells("E6:G6")
    ws.append(["计划开始日期", "2026-01-01", None, "计划完成日期", "2026-12-31"])
    ws.merge_cells("B7:C7"); ws.merge_cells("E7:G7")
    total, fiscal, other, annual, current, carried, annual_other = funds
    ws.append([f"项目资金（{money}）", "项目资金总额", total, "年度资金申请总额", None, annual])
    ws.append([None, "其中：财政资金", fiscal, "其中：当年财政拨款", None, current])
    ws.append([None, "其他资金", other, "上年结转资金", None, carried])
    ws.append([None, None, None, "其他资金", None, annual_other])
    ws.merge_cells("A8:A11")
    for r in range(8, 12):
        ws.merge_cells(f"D{r}:E{r}"); ws.merge_cells(f"F{r}:G{r}")
    ws.append(["项目总体目标", "通过三年培训，使有就业意愿的残疾人普遍掌握一项职业技能。"]); ws.merge_cells("B12:G12")
    ws.append(["年度总体目标", goal]); ws.merge_cells("B13:G13")
    ws.append(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "分值", "备注"])
    first = ws.max_row + 1
    for l1, l2, l3, target, points in rows:
        ws.append([None, l1, l2, l3, target, points, None])
        # A text cell, as the forms keep =100.00(%): openpyxl would take it for a formula.
        ws.cell(ws.max_row, 5).data_type = "s"
    last = ws.max_row
    ws.merge_cells(f"A14:A{last}")
    for col in (2, 3):
        start = first
        for r in range(first + 1, last + 2):
            here = ws.cell(r, col).value if r <= last else None
            if r > last or here != ws.cell(start, col).value:
                if r - 1 > start:
                    for rr in range(start + 1, r):
                        ws.cell(rr, col).value = None
                    ws.merge_cells(start_row=start, start_column=col, end_row=r - 1, end_column=col)
                start = r
    for line in FOOTER:
        ws.append([line]); ws.merge_cells(f"A{ws.max_row}:G{ws.max_row}")
    center(ws)
    for col, width in zip("ABCDEFG", (12, 14, 18, 22, 18, 8, 10)):
        ws.column_dimensions[col].width = width
    wb.save(path)


def provincial(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标表"
    ws.append(["2026年度项目绩效目标表"]); ws.merge_cells("A1:H1")
    ws.append([None, None, None, None, None, None, "金额单位：元"])
    ws.append(["项目名称", "农村公路养护工程"]); ws.merge_cells("B3:H3")
    ws.append(["主管部门", "某县交通运输局", None, None, "实施单位", "某县公路养护中心"])
    ws.merge_cells("B4:D4"); ws.merge_cells("F4:H4")
    ws.append(["项目性质", "经常性", None, None, "项目期限", "2026-01-01至2026-12-31"])
    ws.merge_cells("B5:D5"); ws.merge_cells("F5:H5")
    ws.append(["项目资金", "项目资金总额", 10200000, None, "年度资金申请总额", 10200000])
    ws.append([None, "财政资金", 10200000, None, "当年财政拨款", 9800000])
    ws.append([None, "其他资金", 0, None, "上年结转资金", 400000])
    ws.merge_cells("A6:A8")
    ws.append(["年度总体目标", "完成1200公里农村公路日常养护，优良路率达到85%以上，保障群众安全便捷出行。"])
    ws.merge_cells("B9:H9")
    ws.append(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "指标解释", "备注"])
    for l1, l2, l3, nature, value, unit in PROVINCIAL_ROWS:
        ws.append([l1, l2, l3, nature, value, unit, None, None])
    ws.append(["填报人：李四", None, None, "联系电话：0871-87654321", None, "填报日期：2025-10-20"])
    center(ws)
    for col, width in zip("ABCDEFGH", (12, 16, 20, 8, 16, 8, 12, 8)):
        ws.column_dimensions[col].width = width
    wb.save(path)


national(os.path.join(HERE, "national.xlsx"), NATIONAL_ROWS, (120, 110, 10, 100, 90, 10, 0))
national(os.path.join(HERE, "flawed.xlsx"), FLAWED_ROWS, (120, 100, 10, 130, 90, 10, 0), goal="")
provincial(os.path.join(HERE, "provincial.xlsx"))
print("wrote", sorted(os.listdir(HERE)))
