#!/usr/bin/env python3
"""Writes the filled 项目支出绩效目标执行监控表 fixtures under tests/monitoring/ (committed; rerun only
to change them). Needs openpyxl (scripts/install-tools installs it).

Two layouts seen in the provincial systems (../shared/spec/MONITORING.md):
- central.xlsx: the central departments' form — 年度资金总额 / 其中：财政拨款 / 其他资金, 1-7月执行数,
  执行进度, 全年预计执行数, 偏差原因分析; the indicator table with 1-7月执行情况, 全年预计完成情况,
  偏差原因分析 over five marked columns (经费保障 … 其他) and 完成目标可能性 over three marked
  columns (确定能 / 有可能 / 完全不可能); the title says only (2026年1-7月), so the round is 31 July.
- provincial.xlsx: a province's form — 截至2026年6月30日 in the title, 指标性质 and 计量单位,
  当前完成值, 全年预计完成值, 完成目标可能性 as words, one 偏差原因 column of words, 预警, blank
  "same as above" cells, a qualitative row written with the tier phrase.
- undated.xlsx: no year anywhere but a deadline (2026年11月30日前) and 1-9月 in the titles: the round
  is 30 September of the deadline's year.
"""
import os
import openpyxl

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "monitoring")
os.makedirs(HERE, exist_ok=True)


def central():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "监控表"
    ws.append(["项目支出绩效目标执行监控表"]); ws.merge_cells("A1:P1")
    ws.append(["（2026年1-7月）"]); ws.merge_cells("A2:P2")
    ws.append(["项目名称", None, "2026年残疾人职业技能培训项目"]); ws.merge_cells("C3:P3")
    ws.append(["主管部门及代码", None, "市残疾人联合会", None, None, None, None, "实施单位", None, "市残疾人综合服务中心"])
    ws.append(["项目资金（万元）", None, None, "年初预算数", "全年预算数", "1-7月执行数", "执行进度", "全年预计执行数", "偏差原因分析"])
    ws.merge_cells("I5:P5")
    ws.append([None, "年度资金总额", None, 100, 100, 40, 0.4, 95, "培训集中在下半年"])
    ws.merge_cells("I6:P6")
    ws.append([None, "其中：财政拨款", None, 80, 80, 30, 0.375, 80, None])
    ws.append([None, "其他资金", None, 20, 20, 10, 0.5, 15, "社会捐赠到位晚"])
    ws.append(["年度总体目标", None, "预期目标", None, None, None, None, None, "1-7月执行情况"])
    ws.merge_cells("C9:H9"); ws.merge_cells("I9:P9")
    ws.append([None, None, "全年培训残疾人 200 人次", None, None, None, None, None, "已培训 80 人次"])
    ws.merge_cells("C10:H10"); ws.merge_cells("I10:P10"); ws.merge_cells("A9:B10")
    ws.append(["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况",
               "偏差原因分析", None, None, None, None, "完成目标可能性", None, None, "备注"])
    ws.append([None, None, None, None, None, None, "经费保障", "制度保障", "人员保障", "硬件条件保障", "其他",
               "确定能", "有可能", "完全不可能", None])
    for col in "ABCDEFO":
        ws.merge_cells(f"{col}11:{col}12")
    ws.merge_cells("G11:K11"); ws.merge_cells("L11:N11")
    rows = [
        ("产出指标", "数量指标", "培训人次", "≥200人次", "80人次", "200人次", "", "", "√", "", "", "", "√", "", ""),
        ("产出指标", "数量指标", "培训期数", "6期", "2期", "6期", "√", "", "", "", "", "√", "", "", ""),
        ("产出指标", "质量指标", "培训合格率", "≥95%", "96%", "96%", "", "", "", "", "", "√", "", "", ""),
        ("产出指标", "时效指标", "完成时间", "2026年11月30日前", "未完成", "按时完成", "", "", "", "", "", "√", "", "", ""),
        ("产出指标", "成本指标", "人均培训成本", "≤0.5万元", "0.45万元", "0.48万元", "", "", "", "", "", "√", "", "", ""),
        ("效益指标", "社会效益指标", "就业能力提升", "有效提升", "部分达成", "达成", "", "", "", "", "√", "", "√", "", "学员就业跟踪中"),
        ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "", "92%", "", "", "", "", "", "√", "", "", "年底调查"),
    ]
    for r in rows:
        ws.append(list(r))
    wb.save(os.path.join(HERE, "central.xlsx"))


def provincial():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2026年度项目支出绩效目标执行监控表（截至2026年6月30日）"]); ws.merge_cells("A1:M1")
    ws.append(["项目名称：道路养护项目", None, None, None, None, None, "项目单位：区公路所"])
    ws.append(["项目资金（万元）", None, "年初预算数", "全年预算数", "当前执行数", "执行进度", "全年预计执行数", "偏差原因"])
    ws.append(["资金总额", None, 500, 500, 200, "40%", 480, "工程款按进度支付"])
    ws.append(["年度总体目标", None, "完成 30 公里道路养护", None, None, None, "当前完成情况", "完成 12 公里"])
    ws.append(["一级指标", "二级指标", "三级指标", "指标性质", "计量单位", "年度指标值", "分值", "当前完成值",
               "全年预计完成值", "完成目标可能性", "偏差原因", "预警", "备注"])
    rows = [
        ("产出指标", "数量指标", "养护里程", "≥", "公里", "30", 20, "12", "30", "确定能", "", "黄灯", ""),
        (None, None, "路面修补面积", "≥", "平方米", "5000", 10, "1000", "4000", "有可能", "经费保障、人员保障", "红灯", ""),
        (None, "质量指标", "验收合格率", "≥", "%", "98", 10, "99", "99", "确定能", "", "绿灯", ""),
        (None, "成本指标", "每公里成本", "≤", "万元", "16", 10, "15", "16.5", "完全不可能", "材料涨价，预计超支", "绿灯", ""),
        ("效益指标", "社会效益指标", "通行条件改善", "定性", "", "明显改善", 20, "部分达成并具有一定效果", "达成", "确定能", "", "黄灯", ""),
        (None, "可持续影响指标", "养护机制", "定性", "", "长效", 10, "", "", "", "", "", ""),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "%", "90", 20, "", "", "确定能", "", "", "年底调查"),
        ("合计", None, None, None, None, None, 100),
    ]
    for r in rows:
        ws.append(list(r))
    wb.save(os.path.join(HERE, "provincial.xlsx"))


def undated():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目支出绩效目标执行监控表"])
    ws.append(["项目名称", "社区养老服务"])
    ws.append(["一级指标", "二级指标", "三级指标", "年度指标值", "分值", "1-9月完成值", "全年预计完成值", "完成目标可能性", "原因说明"])
    ws.append(["产出指标", "数量指标", "服务人次", "≥1000人次", 40, "600", "900", "有可能", "冬季服务集中在四季度"])
    ws.append(["产出指标", "时效指标", "完成时间", "2026年11月30日前", 30, "", "按时完成", "确定能", ""])
    ws.append(["满意度指标", "服务对象满意度指标", "满意度", "≥90%", 30, "", "", "", ""])
    wb.save(os.path.join(HERE, "undated.xlsx"))


central()
provincial()
undated()
