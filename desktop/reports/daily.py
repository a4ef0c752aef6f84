"""安全生产值班日报: the duty daily / situation report for a day or a duty shift.

One portrait A4 document: the headline figures with their change since the previous report (the
day or shift before), the district map with hazards and incidents, open hazards by street and
the 7-day trend, the major hazards open, the incidents with dispatches and response times
against the targets, the squad now, and the sign-off lines. A quiet period still gives a report,
with zeros and a plain "本日无新增隐患…" line: a duty daily is issued every day.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop.domain.hazard_terms import CATEGORY_ZH, STATUS_ZH, local_time
from desktop.domain.incident_terms import (
    INCIDENT_SEVERITY_ZH,
    INCIDENT_STATUS_ZH,
    INCIDENT_TYPE_ZH,
    SHIFT_ZH,
    zh,
)
from desktop.domain.progress import Progress
from desktop.domain.squad import SquadUnitKind, VehicleStatus
from desktop.reports.base import ReportOutcome
from desktop.reports.charts import street_bars, trend_lines
from desktop.reports.district_map import district_map
from desktop.reports.document import DocumentInfo, build_document, title_block
from desktop.reports.kinds import DAILY, DailyParams
from desktop.reports.report_text import change, clock, duration, share, signed, target_verdict
from desktop.reports.styles import GREY, HEADER_FILL, INK, RULE, data_table, styles
from desktop.services.common import Actor
from desktop.services.situation import IncidentLine, Situation, situation

WIDTH = 174 * mm  # the portrait frame
MAP_H = 130 * mm


def words(s: Situation) -> tuple[str, str]:
    """("本日", "上日") or ("本班", "上一班")."""
    return ("本日", "上日") if s.period.shift is None else ("本班", "上一班")


def period_text(s: Situation) -> str:
    p = s.period
    start, end = local_time(p.start), local_time(p.end)
    span = f"{start:%H:%M}—" + ("24:00" if p.shift is None else (
        f"{end:%H:%M}" if end.date() == start.date() else f"次日{end:%H:%M}"))
    text = f"统计时段：{'全天' if p.shift is None else SHIFT_ZH[p.shift]} {span}"
    if s.as_at < p.end:
        text += f"（截至 {local_time(s.as_at):%H:%M}）"
    return text


def as_at_text(s: Situation) -> str:
    if s.as_at < s.period.end:
        return f"截至 {local_time(s.as_at):%H:%M}"
    return "截至 24:00" if s.period.shift is None else f"截至交班（{local_time(s.period.end):%H:%M}）"


def overview(s: Situation) -> list[Flowable]:
    st = styles()
    this, prev = words(s)
    h, b = s.hazards, s.hazards_before
    out: list[Flowable] = [Paragraph("一、总体情况", st.heading)]
    if s.quiet:
        out.append(Paragraph(f"<font color='#c00000'>{this}无新增隐患，无隐患销号，未接报突发事件。</font>", st.body))
    sentences = [
        f"{this}新发现隐患 {h.found} 条（{change(h.found, b.found, '条', prev)}），"
        f"销号 {h.closed} 条（{change(h.closed, b.closed, '条', prev)}）；",
        f"{as_at_text(s)}，全区在办隐患 {h.open} 条，其中逾期未整改 {h.overdue} 条"
        f"（{change(h.overdue, b.overdue, '条', prev)}），重大隐患 {h.major_open} 条。",
    ]
    r = s.response
    if s.incidents:
        members = sum(1 for i in s.incidents for d in i.dispatches if d.kind is SquadUnitKind.MEMBER)
        vehicles = sum(1 for i in s.incidents for d in i.dispatches if d.kind is SquadUnitKind.VEHICLE)
        sentences.append(
            f"{this}接报突发事件 {len(s.incidents)} 起（{change(len(s.incidents), s.incidents_before, '起', prev)}），"
            f"出动突击队员 {members} 人次、车辆 {vehicles} 台次；调度用时中位数 {duration(r.median_call_to_dispatch_s)}，"
            f"到场用时中位数 {duration(r.median_dispatch_to_arrival_s)}。")
    else:
        sentences.append(f"{this}未接报突发事件（{prev} {s.incidents_before} 起）。")
    available = sum(q.available for q in s.squad)
    sentences.append(f"应急救援突击队当前待命 {available} 人。")
    out += [Paragraph("".join(sentences), st.body), Spacer(1, 3 * mm), figure_tiles(s)]
    return out


def figure_tiles(s: Situation) -> Table:
    """Six headline figures in boxes: the number, what it counts, its change since the previous report."""
    st = styles()
    _, prev = words(s)
    h, b = s.hazards, s.hazards_before
    figures = [("新发现隐患", h.found, b.found), ("销号隐患", h.closed, b.closed), ("在办隐患", h.open, b.open),
               ("逾期未整改", h.overdue, b.overdue), ("在办重大隐患", h.major_open, b.major_open),
               ("突发事件", len(s.incidents), s.incidents_before)]
    big = st.title.clone("tile", fontSize=20, leading=24, spaceBefore=0, spaceAfter=0)
    label = st.small.clone("tile_label", alignment=1, textColor=INK, fontSize=9)
    note = st.small.clone("tile_note", alignment=1)
    row = [[Paragraph(str(now), big), Paragraph(name, label), Paragraph(f"较{prev} {signed(now, before)}", note)]
           for name, now, before in figures]
    table = Table([row], colWidths=[WIDTH / 6] * 6)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), st.font), ("BOX", (0, 0), (-1, -1), 0.8, INK), ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
                               ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def map_figure(s: Situation) -> list[Flowable]:
    st = styles()
    caption = st.small.clone("caption", alignment=1, textColor=GREY)
    drawing = district_map(s.streets, s.map_hazards, s.map_incidents, WIDTH, MAP_H)
    return [Spacer(1, 4 * mm), KeepTogether([drawing, Paragraph(
        f"图1　泉山区隐患与突发事件分布（{as_at_text(s)}；隐患位置为隐患所在地点）", caption)])]


def hazard_section(s: Situation) -> list[Flowable]:
    st = styles()
    this, _ = words(s)
    out: list[Flowable] = [CondPageBreak(90 * mm), Paragraph("二、隐患排查治理", st.heading)]
    busiest = sorted(s.by_street, key=lambda c: (-c.open, c.street_id))[:3]
    found = [f"{c.name} {c.found} 条" for c in s.by_street if c.found]
    text = (f"{this}新发现隐患分布：{'、'.join(found)}。" if found else f"{this}无新增隐患。")
    text += "在办隐患较多的街道（园区）：" + "、".join(f"{c.name}（{c.open} 条，逾期 {c.overdue} 条）" for c in busiest) + "。"
    out.append(Paragraph(text, st.body))
    bars = street_bars([(c.name, c.open, c.overdue) for c in s.by_street], WIDTH / 2 - 2 * mm, 84 * mm,
                       f"图2　各街道（园区）在办隐患（{as_at_text(s)}）")
    lines = trend_lines([(f"{d.day.month}-{d.day.day:02d}", d.found, d.closed) for d in s.trend],
                        WIDTH / 2 - 2 * mm, 84 * mm, "图3　近7日新发现与销号隐患")
    charts = Table([[bars, lines]], colWidths=[WIDTH / 2] * 2)
    charts.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), st.font), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    out += [Spacer(1, 2 * mm), charts, Paragraph(f"在办重大隐患清单（{len(s.majors)} 条）", st.heading)]
    if not s.majors:
        out.append(Paragraph("当前无在办重大隐患。", st.body))
        return out
    rows = [(n, m.row.code, m.row.place, m.row.street, CATEGORY_ZH[m.row.category], m.row.department or "—",
             m.at.deadline.isoformat() if m.at.deadline else "—",
             STATUS_ZH[m.at.status] + (f"，逾期{m.overdue_days}天" if m.overdue_days else ""))
            for n, m in enumerate(s.majors, 1)]
    out.append(data_table(["序号", "隐患编号", "企业/地点", "街道（园区）", "类别", "责任部门", "整改期限", "状态"], rows,
                          [9 * mm, 26 * mm, 39 * mm, 20 * mm, 22 * mm, 21 * mm, 19 * mm, 18 * mm],
                          wrap=[2, 3, 4, 5, 7], align={0: "CENTER", 6: "CENTER"}))
    return out


def _units(line: IncidentLine) -> str:
    members = [d.name for d in line.dispatches if d.kind is SquadUnitKind.MEMBER]
    vehicles = [d.name for d in line.dispatches if d.kind is SquadUnitKind.VEHICLE]
    if not members and not vehicles:
        return "未出动"
    text = "、".join(members) + (f"（{len(members)}人）" if members else "")
    return text + ("；" if members and vehicles else "") + "、".join(vehicles)


def _outcome(line: IncidentLine) -> str:
    status = zh(INCIDENT_STATUS_ZH, line.row.status)
    if line.handed_over_to:
        return f"{status}（{clock(line.handed_over_at)} 移交{line.handed_over_to}）"
    return status


def incident_section(s: Situation) -> list[Flowable]:
    st = styles()
    this, _ = words(s)
    r = s.response
    out: list[Flowable] = [CondPageBreak(60 * mm), Paragraph("三、突发事件处置", st.heading)]
    if not s.incidents:
        out.append(Paragraph(f"{this}未接报突发事件。" + (f"另有重复报警 {s.merged} 起已并案。" if s.merged else ""), st.body))
        return out
    out.append(Paragraph(
        f"{this}接报 {len(s.incidents)} 起" + (f"（另有重复报警 {s.merged} 起已并案）" if s.merged else "")
        + f"。响应目标：接警至调度不超过 {duration(r.dispatch_target_s)}，调度至到场不超过 {duration(r.arrival_target_s)}；"
        f"调度达标率 {share(r.dispatch_within_target)}，到场达标率 {share(r.arrival_within_target)}。", st.body))
    day = s.period.day
    rows = [(f"{i.row.code}\n{clock(i.row.reported_at, day)}",
             f"{zh(INCIDENT_TYPE_ZH, i.row.type)}\n{zh(INCIDENT_SEVERITY_ZH, i.row.severity)}",
             f"{i.row.street} {i.row.address}", _units(i),
             f"{duration(i.row.response.call_to_dispatch_s)}\n{target_verdict(i.row.response.call_to_dispatch_s, r.dispatch_target_s)}",
             f"{duration(i.row.response.dispatch_to_arrival_s)}\n{target_verdict(i.row.response.dispatch_to_arrival_s, r.arrival_target_s)}",
             _outcome(i))
            for i in s.incidents]
    out.append(data_table(["警情编号/接警时间", "类型/等级", "地点", "出动力量", "调度用时", "到场用时", "处置情况"], rows,
                          [24 * mm, 26 * mm, 35 * mm, 33 * mm, 16 * mm, 16 * mm, 24 * mm],
                          wrap=[2, 3, 6], align={0: "CENTER", 1: "CENTER", 4: "CENTER", 5: "CENTER"}))
    return out


def squad_section(s: Situation) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [CondPageBreak(45 * mm), Paragraph("四、应急救援突击队", st.heading)]
    ready = {q.id: sum(1 for v in s.vehicles if v.sub_squad_id == q.id and v.status == VehicleStatus.AVAILABLE)
             for q in s.squad}
    rows = []
    for q in s.squad:
        notes = [x for x in ("待命人数低于下限" if q.below_min_free else "",
                             f"{q.stale}人状态超时未报" if q.stale else "") if x]
        rows.append((q.name, q.captain or "—", q.total, q.available, q.engaged, q.training, q.off_duty, q.leave,
                     f"{ready[q.id]}/{q.vehicles}", "；".join(notes) or "正常"))
    total = [sum(getattr(q, f) for q in s.squad) for f in ("total", "available", "engaged", "training", "off_duty", "leave")]
    rows.append(("合计", "", *total, f"{sum(ready.values())}/{len(s.vehicles)}", ""))
    out.append(Paragraph(f"力量状态（{clock(s.generated_at)} 实时）：", st.body))
    out.append(data_table(["中队", "中队长", "在册", "待命", "出勤", "训练", "下班", "请假", "车辆(可用/总)", "备注"], rows,
                          [20 * mm, 20 * mm, 13 * mm, 13 * mm, 13 * mm, 13 * mm, 13 * mm, 13 * mm, 22 * mm, 34 * mm],
                          wrap=[9], align={i: "CENTER" for i in range(2, 9)}))
    return out


def sign_off(s: Situation) -> list[Flowable]:
    st = styles()
    line = st.body.clone("sign", spaceBefore=14)
    made = local_time(s.generated_at)
    return [Paragraph("值班员：＿＿＿＿＿＿　　带班领导：＿＿＿＿＿＿　　签发：＿＿＿＿＿＿", line),
            Paragraph("报送：区应急管理局领导，区安委会各成员单位；抄送：各街道（园区）安委办。", st.body),
            Paragraph(f"（本日报由值班系统于 {made:%Y-%m-%d %H:%M} 生成，数据以系统记录为准。）",
                      st.small.clone("made", textColor=GREY, spaceBefore=4))]


def build_daily(uow, actor: Actor, params: DailyParams, out: Path,
                progress: Progress | None = None) -> ReportOutcome:
    """The duty daily for `params.day` (or one shift of it) into `out`; always issued."""
    if progress is not None:
        progress.report(0, 0, "汇总值班数据")
    s = situation(uow, actor, params.day, params.shift)
    if progress is not None:
        progress.check()
    info = DocumentInfo(DAILY.title, params.day, subtitle=period_text(s), subject=f"值班日报 {params.day.isoformat()}",
                        keywords=("值班日报", "安全生产", params.day.isoformat()))
    story = [*title_block(info), *overview(s), *map_figure(s), *hazard_section(s), *incident_section(s),
             *squad_section(s), *sign_off(s)]
    what = "quiet period" if s.quiet else f"{s.hazards.found} hazards found, {len(s.incidents)} incidents"
    return build_document(out, info, story, progress=progress, expected_pages=4, summary=what)


__all__ = ["build_daily", "period_text"]
