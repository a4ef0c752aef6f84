"""突发事件处置情况报告: one incident from the call to its closure — the facts, the response times
against the targets, the units dispatched (distance and ETA at dispatch, arrival, release), the
timeline worded in Chinese, and the hand-over to the fire and rescue service (who, to whom, when).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from desktop.domain.errors import NotFound, ValidationError
from desktop.domain.hazard_terms import local_time
from desktop.domain.incident import IncidentStatus, incident_code
from desktop.domain.incident_terms import INCIDENT_SEVERITY_ZH, INCIDENT_STATUS_ZH, INCIDENT_TYPE_ZH, zh
from desktop.domain.progress import Progress
from desktop.domain.squad import SquadUnitKind
from desktop.reports.base import ReportOutcome
from desktop.reports.document import DocumentInfo, build_document, title_block
from desktop.reports.incident_text import describe, km
from desktop.reports.kinds import INCIDENT, IncidentParams
from desktop.reports.report_text import clock, duration, target_verdict
from desktop.reports.styles import GREY, HEADER_FILL, data_table, styles, table_style
from desktop.services.common import Actor, Permission, require
from desktop.services.incident_queries import IncidentDetail, incident_detail
from desktop.services.users import list_users

WIDTH = 174 * mm


def incident_id(text: str) -> int:
    """123, "123" or "JQ000123" → 123; anything else is refused naming the field."""
    raw = str(text).strip().upper()
    digits = raw[2:] if raw.startswith("JQ") else raw
    if not digits.isdigit() or int(digits) <= 0:
        raise ValidationError("incident", f"{text!r} is not an incident number (e.g. 123 or JQ000123)")
    return int(digits)


def facts(d: IncidentDetail, names: dict[str, str]) -> list[Flowable]:
    st = styles()
    r = d.row
    grids = " › ".join(g.name for g in d.grids if g.name)
    rows = [
        ("警情编号", r.code, "当前状态", zh(INCIDENT_STATUS_ZH, r.status)),
        ("警情类型", zh(INCIDENT_TYPE_ZH, r.type), "事件等级", zh(INCIDENT_SEVERITY_ZH, r.severity)),
        ("接警时间", clock(r.reported_at), "接警人", names.get(d.created_by, d.created_by)),
        ("报警人", r.caller or "—", "联系电话", d.phone or "—"),
        ("事发地点", r.address or "—", "所属网格", grids or "—"),
        ("涉及单位", d.enterprise or "—", "合并报警", "、".join(d.merged_from) or "—"),
    ]
    if d.description:
        rows.append(("警情描述", d.description, "", ""))
    out: list[Flowable] = [Paragraph("一、基本情况", st.heading), facts_table(rows)]
    if d.merged_into_code:
        out.append(Paragraph(f"本警情为重复报警，已并入 {d.merged_into_code}。", st.body))
    return out


def facts_table(rows: list[tuple[str, str, str, str]]) -> Table:
    """Label / value pairs, two to a row; a row with one pair spans the width."""
    st = styles()
    label_style = st.cell.clone("fact_label", textColor=GREY)
    cells, spans = [], []
    for n, (k1, v1, k2, v2) in enumerate(rows):
        cells.append([Paragraph(k1, label_style), Paragraph(_escape(v1), st.cell),
                      Paragraph(k2, label_style), Paragraph(_escape(v2), st.cell)])
        if not k2:
            spans.append(("SPAN", (1, n), (3, n)))
    table = Table(cells, colWidths=[20 * mm, 67 * mm, 20 * mm, 67 * mm])
    style = table_style(header_rows=0, zebra=False)
    labels = [("BACKGROUND", (0, n), (0, n), HEADER_FILL) for n in range(len(rows))]
    labels += [("BACKGROUND", (2, n), (2, n), HEADER_FILL) for n, row in enumerate(rows) if row[2]]
    for cmd in [*spans, *labels]:
        style.add(*cmd)
    table.setStyle(style)
    return table


def response(d: IncidentDetail) -> list[Flowable]:
    st = styles()
    t = d.row.response
    day = local_time(d.row.reported_at).date()
    rows = [
        ("接警 → 首次调度", clock(d.row.reported_at, day), clock(d.dispatched_at, day), duration(t.call_to_dispatch_s),
         f"≤ {duration(t.dispatch_target_s)}", target_verdict(t.call_to_dispatch_s, t.dispatch_target_s)),
        ("首次调度 → 首支力量到场", clock(d.dispatched_at, day), clock(d.arrived_at, day),
         duration(t.dispatch_to_arrival_s), f"≤ {duration(t.arrival_target_s)}",
         target_verdict(t.dispatch_to_arrival_s, t.arrival_target_s)),
        ("接警 → 到场（合计）", clock(d.row.reported_at, day), clock(d.arrived_at, day), duration(t.call_to_arrival_s),
         "—", "—"),
    ]
    return [Paragraph("二、响应时间", st.heading),
            data_table(["环节", "起", "止", "用时", "目标", "评价"], rows,
                       [46 * mm, 30 * mm, 30 * mm, 24 * mm, 24 * mm, 20 * mm], wrap=[0],
                       align={3: "CENTER", 4: "CENTER", 5: "CENTER"})]


def dispatches(d: IncidentDetail) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [Paragraph(f"三、出动力量（{len(d.dispatches)}）", st.heading)]
    if not d.dispatches:
        out.append(Paragraph("未调派突击队力量。", st.body))
        return out
    rows = []
    day = local_time(d.row.reported_at).date()
    for n, x in enumerate(d.dispatches, 1):
        kind = "队员" if x.kind is SquadUnitKind.MEMBER else "车辆"
        travel = (x.arrived_at - x.dispatched_at).total_seconds() if x.arrived_at else None
        note = "下班人员经确认派出" if x.override_off_duty else ("突破最低待命" if x.override_min_free else "")
        rows.append((n, f"{x.name}\n{x.call_sign}" if x.call_sign else x.name, f"{x.sub_squad}·{kind}",
                     clock(x.dispatched_at, day), km(x.distance_m), duration(x.eta_s), clock(x.arrived_at, day),
                     duration(travel), clock(x.released_at, day) if x.released_at else "在岗", note + (f"：{x.override_reason}" if note and x.override_reason else "")))
    out.append(data_table(["序号", "力量", "所属", "派出时间", "派出距离", "预计用时", "到场时间", "实际用时", "撤离时间", "备注"],
                          rows, [9 * mm, 28 * mm, 24 * mm, 15 * mm, 16 * mm, 16 * mm, 15 * mm, 16 * mm, 16 * mm, 19 * mm],
                          wrap=[2, 3, 6, 8, 9], align={0: "CENTER", 4: "CENTER", 5: "CENTER", 7: "CENTER"}))
    return out


def timeline(d: IncidentDetail, names: dict[str, str]) -> list[Flowable]:
    st = styles()
    day = local_time(d.row.reported_at).date()  # times on the day of the call without the date
    rows = [(n, clock(e.at, day), names.get(e.actor, e.actor), describe(e)) for n, e in enumerate(d.timeline, 1)]
    return [Paragraph("四、处置经过", st.heading),
            data_table(["序号", "时间", "记录人", "经过"], rows, [9 * mm, 27 * mm, 22 * mm, 116 * mm], wrap=[1, 2, 3],
                       align={0: "CENTER"})]


def hand_over(d: IncidentDetail, names: dict[str, str]) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [Paragraph("五、移交与结案", st.heading)]
    who = next((names.get(e.actor, e.actor) for e in d.timeline if e.data.get("to") == IncidentStatus.HANDED_OVER), "")
    if d.handed_over_at is not None:
        out.append(Paragraph(f"{clock(d.handed_over_at)}，由{who or '值班员'}将现场移交{_escape(d.handed_over_to)}，"
                             "突击队完成前期处置。", st.body))
    else:
        out.append(Paragraph("本警情未移交消防救援力量。", st.body))
    if d.closed_at is not None:
        reason = f"，结案说明：{_escape(d.close_reason)}" if d.close_reason else ""
        out.append(Paragraph(f"{clock(d.closed_at)} 结案{reason}。", st.body))
    else:
        out.append(Paragraph(f"截至报告生成时，警情仍在处置中（{zh(INCIDENT_STATUS_ZH, d.row.status)}）。", st.body))
    out += [Spacer(1, 8 * mm), Paragraph("填报人：＿＿＿＿＿＿　　审核：＿＿＿＿＿＿　　签发：＿＿＿＿＿＿", st.body)]
    return out


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_incident(uow, actor: Actor, params: IncidentParams, out: Path,
                   progress: Progress | None = None) -> ReportOutcome:
    """The report of one incident into `out`; an unknown number is refused naming the field."""
    require(actor, Permission.READ)
    ident = incident_id(params.incident)
    try:
        d = incident_detail(uow, ident)
    except NotFound:
        raise ValidationError("incident", f"there is no incident {incident_code(ident)}") from None
    names = {u.username: u.display_name for u in list_users(uow)}
    r = d.row
    info = DocumentInfo(INCIDENT.title, local_time(r.reported_at).date(),
                        subtitle=f"{r.code} · {zh(INCIDENT_TYPE_ZH, r.type)} · {zh(INCIDENT_SEVERITY_ZH, r.severity)}",
                        subject=f"突发事件处置情况报告 {r.code}", keywords=("突发事件", r.code))
    story = [*title_block(info), *facts(d, names), *response(d), *dispatches(d), *timeline(d, names),
             *hand_over(d, names)]
    return build_document(out, info, story, progress=progress, expected_pages=2,
                          summary=f"{r.code}, {len(d.timeline)} timeline entries")
