<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>AdminScreen</name>
    <message>
      <source>Responsibility boundaries</source>
      <translation>责任边界</translation>
    </message>
    <message>
      <source>Supervision gaps</source>
      <translation>监管空白</translation>
    </message>
    <message>
      <source>District-direct list</source>
      <translation>区级直管清单</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Could not load the administration lists: {reason}</source>
      <translation>无法加载管理清单：{reason}</translation>
    </message>
    <message>
      <source>Supervision gaps ({industries} industries, {enterprises} enterprises)</source>
      <translation>监管空白（{industries} 个行业，{enterprises} 家企业）</translation>
    </message>
    <message>
      <source>Supervision gaps (none)</source>
      <translation>监管空白（无）</translation>
    </message>
    <message>
      <source>District-direct list ({n})</source>
      <translation>区级直管清单（{n}）</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>SafeGrid cannot start</source>
      <translation>SafeGrid 无法启动</translation>
    </message>
  </context>
  <context>
    <name>AssignDialog</name>
    <message>
      <source>Re-assign {code}</source>
      <translation>重新指派 {code}</translation>
    </message>
    <message>
      <source>Assign rectification of {code}</source>
      <translation>落实整改 {code}</translation>
    </message>
    <message>
      <source>Assign</source>
      <translation>指派整改</translation>
    </message>
    <message>
      <source>Responsible party</source>
      <translation>整改责任人</translation>
    </message>
    <message>
      <source>Person or unit responsible for the rectification</source>
      <translation>负责整改的人员或单位</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <source>Default for a {severity}: {day}</source>
      <translation>{severity}默认期限：{day}</translation>
    </message>
    <message>
      <source>Rectification plan</source>
      <translation>整改方案</translation>
    </message>
    <message>
      <source>A major hazard needs its rectification plan attached.</source>
      <translation>重大隐患须附整改方案。</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>AttachDialog</name>
    <message>
      <source>Attach files to {code}</source>
      <translation>补充材料 {code}</translation>
    </message>
    <message>
      <source>Attach</source>
      <translation>上传</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>材料类型</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
  </context>
  <context>
    <name>AttachmentViewer</name>
    <message>
      <source>{name} ({mime}) cannot be shown here: save it and open it with its program.</source>
      <translation>{name}（{mime}）无法在此显示：请另存后用相应程序打开。</translation>
    </message>
    <message>
      <source>Save as…</source>
      <translation>另存为…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Save the file</source>
      <translation>保存文件</translation>
    </message>
  </context>
  <context>
    <name>BaseMapDialog</name>
    <message>
      <source>Base map</source>
      <translation>底图</translation>
    </message>
    <message>
      <source>None: grids on a plain background</source>
      <translation>无：网格绘于素色背景上</translation>
    </message>
    <message>
      <source>Local MBTiles file</source>
      <translation>本地 MBTiles 文件</translation>
    </message>
    <message>
      <source>Intranet tile server (XYZ URL template)</source>
      <translation>内网瓦片服务（XYZ 地址模板）</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>MBTiles file</source>
      <translation>MBTiles 文件</translation>
    </message>
    <message>
      <source>Tile URL</source>
      <translation>瓦片地址</translation>
    </message>
    <message>
      <source>Highest zoom of the server</source>
      <translation>服务的最高缩放级别</translation>
    </message>
    <message>
      <source>MBTiles (*.mbtiles);;All files (*)</source>
      <translation>MBTiles (*.mbtiles);;所有文件 (*)</translation>
    </message>
    <message>
      <source>The tile URL must be http(s) with {z}, {x} and {y} in it.</source>
      <translation>瓦片地址须为 http(s)，并包含 {z}、{x}、{y}。</translation>
    </message>
  </context>
  <context>
    <name>BoardTab</name>
    <message>
      <source>All sub-squads</source>
      <translation>全部中队</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Free to dispatch</source>
      <translation>可调派</translation>
    </message>
    <message>
      <source>Engaged</source>
      <translation>执行任务中</translation>
    </message>
    <message>
      <source>Name, call sign or phone</source>
      <translation>姓名、呼号或电话</translation>
    </message>
    <message>
      <source>Only overdue check-ins</source>
      <translation>只看超时未报到</translation>
    </message>
    <message>
      <source>Set status:</source>
      <translation>设置状态：</translation>
    </message>
    <message>
      <source>Set the selected member to “{status}” (Alt+{n})</source>
      <translation>将所选队员设为“{status}”（Alt+{n}）</translation>
    </message>
    <message>
      <source>Check in</source>
      <translation>报到</translation>
    </message>
    <message>
      <source>Reached the member by radio: restart the check-in timer (Alt+0)</source>
      <translation>已用对讲机联系上该队员：重新开始报到计时（Alt+0）</translation>
    </message>
    <message>
      <source>Micro fire engines (right-click to set status)</source>
      <translation>微型消防车（右键设置状态）</translation>
    </message>
    <message numerus="yes">
      <source>%n members shown</source>
      <translation>
        <numerusform>显示 %n 名队员</numerusform>
      </translation>
    </message>
    <message>
      <source>{name} is now “{status}”.</source>
      <translation>{name} 现为“{status}”。</translation>
    </message>
    <message>
      <source>{name} checked in; the timer restarts.</source>
      <translation>{name} 已报到，重新计时。</translation>
    </message>
    <message>
      <source>{name}'s status was changed by a colleague meanwhile; nothing was changed. The board shows the new status: check it and try again.</source>
      <translation>{name} 的状态刚被其他值班员修改，本次未作更改。看板已显示最新状态，请核对后重试。</translation>
    </message>
    <message>
      <source>{name} cannot go from “{old}” to “{new}”.</source>
      <translation>{name} 不能从“{old}”改为“{new}”。</translation>
    </message>
  </context>
  <context>
    <name>BulkAssignDialog</name>
    <message numerus="yes">
      <source>Assign %n ticket(s)</source>
      <translation>
        <numerusform>批量指派 %n 条隐患</numerusform>
      </translation>
    </message>
    <message>
      <source>Assign all</source>
      <translation>全部指派</translation>
    </message>
    <message>
      <source>Responsible party</source>
      <translation>整改责任人</translation>
    </message>
    <message>
      <source>Deadline by severity (the bureau's defaults)</source>
      <translation>按隐患等级取默认期限</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Tickets that cannot be assigned (wrong state, a major hazard without a plan, changed meanwhile) are skipped and listed.</source>
      <translation>无法指派的工单（状态不符、重大隐患未附方案、已被他人修改）将跳过并列出。</translation>
    </message>
  </context>
  <context>
    <name>Charts</name>
    <message>
      <source>{y}-{m:02d}</source>
      <translation>{y}年{m}月</translation>
    </message>
    <message>
      <source>{m}/{d}</source>
      <translation>{m}/{d}</translation>
    </message>
  </context>
  <context>
    <name>ClassifyDialog</name>
    <message>
      <source>Classify {code}</source>
      <translation>分类分派 {code}</translation>
    </message>
    <message>
      <source>Classify</source>
      <translation>确认分类</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>隐患等级</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>隐患类别</translation>
    </message>
    <message>
      <source>the street (public area)</source>
      <translation>属地街道（公共区域）</translation>
    </message>
    <message>
      <source>none: the industry has no boundary rule (supervision gap); override to route it</source>
      <translation>无：该行业无责任边界规则（监管空白），请人工分派</translation>
    </message>
    <message>
      <source>Routed automatically by the boundary rules and the enterprise's tier: {route}</source>
      <translation>按责任边界规则和企业监管层级自动分派：{route}</translation>
    </message>
    <message>
      <source>Override the route</source>
      <translation>人工调整分派</translation>
    </message>
    <message>
      <source>No department: the street supervises</source>
      <translation>无行业部门：由属地街道监管</translation>
    </message>
    <message>
      <source>Why the route differs from the rules (required)</source>
      <translation>调整分派的理由（必填）</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>责任部门</translation>
    </message>
    <message>
      <source>Supervising level</source>
      <translation>监管层级</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>DailyForm</name>
    <message>
      <source>Whole day (00:00–24:00)</source>
      <translation>全天（00:00—24:00）</translation>
    </message>
    <message>
      <source>Day shift (08:00–20:00)</source>
      <translation>白班（08:00—20:00）</translation>
    </message>
    <message>
      <source>Night shift (20:00–08:00 next day)</source>
      <translation>夜班（20:00—次日08:00）</translation>
    </message>
    <message>
      <source>Compared with the previous day or shift. A quiet period is reported too.</source>
      <translation>与上一日（上一班）对比；无事项的时段同样出具日报。</translation>
    </message>
    <message>
      <source>Date:</source>
      <translation>日期：</translation>
    </message>
    <message>
      <source>Period:</source>
      <translation>时段：</translation>
    </message>
  </context>
  <context>
    <name>DashboardBoard</name>
    <message>
      <source>Open hazards</source>
      <translation>未销号隐患</translation>
    </message>
    <message>
      <source>Tickets not yet closed off; click for the list</source>
      <translation>尚未销号的隐患；点击查看清单</translation>
    </message>
    <message>
      <source>Major hazards open</source>
      <translation>在办重大隐患</translation>
    </message>
    <message>
      <source>Open major hazards (重大隐患); click for the list</source>
      <translation>尚未销号的重大隐患；点击查看清单</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>逾期未整改</translation>
    </message>
    <message>
      <source>Rectifying past the deadline; click for the list</source>
      <translation>整改中且已过整改期限；点击查看清单</translation>
    </message>
    <message>
      <source>Rectified on time</source>
      <translation>按期整改率</translation>
    </message>
    <message>
      <source>Tickets due in the period closed off by the end of their deadline day; click for the overdue list</source>
      <translation>本期内到期的隐患中于期限当日结束前销号的比例；点击查看逾期清单</translation>
    </message>
    <message>
      <source>Incidents today</source>
      <translation>今日警情</translation>
    </message>
    <message>
      <source>Calls today (duplicates merged); click for the incident list</source>
      <translation>今日接警数（重复报警已合并）；点击查看警情列表</translation>
    </message>
    <message>
      <source>Squad available</source>
      <translation>突击队待命</translation>
    </message>
    <message>
      <source>Squad members on standby now; click for the squad board</source>
      <translation>当前待命的突击队员；点击查看队伍看板</translation>
    </message>
    <message>
      <source>Hazards found and closed per day</source>
      <translation>每日隐患发现与销号</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>发现</translation>
    </message>
    <message>
      <source>Closed off</source>
      <translation>销号</translation>
    </message>
    <message>
      <source>On-time rectification rate per week (%)</source>
      <translation>每周按期整改率（%）</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>按期整改率</translation>
    </message>
    <message>
      <source>Response times (minutes)</source>
      <translation>响应时间（分钟）</translation>
    </message>
    <message>
      <source>Call → dispatch</source>
      <translation>接警→派遣</translation>
    </message>
    <message>
      <source>Dispatch → arrival</source>
      <translation>派遣→到场</translation>
    </message>
    <message>
      <source>Squad availability by sub-squad</source>
      <translation>各中队可用力量</translation>
    </message>
    <message>
      <source>Available</source>
      <translation>待命</translation>
    </message>
    <message>
      <source>Engaged</source>
      <translation>出勤</translation>
    </message>
    <message>
      <source>Off / training / leave</source>
      <translation>下班／训练／请假</translation>
    </message>
    <message>
      <source>Open hazards by status</source>
      <translation>未销号隐患状态分布</translation>
    </message>
    <message>
      <source>Tickets</source>
      <translation>隐患数</translation>
    </message>
    <message>
      <source>Overdue by street / park</source>
      <translation>各街道（园区）逾期隐患</translation>
    </message>
    <message>
      <source>Five completes (五全)</source>
      <translation>“五全”达标情况</translation>
    </message>
    <message>
      <source>Every area covered</source>
      <translation>监管区域全覆盖</translation>
    </message>
    <message>
      <source>Share of the district's territory in a sub-community grid that has its officer (the district outline, or the union of the street/park grids); beside it, the sub-community grids with an officer</source>
      <translation>全区辖区面积中落在已配备网格员的社区以下网格内的比例（辖区为区界，无区界时为各街道（园区）网格之并）；右侧为已配备网格员的社区以下网格数</translation>
    </message>
    <message>
      <source>Every enterprise supervised</source>
      <translation>生产经营单位全监管</translation>
    </message>
    <message>
      <source>Enterprises with a lead supervising department / all enterprises; click for the gaps</source>
      <translation>已明确牵头监管部门的企业数／企业总数；点击查看监管空白</translation>
    </message>
    <message>
      <source>Every key item included</source>
      <translation>重点监管内容全纳入</translation>
    </message>
    <message>
      <source>Red and orange enterprises supervised at district tier or with an exclusive grid / all of them</source>
      <translation>红、橙风险企业中由区级监管或设有企业专属网格的数量／红、橙风险企业总数</translation>
    </message>
    <message>
      <source>Every daily task done</source>
      <translation>日常监管任务全完成</translation>
    </message>
    <message>
      <source>Tickets due on a past day of the period closed off by the end of their deadline day / all of them (no patrol log yet: rectification deadlines stand for the daily tasks); click for the overdue list</source>
      <translation>本期内整改期限已过的隐患中于期限当日结束前销号的数量／其总数（暂无巡查记录，以整改期限代表日常任务）；点击查看逾期清单</translation>
    </message>
    <message>
      <source>Every inspection recorded</source>
      <translation>检查信息全记录</translation>
    </message>
    <message>
      <source>Tickets closed off in the period with a passed re-inspection and rectification evidence / all tickets closed off in the period</source>
      <translation>本期内销号的隐患中有复查合格记录且有整改佐证的数量／本期销号总数</translation>
    </message>
    <message>
      <source>found {0} · closed {1} today</source>
      <translation>今日发现 {0} · 销号 {1}</translation>
    </message>
    <message>
      <source>major hazards (重大隐患)</source>
      <translation>重大隐患（须制定整改方案并上报）</translation>
    </message>
    <message>
      <source>in {0} streets / parks</source>
      <translation>分布于 {0} 个街道（园区）</translation>
    </message>
    <message>
      <source>{0} of {1} due in the period</source>
      <translation>本期到期 {1} 条，按期 {0} 条</translation>
    </message>
    <message>
      <source>{0} open now</source>
      <translation>当前在办 {0} 起</translation>
    </message>
    <message>
      <source>engines {0}/{1} available</source>
      <translation>消防车待命 {0}/{1}</translation>
    </message>
    <message>
      <source>dispatch target {0:g} min</source>
      <translation>派遣目标 {0:g} 分钟</translation>
    </message>
    <message>
      <source>arrival target {0:g} min</source>
      <translation>到场目标 {0:g} 分钟</translation>
    </message>
    <message>
      <source>Response times (min) · on target: dispatch {0}, arrival {1}</source>
      <translation>响应时间（分钟）· 达标率：派遣 {0}，到场 {1}</translation>
    </message>
    <message>
      <source>{0}: {1} overdue</source>
      <translation>{0}：逾期 {1} 条</translation>
    </message>
    <message>
      <source>{0}: {1} of {2} available, {3} engaged; engines {4}/{5}</source>
      <translation>{0}：{2} 人中待命 {1} 人、出勤 {3} 人；消防车 {4}/{5}</translation>
    </message>
  </context>
  <context>
    <name>DashboardScreen</name>
    <message>
      <source>Safety situation · live</source>
      <translation>安全生产态势 · 实时</translation>
    </message>
    <message>
      <source>The period of the series and the period figures</source>
      <translation>趋势图与期间指标的统计时段</translation>
    </message>
    <message numerus="yes">
      <source>Last %n day(s)</source>
      <translation>
        <numerusform>近 %n 天</numerusform>
      </translation>
    </message>
    <message>
      <source>Custom…</source>
      <translation>自定义…</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>加载中…</translation>
    </message>
    <message>
      <source>Updated {0}</source>
      <translation>更新于 {0}</translation>
    </message>
  </context>
  <context>
    <name>DismissDialog</name>
    <message>
      <source>Dismiss {code}: not a hazard</source>
      <translation>不予立案 {code}</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>不予立案</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>Why this report is not a hazard (required)</source>
      <translation>不构成隐患的理由（必填）</translation>
    </message>
  </context>
  <context>
    <name>DispatchDialogs</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>确定</translation>
    </message>
  </context>
  <context>
    <name>DispatchFormat</name>
    <message>
      <source>{s} s</source>
      <translation>{s}秒</translation>
    </message>
    <message>
      <source>{m} min {s} s</source>
      <translation>{m}分{s}秒</translation>
    </message>
    <message>
      <source>{h} h {m:02d} min</source>
      <translation>{h}小时{m:02d}分</translation>
    </message>
    <message>
      <source>just now</source>
      <translation>刚刚</translation>
    </message>
    <message>
      <source>{m} min</source>
      <translation>{m}分钟</translation>
    </message>
    <message>
      <source>{h} h {m} min</source>
      <translation>{h}小时{m}分</translation>
    </message>
    <message>
      <source>{d} d</source>
      <translation>{d}天</translation>
    </message>
    <message>
      <source>{km:.2f} km</source>
      <translation>{km:.2f} 公里</translation>
    </message>
    <message>
      <source>{m:.0f} m</source>
      <translation>{m:.0f} 米</translation>
    </message>
    <message>
      <source>{m:.1f} min</source>
      <translation>{m:.1f} 分钟</translation>
    </message>
  </context>
  <context>
    <name>DispatchMessages</name>
    <message>
      <source>another incident</source>
      <translation>另一起警情</translation>
    </message>
    <message>
      <source>{name} is already dispatched to {where}: a unit is never dispatched twice. Nothing was dispatched; untick them or choose someone else.</source>
      <translation>{name} 已派往 {where}，同一力量不能重复派遣。本次未派遣任何力量，请取消勾选或改派他人。</translation>
    </message>
    <message>
      <source>A colleague changed this {what} since you opened it; nothing was saved. The view now shows their change: check it and try again.</source>
      <translation>打开后该{what}已被其他值班员修改，本次未保存。界面已显示最新内容，请核对后重试。</translation>
    </message>
    <message>
      <source>Not possible: the incident is “{current}”, it cannot become “{new}”.</source>
      <translation>无法操作：警情当前为“{current}”，不能变为“{new}”。</translation>
    </message>
    <message>
      <source>Not possible: “{current}” cannot change to “{new}”.</source>
      <translation>无法操作：“{current}”不能改为“{new}”。</translation>
    </message>
    <message>
      <source>Your account may not do this.</source>
      <translation>您的账号无权进行此操作。</translation>
    </message>
    <message>
      <source>It no longer exists (deleted by a colleague?).</source>
      <translation>该记录已不存在（可能已被他人删除）。</translation>
    </message>
    <message>
      <source>incident</source>
      <translation>警情</translation>
    </message>
    <message>
      <source>member</source>
      <translation>队员</translation>
    </message>
    <message>
      <source>vehicle</source>
      <translation>车辆</translation>
    </message>
    <message>
      <source>register line</source>
      <translation>装备记录</translation>
    </message>
    <message>
      <source>setting</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>This would leave {squad} with {free} free members (minimum {minimum}). Tick “override the minimum”, give a reason, and dispatch again.</source>
      <translation>这样{squad}只剩 {free} 名待命队员（最低保留 {minimum} 名）。如确需派遣，请勾选“突破最低留守”并填写理由后再派遣。</translation>
    </message>
    <message>
      <source>{name} is off duty. Tick “dispatch off-duty members”, give a reason, and dispatch again.</source>
      <translation>{name} 已下班。如确需派遣，请勾选“派遣下班人员”并填写理由后再派遣。</translation>
    </message>
    <message>
      <source>{name} is “{what}” and cannot be dispatched.</source>
      <translation>{name} 处于“{what}”状态，不能派遣。</translation>
    </message>
    <message>
      <source>Choose at least one member or vehicle.</source>
      <translation>请至少选择一名队员或一辆车。</translation>
    </message>
    <message>
      <source>Closing an incident that was not handed over needs a reason.</source>
      <translation>未移交的警情结案须填写理由。</translation>
    </message>
    <message>
      <source>Name who took over (for example the fire and rescue station).</source>
      <translation>请填写接手单位（如消防救援站）。</translation>
    </message>
    <message>
      <source>No enterprise address or grid name matches “{text}”.</source>
      <translation>没有与“{text}”匹配的企业地址或网格名称。</translation>
    </message>
    <message>
      <source>“{text}” matches {n} places: choose one from the list.</source>
      <translation>“{text}”匹配到 {n} 处，请从列表中选择。</translation>
    </message>
    <message>
      <source>That point is outside the district.</source>
      <translation>该位置不在本区范围内。</translation>
    </message>
    <message>
      <source>Type an address, enterprise, grid name or coordinates, or right-click the map.</source>
      <translation>请输入地址、企业、网格名称或坐标，或在地图上右键选点。</translation>
    </message>
    <message>
      <source>Location: {reason}</source>
      <translation>位置：{reason}</translation>
    </message>
  </context>
  <context>
    <name>DispatchModels</name>
    <message>
      <source>Number</source>
      <translation>警情编号</translation>
    </message>
    <message>
      <source>Call</source>
      <translation>接警</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Street</source>
      <translation>街道</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>力量</translation>
    </message>
    <message>
      <source>Response</source>
      <translation>响应用时</translation>
    </message>
    <message>
      <source>Call → dispatch / dispatch → first arrival</source>
      <translation>接警→调度 / 调度→首到</translation>
    </message>
    <message>
      <source>{km} straight line</source>
      <translation>直线 {km}</translation>
    </message>
    <message>
      <source>about {min} {mode}</source>
      <translation>{mode}约 {min}</translation>
    </message>
    <message>
      <source>carries</source>
      <translation>随车</translation>
    </message>
    <message>
      <source>sub-squad stock</source>
      <translation>中队库存</translation>
    </message>
    <message>
      <source>{source}: nothing ready</source>
      <translation>{source}：无完好装备</translation>
    </message>
    <message>
      <source>off duty: dispatching needs an override</source>
      <translation>已下班：派遣须强制确认</translation>
    </message>
    <message>
      <source>would leave {squad} with {free} free (minimum {minimum}): needs an override</source>
      <translation>派出后{squad}只剩 {free} 人待命（最低 {minimum} 人）：须强制确认</translation>
    </message>
    <message>
      <source>added for {kinds}</source>
      <translation>为补足{kinds}加入</translation>
    </message>
    <message>
      <source>position unknown</source>
      <translation>位置未知</translation>
    </message>
    <message>
      <source>Send</source>
      <translation>派遣</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>力量</translation>
    </message>
    <message>
      <source>Call sign</source>
      <translation>呼号</translation>
    </message>
    <message>
      <source>Sub-squad</source>
      <translation>中队</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格匹配</translation>
    </message>
    <message>
      <source>Distance</source>
      <translation>距离</translation>
    </message>
    <message>
      <source>ETA</source>
      <translation>预计到达</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Equipment</source>
      <translation>装备</translation>
    </message>
    <message>
      <source>fire engine</source>
      <translation>消防车</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>当前状态</translation>
    </message>
    <message>
      <source>Dispatched</source>
      <translation>派遣时间</translation>
    </message>
    <message>
      <source>ETA then</source>
      <translation>派遣时预计</translation>
    </message>
    <message>
      <source>Arrived</source>
      <translation>到场</translation>
    </message>
    <message>
      <source>Released</source>
      <translation>归队</translation>
    </message>
    <message>
      <source>Override</source>
      <translation>强制派遣</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>By</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>What</source>
      <translation>事项</translation>
    </message>
  </context>
  <context>
    <name>DispatchScreen</name>
    <message>
      <source>Incidents and dispatch</source>
      <translation>警情与调度</translation>
    </message>
    <message>
      <source>Squad board</source>
      <translation>队伍看板</translation>
    </message>
    <message>
      <source>Equipment register</source>
      <translation>装备台账</translation>
    </message>
    <message>
      <source>Training and assessment</source>
      <translation>训练与考核</translation>
    </message>
    <message>
      <source>New call: Ctrl+N · dispatch the recommended team to the selected incident: Ctrl+D (一键调度)</source>
      <translation>新建接警：Ctrl+N · 向所选警情派出推荐队伍：Ctrl+D（一键调度）</translation>
    </message>
  </context>
  <context>
    <name>DistrictDirectModel</name>
    <message>
      <source>none — supervision gap</source>
      <translation>无 — 监管空白</translation>
    </message>
    <message>
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Risk</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>牵头监管部门</translation>
    </message>
    <message>
      <source>Copied to street / park</source>
      <translation>抄告街道（园区）</translation>
    </message>
  </context>
  <context>
    <name>DistrictDirectTab</name>
    <message>
      <source>{n} enterprises are supervised directly by their district department (large, high-standard or high-risk units); each is copied to its street or park.</source>
      <translation>{n} 家企业由区级行业部门直接监管（规模大、规格高、安全风险高的单位），并抄告属地街道（园区）。</translation>
    </message>
  </context>
  <context>
    <name>EnterpriseCardPanel</name>
    <message>
      <source>Coordinates</source>
      <translation>坐标</translation>
    </message>
    <message>
      <source>Scale</source>
      <translation>规模</translation>
    </message>
    <message>
      <source>Supervision</source>
      <translation>监管层级</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>牵头监管部门</translation>
    </message>
    <message>
      <source>Copied to street</source>
      <translation>抄告属地</translation>
    </message>
    <message>
      <source>Street / community</source>
      <translation>街道 / 社区</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Grid code</source>
      <translation>网格编码</translation>
    </message>
    <message>
      <source>No enterprise selected</source>
      <translation>未选择企业</translation>
    </message>
    <message>
      <source>Select an enterprise in the list to see its card.</source>
      <translation>在列表中选择一家企业以查看其档案。</translation>
    </message>
    <message>
      <source>None: supervision gap</source>
      <translation>无：监管空白</translation>
    </message>
    <message>
      <source>No officer posted</source>
      <translation>未配备网格员</translation>
    </message>
  </context>
  <context>
    <name>EnterpriseEditDialog</name>
    <message>
      <source>Edit enterprise</source>
      <translation>编辑企业</translation>
    </message>
    <message>
      <source>New enterprise</source>
      <translation>登记新企业</translation>
    </message>
    <message>
      <source>longitude, e.g. 117.16</source>
      <translation>经度，如 117.16</translation>
    </message>
    <message>
      <source>latitude, e.g. 34.23</source>
      <translation>纬度，如 34.23</translation>
    </message>
    <message>
      <source>Scale</source>
      <translation>规模</translation>
    </message>
    <message>
      <source>Risk colour</source>
      <translation>风险颜色</translation>
    </message>
    <message>
      <source>The supervision tier, the lead department and the grids follow from these.</source>
      <translation>监管层级、牵头监管部门和所属网格将据此自动确定。</translation>
    </message>
    <message>
      <source>longitude and latitude must be numbers</source>
      <translation>经度和纬度必须是数字</translation>
    </message>
    <message>
      <source>Someone else changed this enterprise while you were editing. Close this dialog to see their version, then edit again.</source>
      <translation>您编辑期间，其他人修改了该企业。请关闭此对话框查看其修改，然后重新编辑。</translation>
    </message>
  </context>
  <context>
    <name>EnterpriseTableModel</name>
    <message>
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <source>Credit code</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Risk</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Scale</source>
      <translation>规模</translation>
    </message>
    <message>
      <source>Supervision</source>
      <translation>监管层级</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>牵头监管部门</translation>
    </message>
    <message>
      <source>Street / park</source>
      <translation>街道（园区）</translation>
    </message>
    <message>
      <source>Community</source>
      <translation>社区</translation>
    </message>
    <message>
      <source>Grid code</source>
      <translation>网格编码</translation>
    </message>
    <message>
      <source>No boundary rule names a lead department for this industry</source>
      <translation>责任边界中没有为该行业指定牵头监管部门</translation>
    </message>
    <message>
      <source>Gap</source>
      <translation>空白</translation>
    </message>
  </context>
  <context>
    <name>EnterprisesScreen</name>
    <message>
      <source>Street or park</source>
      <translation>街道（园区）</translation>
    </message>
    <message>
      <source>Community</source>
      <translation>社区</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Risk colour</source>
      <translation>风险颜色</translation>
    </message>
    <message>
      <source>Supervision tier</source>
      <translation>监管层级</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>牵头监管部门</translation>
    </message>
    <message>
      <source>All risk levels</source>
      <translation>全部风险等级</translation>
    </message>
    <message>
      <source>All tiers</source>
      <translation>全部层级</translation>
    </message>
    <message>
      <source>Name, credit code or address  (Ctrl+F)</source>
      <translation>名称、信用代码或地址（Ctrl+F）</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>新增…</translation>
    </message>
    <message>
      <source>Register a new enterprise (Ctrl+N)</source>
      <translation>登记新企业（Ctrl+N）</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Edit the selected enterprise (F2)</source>
      <translation>编辑所选企业（F2）</translation>
    </message>
    <message>
      <source>All streets</source>
      <translation>全部街道（园区）</translation>
    </message>
    <message>
      <source>All industries</source>
      <translation>全部行业</translation>
    </message>
    <message>
      <source>All lead departments</source>
      <translation>全部牵头部门</translation>
    </message>
    <message>
      <source>No lead department (gap)</source>
      <translation>无牵头部门（监管空白）</translation>
    </message>
    <message>
      <source>All communities</source>
      <translation>全部社区</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
      <source>%n enterprises</source>
      <translation>
        <numerusform>%n 家企业</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>EquipmentDialog</name>
    <message>
      <source>Equipment: {holder}</source>
      <translation>装备：{holder}</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
  </context>
  <context>
    <name>EquipmentTab</name>
    <message>
      <source>Held by</source>
      <translation>保管单位</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Next check</source>
      <translation>下次检查</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Only checks due</source>
      <translation>只看到期待检</translation>
    </message>
    <message>
      <source>Edit line…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Ready in the squad: {kit}</source>
      <translation>全队完好装备：{kit}</translation>
    </message>
    <message>
      <source>{n} lines due for a check</source>
      <translation>{n} 项到期待检</translation>
    </message>
    <message>
      <source>Saved: {holder}, {kind}.</source>
      <translation>已保存：{holder}，{kind}。</translation>
    </message>
  </context>
  <context>
    <name>FileList</name>
    <message>
      <source>Add…</source>
      <translation>添加…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Images only (JPEG, PNG, …), at most {mb} MB each</source>
      <translation>仅限图片（JPEG、PNG 等），每个不超过 {mb} MB</translation>
    </message>
    <message>
      <source>Images, PDF, Word or Excel, at most {mb} MB each</source>
      <translation>图片、PDF、Word 或 Excel，每个不超过 {mb} MB</translation>
    </message>
    <message>
      <source>Images ({patterns})</source>
      <translation>图片 ({patterns})</translation>
    </message>
    <message>
      <source>Images and documents ({patterns})</source>
      <translation>图片和文档 ({patterns})</translation>
    </message>
    <message>
      <source>Choose files</source>
      <translation>选择文件</translation>
    </message>
    <message>
      <source>{name} does not exist</source>
      <translation>{name} 不存在</translation>
    </message>
    <message>
      <source>{name} is {size:.1f} MB; at most {mb} MB allowed</source>
      <translation>{name} 大小为 {size:.1f} MB，超过 {mb} MB 上限</translation>
    </message>
    <message>
      <source>{name} is not an image (JPEG, PNG, GIF, WebP, BMP or TIFF)</source>
      <translation>{name} 不是图片（须为 JPEG、PNG、GIF、WebP、BMP 或 TIFF）</translation>
    </message>
  </context>
  <context>
    <name>GapEnterpriseModel</name>
    <message>
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Street / park</source>
      <translation>街道（园区）</translation>
    </message>
  </context>
  <context>
    <name>GapIndustryModel</name>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Enterprises</source>
      <translation>企业</translation>
    </message>
  </context>
  <context>
    <name>GapsTab</name>
    <message>
      <source>Double-click an industry to set its rule</source>
      <translation>双击行业以设置其责任边界</translation>
    </message>
    <message>
      <source>Every enterprise must have a lead supervising department. These are the industries with no rule, and the enterprises that therefore nobody supervises yet.</source>
      <translation>每家企业都必须有牵头监管部门。以下是尚无责任边界的行业，以及因此尚无人监管的企业。</translation>
    </message>
    <message>
      <source>Industries with no rule: {n}</source>
      <translation>无责任边界的行业：{n}</translation>
    </message>
    <message>
      <source>Enterprises with no lead department: {n}</source>
      <translation>无牵头部门的企业：{n}</translation>
    </message>
  </context>
  <context>
    <name>GridCard</name>
    <message>
      <source>Posting information</source>
      <translation>挂牌公示信息</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>层级</translation>
    </message>
    <message>
      <source>Responsible officer</source>
      <translation>责任网格员</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Full / part-time</source>
      <translation>专职 / 兼职</translation>
    </message>
    <message>
      <source>Duties</source>
      <translation>职责</translation>
    </message>
    <message>
      <source>Responsible unit</source>
      <translation>责任单位</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>面积</translation>
    </message>
    <message>
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Risk</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Enterprises inside</source>
      <translation>网格内企业</translation>
    </message>
    <message>
      <source>Child grids</source>
      <translation>下级网格</translation>
    </message>
    <message>
      <source>(none: assign an officer)</source>
      <translation>（无：请配备网格员）</translation>
    </message>
    <message>
      <source>{km2} km²</source>
      <translation>{km2} 平方公里</translation>
    </message>
    <message>
      <source>Enterprises inside ({n})</source>
      <translation>网格内企业（{n}）</translation>
    </message>
    <message>
      <source>Child grids ({n})</source>
      <translation>下级网格（{n}）</translation>
    </message>
  </context>
  <context>
    <name>GridEditDialog</name>
    <message>
      <source>Edit grid {code}</source>
      <translation>编辑网格 {code}</translation>
    </message>
    <message>
      <source>Full / part-time</source>
      <translation>专职 / 兼职</translation>
    </message>
    <message>
      <source>Duties</source>
      <translation>职责</translation>
    </message>
    <message>
      <source>Someone else changed this grid while you were editing. Close this dialog to see their version, then edit again.</source>
      <translation>您编辑期间，其他人修改了此网格。请关闭此对话框查看其修改，然后重新编辑。</translation>
    </message>
  </context>
  <context>
    <name>GridTree</name>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Grids below</source>
      <translation>下级网格数</translation>
    </message>
    <message>
      <source>Enterprises</source>
      <translation>企业数</translation>
    </message>
    <message>
      <source>Officer</source>
      <translation>网格员</translation>
    </message>
  </context>
  <context>
    <name>GridsScreen</name>
    <message>
      <source>Search grids by name or code (e.g. 泉山, QS-03)…  Ctrl+F</source>
      <translation>按名称或编码搜索网格（如 泉山、QS-03）…  Ctrl+F</translation>
    </message>
    <message>
      <source>Loading grids…</source>
      <translation>正在加载网格…</translation>
    </message>
    <message>
      <source>Edit posting information…</source>
      <translation>编辑公示信息…</translation>
    </message>
    <message>
      <source>Your role may only view grids</source>
      <translation>您的角色只能查看网格</translation>
    </message>
    <message>
      <source>{n} grids</source>
      <translation>共 {n} 个网格</translation>
    </message>
    <message>
      <source>No grid matches “{text}”</source>
      <translation>没有与“{text}”匹配的网格</translation>
    </message>
  </context>
  <context>
    <name>HazardActions</name>
    <message numerus="yes">
      <source>%n ticket(s) assigned.</source>
      <translation>
        <numerusform>已指派 %n 条隐患。</numerusform>
      </translation>
    </message>
    <message>
      <source>Skipped: {list}</source>
      <translation>已跳过：{list}</translation>
    </message>
    <message>
      <source>choose the community and the grid where the hazard is</source>
      <translation>请选择隐患所在的社区和网格</translation>
    </message>
    <message>
      <source>choose an enterprise from the list</source>
      <translation>请从列表中选择企业</translation>
    </message>
    <message>
      <source>{code} reported.</source>
      <translation>{code} 已上报。</translation>
    </message>
    <message>
      <source>Save the file</source>
      <translation>保存文件</translation>
    </message>
    <message>
      <source>{code} was changed by {who} at {when} after you opened it: it is now “{status}”. Nothing of yours was saved; the ticket has been reloaded.</source>
      <translation>{code} 在您打开后已被 {who} 于 {when} 修改，当前状态为“{status}”。您的操作未保存，工单已重新载入。</translation>
    </message>
    <message>
      <source>{code} was changed by someone else after you opened it ({detail}). Nothing of yours was saved; the ticket has been reloaded.</source>
      <translation>{code} 在您打开后已被他人修改（{detail}）。您的操作未保存，工单已重新载入。</translation>
    </message>
    <message>
      <source>Classify…</source>
      <translation>分类分派…</translation>
    </message>
    <message>
      <source>Assign rectification…</source>
      <translation>落实整改…</translation>
    </message>
    <message>
      <source>Report done…</source>
      <translation>整改完成…</translation>
    </message>
    <message>
      <source>Re-inspect: pass…</source>
      <translation>复查合格…</translation>
    </message>
    <message>
      <source>Re-inspect: fail…</source>
      <translation>复查不合格…</translation>
    </message>
    <message>
      <source>Dismiss…</source>
      <translation>不予立案…</translation>
    </message>
    <message>
      <source>Add note…</source>
      <translation>添加备注…</translation>
    </message>
    <message>
      <source>Attach files…</source>
      <translation>补充材料…</translation>
    </message>
  </context>
  <context>
    <name>HazardDetailPanel</name>
    <message>
      <source>Timeline</source>
      <translation>处置过程</translation>
    </message>
    <message>
      <source>Ticket</source>
      <translation>隐患信息</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>隐患类别</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>发现</translation>
    </message>
    <message>
      <source>Supervised by</source>
      <translation>监管单位</translation>
    </message>
    <message>
      <source>Route</source>
      <translation>责任部门</translation>
    </message>
    <message>
      <source>Rectification</source>
      <translation>整改</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>整改责任人</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <source>Reported done by</source>
      <translation>整改上报人</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>整改方案</translation>
    </message>
    <message>
      <source>Re-inspection</source>
      <translation>复查结果</translation>
    </message>
    <message>
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Risk</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>牵头部门</translation>
    </message>
    <message>
      <source>Credit code</source>
      <translation>信用代码</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Grid officer</source>
      <translation>网格员</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>No ticket open</source>
      <translation>未打开工单</translation>
    </message>
    <message>
      <source>Select a ticket in the list (Enter opens it).</source>
      <translation>在列表中选择一条隐患（回车打开）。</translation>
    </message>
    <message numerus="yes">
      <source>%n day(s) overdue</source>
      <translation>
        <numerusform>逾期 %n 天</numerusform>
      </translation>
    </message>
    <message>
      <source>Due {day}</source>
      <translation>期限 {day}</translation>
    </message>
    <message>
      <source>Unrouted: the industry has no boundary rule (supervision gap)</source>
      <translation>未分派：该行业无责任边界规则（监管空白）</translation>
    </message>
    <message>
      <source>The street (public area)</source>
      <translation>属地街道（公共区域）</translation>
    </message>
    <message>
      <source>Attached</source>
      <translation>已附</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message numerus="yes">
      <source>returned %n time(s)</source>
      <translation>
        <numerusform>退回 %n 次</numerusform>
      </translation>
    </message>
    <message>
      <source>Passed</source>
      <translation>合格</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>不合格</translation>
    </message>
    <message>
      <source>None: supervision gap</source>
      <translation>无：监管空白</translation>
    </message>
    <message>
      <source>Public area (no enterprise)</source>
      <translation>公共区域（无企业）</translation>
    </message>
    <message>
      <source>(none posted)</source>
      <translation>（未公示）</translation>
    </message>
  </context>
  <context>
    <name>HazardFilterBar</name>
    <message>
      <source>Search description, place or ticket no.  (Ctrl+F)</source>
      <translation>搜索隐患描述、地点或编号（Ctrl+F）</translation>
    </message>
    <message>
      <source>Words in the description or the enterprise/place; a ticket number such as YH20260001234 finds that ticket (Ctrl+F)</source>
      <translation>按隐患描述或企业/地点中的词语搜索；输入编号（如 YH20260001234）直接找到该工单（Ctrl+F）</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>All open tickets</source>
      <translation>全部未销号</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>隐患等级</translation>
    </message>
    <message>
      <source>All severities</source>
      <translation>全部等级</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>隐患类别</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <source>Any deadline</source>
      <translation>全部期限</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message numerus="yes">
      <source>Due within %n day(s)</source>
      <translation>
        <numerusform>%n 天内到期</numerusform>
      </translation>
    </message>
    <message>
      <source>Not overdue</source>
      <translation>未逾期</translation>
    </message>
    <message>
      <source>Escalation level</source>
      <translation>督办级别</translation>
    </message>
    <message>
      <source>Any escalation</source>
      <translation>全部督办级别</translation>
    </message>
    <message>
      <source>Street or park</source>
      <translation>街道（园区）</translation>
    </message>
    <message>
      <source>Community</source>
      <translation>社区</translation>
    </message>
    <message>
      <source>Grid (with the grids inside it)</source>
      <translation>网格（含下级网格）</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>责任部门</translation>
    </message>
    <message>
      <source>Supervising level</source>
      <translation>监管层级</translation>
    </message>
    <message>
      <source>All levels</source>
      <translation>全部层级</translation>
    </message>
    <message>
      <source>Date found</source>
      <translation>发现日期</translation>
    </message>
    <message>
      <source>Any date</source>
      <translation>全部日期</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>Last 7 days</source>
      <translation>近7天</translation>
    </message>
    <message>
      <source>Last 30 days</source>
      <translation>近30天</translation>
    </message>
    <message>
      <source>Last 12 months</source>
      <translation>近12个月</translation>
    </message>
    <message>
      <source>Between…</source>
      <translation>自定义…</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>清空</translation>
    </message>
    <message>
      <source>Clear every filter</source>
      <translation>清空全部筛选条件</translation>
    </message>
    <message>
      <source>All streets</source>
      <translation>全部街道</translation>
    </message>
    <message>
      <source>All departments</source>
      <translation>全部部门</translation>
    </message>
    <message>
      <source>All communities</source>
      <translation>全部社区</translation>
    </message>
    <message>
      <source>All grids</source>
      <translation>全部网格</translation>
    </message>
  </context>
  <context>
    <name>HazardForm</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>HazardQueues</name>
    <message>
      <source>My queues</source>
      <translation>我的待办</translation>
    </message>
    <message>
      <source>All tickets</source>
      <translation>全部隐患</translation>
    </message>
    <message>
      <source>Every ticket, filtered by the bar above</source>
      <translation>全部工单，按上方条件筛选</translation>
    </message>
    <message>
      <source>To classify</source>
      <translation>待分类</translation>
    </message>
    <message>
      <source>Found, waiting for classification</source>
      <translation>已发现，等待分类分派</translation>
    </message>
    <message>
      <source>Unrouted (supervision gap)</source>
      <translation>未分派（监管空白）</translation>
    </message>
    <message>
      <source>No boundary rule names a lead department: route them by hand</source>
      <translation>无责任边界规则对应牵头部门：请人工分派</translation>
    </message>
    <message>
      <source>Awaiting my department</source>
      <translation>本部门待办</translation>
    </message>
    <message>
      <source>Classified or awaiting re-inspection at your department</source>
      <translation>本部门待整改或待复查的工单</translation>
    </message>
    <message>
      <source>Your account belongs to no department</source>
      <translation>您的账号未归属部门</translation>
    </message>
    <message numerus="yes">
      <source>Due within %n day(s)</source>
      <translation>
        <numerusform>%n 天内到期</numerusform>
      </translation>
    </message>
    <message>
      <source>Under rectification, deadline close</source>
      <translation>整改中，临近期限</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>Under rectification past the deadline, most overdue first</source>
      <translation>整改超期，逾期最久的在前</translation>
    </message>
    <message>
      <source>Not escalated</source>
      <translation>未督办</translation>
    </message>
    <message>
      <source>Overdue tickets at this escalation level</source>
      <translation>该督办级别的逾期工单</translation>
    </message>
  </context>
  <context>
    <name>HazardTableModel</name>
    <message>
      <source>Ticket no.</source>
      <translation>隐患编号</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>发现时间</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Enterprise / place</source>
      <translation>企业/地点</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>隐患描述</translation>
    </message>
    <message>
      <source>Street</source>
      <translation>街道</translation>
    </message>
    <message>
      <source>Community</source>
      <translation>社区</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>责任部门</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>层级</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>整改责任人</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <source>Escalation</source>
      <translation>督办</translation>
    </message>
    <message>
      <source>This column cannot be sorted</source>
      <translation>此列不可排序</translation>
    </message>
    <message>
      <source>Unrouted (gap)</source>
      <translation>未分派（空白）</translation>
    </message>
    <message>
      <source>Street (public area)</source>
      <translation>属地街道（公共区域）</translation>
    </message>
    <message>
      <source>%n day(s) overdue</source>
      <translation>逾期 %n 天</translation>
    </message>
    <message>
      <source>Due today</source>
      <translation>今日到期</translation>
    </message>
    <message>
      <source>Due in %n day(s)</source>
      <translation>%n 天后到期</translation>
    </message>
    <message>
      <source>Unrouted: no boundary rule names a lead department (supervision gap)</source>
      <translation>未分派：无责任边界规则对应牵头部门（监管空白）</translation>
    </message>
  </context>
  <context>
    <name>HazardsScreen</name>
    <message>
      <source>Hazard investigation and rectification</source>
      <translation>隐患排查治理</translation>
    </message>
    <message>
      <source>New hazard…</source>
      <translation>上报隐患…</translation>
    </message>
    <message>
      <source>Report a newly found hazard (Ctrl+N)</source>
      <translation>上报新发现的隐患（Ctrl+N）</translation>
    </message>
    <message>
      <source>Bulk assign…</source>
      <translation>批量指派…</translation>
    </message>
    <message>
      <source>Assign rectification of every selected ticket at once (Ctrl+B)</source>
      <translation>一次指派所选全部工单的整改（Ctrl+B）</translation>
    </message>
    <message>
      <source>Export ledger…</source>
      <translation>导出台账…</translation>
    </message>
    <message>
      <source>Save the current filter as the hazard ledger, .xlsx (Ctrl+E)</source>
      <translation>按当前筛选条件导出隐患排查治理台账 .xlsx（Ctrl+E）</translation>
    </message>
    <message>
      <source>This column cannot be sorted</source>
      <translation>此列不可排序</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>counting…</source>
      <translation>计数中…</translation>
    </message>
    <message numerus="yes">
      <source>%n ticket(s)</source>
      <translation>
        <numerusform>共 %n 条</numerusform>
      </translation>
    </message>
    <message>
      <source>Not possible for this ticket now: {what}</source>
      <translation>该工单当前不能执行：{what}</translation>
    </message>
    <message numerus="yes">
      <source>Bulk assign (%n)…</source>
      <translation>
        <numerusform>批量指派（%n）…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Escalation run: %n ticket(s) raised a level.</source>
      <translation>
        <numerusform>督查督办：%n 条隐患升级。</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>IncidentDialogs</name>
    <message>
      <source>Hand over to the fire and rescue service</source>
      <translation>移交消防救援队伍</translation>
    </message>
    <message>
      <source>Fire and rescue station</source>
      <translation>消防救援站</translation>
    </message>
    <message>
      <source>Commander's name, what was handed over…</source>
      <translation>现场指挥员姓名、移交事项…</translation>
    </message>
    <message>
      <source>Taken over by</source>
      <translation>接手单位</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Close the incident</source>
      <translation>警情结案</translation>
    </message>
    <message>
      <source>Reason (false alarm, handled by the squad, …):</source>
      <translation>结案理由（误报、突击队已处置等）：</translation>
    </message>
    <message>
      <source>Closing remark (optional):</source>
      <translation>结案说明（可不填）：</translation>
    </message>
    <message>
      <source>Add a note</source>
      <translation>添加记录</translation>
    </message>
    <message>
      <source>Note for the timeline:</source>
      <translation>写入处置记录：</translation>
    </message>
    <message>
      <source>Correct the incident</source>
      <translation>修改警情信息</translation>
    </message>
    <message>
      <source>Merge a repeat call</source>
      <translation>合并重复报警</translation>
    </message>
    <message>
      <source>Merge {code} into:</source>
      <translation>将 {code} 合并到：</translation>
    </message>
  </context>
  <context>
    <name>IncidentForm</name>
    <message>
      <source>Loading incidents…</source>
      <translation>正在加载警情…</translation>
    </message>
    <message>
      <source>Timeline, units dispatched, response times against the targets, hand-over and closure.</source>
      <translation>处置经过、出动力量、响应时间与目标对比、移交和结案情况。</translation>
    </message>
    <message>
      <source>Incident:</source>
      <translation>警情：</translation>
    </message>
    <message>
      <source>Number or code, e.g. JQ000123</source>
      <translation>编号，如 JQ000123</translation>
    </message>
  </context>
  <context>
    <name>IncidentPanel</name>
    <message>
      <source>On scene</source>
      <translation>到场</translation>
    </message>
    <message>
      <source>First arrival reported by phone</source>
      <translation>电话报告首批力量到场</translation>
    </message>
    <message>
      <source>Hand over…</source>
      <translation>移交…</translation>
    </message>
    <message>
      <source>The fire and rescue service takes command (移交)</source>
      <translation>由消防救援队伍接手指挥（移交）</translation>
    </message>
    <message>
      <source>Close…</source>
      <translation>结案…</translation>
    </message>
    <message>
      <source>Close the incident (a reason unless handed over)</source>
      <translation>结案（未移交的须填写理由）</translation>
    </message>
    <message>
      <source>Note…</source>
      <translation>记录…</translation>
    </message>
    <message>
      <source>Add a note to the timeline</source>
      <translation>在处置记录中添加一条</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Correct type, severity, caller, description</source>
      <translation>修改类型、等级、报警人、情况描述</translation>
    </message>
    <message>
      <source>Merge…</source>
      <translation>合并…</translation>
    </message>
    <message>
      <source>This is a repeat call: merge it into another open incident</source>
      <translation>重复报警：合并到另一起未结警情</translation>
    </message>
    <message>
      <source>Recommendation and dispatch</source>
      <translation>推荐与调度</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>处置记录</translation>
    </message>
    <message>
      <source>Units sent</source>
      <translation>出动力量</translation>
    </message>
    <message>
      <source>Select an incident, or log a new call (Ctrl+N).</source>
      <translation>请选择一起警情，或新建接警（Ctrl+N）。</translation>
    </message>
    <message>
      <source>Called {time} by {caller} {phone}</source>
      <translation>{time} 接警，报警人 {caller} {phone}</translation>
    </message>
    <message>
      <source>(no name)</source>
      <translation>（未留姓名）</translation>
    </message>
    <message>
      <source>Handed over to {whom} at {time}</source>
      <translation>{time} 移交 {whom}</translation>
    </message>
    <message>
      <source>Closed at {time}: {reason}</source>
      <translation>{time} 结案：{reason}</translation>
    </message>
    <message>
      <source>after hand-over</source>
      <translation>移交后结案</translation>
    </message>
    <message>
      <source>Repeat calls merged in: {codes}</source>
      <translation>已合并的重复报警：{codes}</translation>
    </message>
    <message>
      <source>{label}: waiting {time} (target {target})</source>
      <translation>{label}：已等待 {time}（目标 {target}）</translation>
    </message>
    <message>
      <source>{label}: {time} (target {target})</source>
      <translation>{label}：{time}（目标 {target}）</translation>
    </message>
    <message>
      <source>Call → dispatch</source>
      <translation>接警→调度</translation>
    </message>
    <message>
      <source>Dispatch → first arrival</source>
      <translation>调度→首批到场</translation>
    </message>
    <message>
      <source>Marked on scene.</source>
      <translation>已标记到场。</translation>
    </message>
    <message>
      <source>Handed over to {whom}.</source>
      <translation>已移交 {whom}。</translation>
    </message>
    <message>
      <source>Incident closed.</source>
      <translation>警情已结案。</translation>
    </message>
    <message>
      <source>Note added.</source>
      <translation>已添加记录。</translation>
    </message>
    <message>
      <source>Details saved.</source>
      <translation>已保存修改。</translation>
    </message>
    <message>
      <source>Merged into the other incident.</source>
      <translation>已合并到另一起警情。</translation>
    </message>
  </context>
  <context>
    <name>IncidentsTab</name>
    <message>
      <source>Open only</source>
      <translation>只看未结</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>All types</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <source>All streets</source>
      <translation>全部街道</translation>
    </message>
    <message>
      <source>JQ number, address, caller, phone</source>
      <translation>警情编号、地址、报警人、电话</translation>
    </message>
    <message>
      <source>New incident…</source>
      <translation>新建接警…</translation>
    </message>
    <message>
      <source>Log a new call (Ctrl+N)</source>
      <translation>登记新的报警（Ctrl+N）</translation>
    </message>
    <message>
      <source>Load older incidents</source>
      <translation>加载更早的警情</translation>
    </message>
    <message numerus="yes">
      <source>%n incidents</source>
      <translation>
        <numerusform>%n 起警情</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>IntakeDialog</name>
    <message>
      <source>New incident (call intake)</source>
      <translation>新建警情（接警登记）</translation>
    </message>
    <message>
      <source>Enterprise, address, grid name, or “117.18, 34.26”</source>
      <translation>企业、地址、网格名称，或坐标“117.18, 34.26”</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Grids</source>
      <translation>所属网格</translation>
    </message>
    <message>
      <source>Caller</source>
      <translation>报警人</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>情况描述</translation>
    </message>
    <message>
      <source>Log the call</source>
      <translation>登记接警</translation>
    </message>
    <message>
      <source>Save the incident (Ctrl+Enter)</source>
      <translation>保存警情（Ctrl+Enter）</translation>
    </message>
    <message>
      <source>Map point {lon:.6f}, {lat:.6f}</source>
      <translation>地图选点 {lon:.6f}, {lat:.6f}</translation>
    </message>
    <message>
      <source>No match yet: keep typing, or type coordinates.</source>
      <translation>暂无匹配：请继续输入，或输入坐标。</translation>
    </message>
    <message>
      <source>Finding the grids…</source>
      <translation>正在查找所属网格…</translation>
    </message>
    <message>
      <source>Grid officer {name} {phone}</source>
      <translation>网格员 {name} {phone}</translation>
    </message>
    <message>
      <source>{code}: {type}, {status}, {m:.0f} m away, {min:.0f} min apart — {address}</source>
      <translation>{code}：{type}，{status}，相距 {m:.0f} 米，相隔 {min:.0f} 分钟 — {address}</translation>
    </message>
    <message>
      <source>A similar incident is open nearby — is this the same one?</source>
      <translation>附近有类似的未结警情——是否为同一事件？</translation>
    </message>
    <message>
      <source>Add to {code} as a repeat call</source>
      <translation>作为重复报警并入 {code}</translation>
    </message>
    <message>
      <source>Log this call and merge it into {code}: its caller and description go to that incident's timeline</source>
      <translation>登记本次报警并合并到 {code}：报警人和情况描述记入该警情的处置记录</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>District</source>
      <translation>区级</translation>
    </message>
    <message>
      <source>Department grid</source>
      <translation>行业部门网格</translation>
    </message>
    <message>
      <source>Street / park grid</source>
      <translation>街道（园区）网格</translation>
    </message>
    <message>
      <source>Community grid</source>
      <translation>社区网格</translation>
    </message>
    <message>
      <source>Sub-community grid</source>
      <translation>社区以下网格</translation>
    </message>
    <message>
      <source>Enterprise grid</source>
      <translation>企业专属网格</translation>
    </message>
    <message>
      <source>Red (major)</source>
      <translation>红（重大风险）</translation>
    </message>
    <message>
      <source>Orange (high)</source>
      <translation>橙（较大风险）</translation>
    </message>
    <message>
      <source>Yellow (moderate)</source>
      <translation>黄（一般风险）</translation>
    </message>
    <message>
      <source>Blue (low)</source>
      <translation>蓝（低风险）</translation>
    </message>
    <message>
      <source>Large</source>
      <translation>大型</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation>中型</translation>
    </message>
    <message>
      <source>Small</source>
      <translation>小型</translation>
    </message>
    <message>
      <source>Micro</source>
      <translation>微型</translation>
    </message>
    <message>
      <source>District-direct</source>
      <translation>区级直管</translation>
    </message>
    <message>
      <source>Street</source>
      <translation>街道</translation>
    </message>
    <message>
      <source>Full-time</source>
      <translation>专职</translation>
    </message>
    <message>
      <source>Part-time</source>
      <translation>兼职</translation>
    </message>
    <message>
      <source>Park</source>
      <translation>园区</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>Duty officer</source>
      <translation>值班员</translation>
    </message>
    <message>
      <source>Viewer</source>
      <translation>只读用户</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Unified social credit code</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Grid officer</source>
      <translation>网格员</translation>
    </message>
    <message>
      <source>Officer name</source>
      <translation>网格员姓名</translation>
    </message>
    <message>
      <source>Officer phone</source>
      <translation>网格员电话</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Responsible unit</source>
      <translation>责任单位</translation>
    </message>
    <message>
      <source>Parent grid</source>
      <translation>上级网格</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>To classify</source>
      <translation>待分类</translation>
    </message>
    <message>
      <source>To rectify</source>
      <translation>待整改</translation>
    </message>
    <message>
      <source>Rectifying</source>
      <translation>整改中</translation>
    </message>
    <message>
      <source>Awaiting re-inspection</source>
      <translation>待复查</translation>
    </message>
    <message>
      <source>Closed off</source>
      <translation>已销号</translation>
    </message>
    <message>
      <source>Not a hazard</source>
      <translation>不予立案</translation>
    </message>
    <message>
      <source>General hazard</source>
      <translation>一般隐患</translation>
    </message>
    <message>
      <source>Major hazard</source>
      <translation>重大隐患</translation>
    </message>
    <message>
      <source>Fire safety</source>
      <translation>消防安全</translation>
    </message>
    <message>
      <source>Electrical safety</source>
      <translation>用电安全</translation>
    </message>
    <message>
      <source>Hazardous chemicals</source>
      <translation>危险化学品</translation>
    </message>
    <message>
      <source>Special equipment</source>
      <translation>特种设备</translation>
    </message>
    <message>
      <source>Construction</source>
      <translation>建筑施工</translation>
    </message>
    <message>
      <source>Gas safety</source>
      <translation>燃气安全</translation>
    </message>
    <message>
      <source>Confined space</source>
      <translation>有限空间</translation>
    </message>
    <message>
      <source>Crowded place</source>
      <translation>人员密集场所</translation>
    </message>
    <message>
      <source>Transport</source>
      <translation>交通运输</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Grid patrol</source>
      <translation>网格巡查</translation>
    </message>
    <message>
      <source>Law-enforcement inspection</source>
      <translation>执法检查</translation>
    </message>
    <message>
      <source>Report from the public</source>
      <translation>群众举报</translation>
    </message>
    <message>
      <source>Referred by a department</source>
      <translation>部门移交</translation>
    </message>
    <message>
      <source>Site photo</source>
      <translation>现场照片</translation>
    </message>
    <message>
      <source>Rectification evidence</source>
      <translation>整改佐证</translation>
    </message>
    <message>
      <source>Rectification plan</source>
      <translation>整改方案</translation>
    </message>
    <message>
      <source>Other document</source>
      <translation>其他材料</translation>
    </message>
    <message>
      <source>Reported</source>
      <translation>上报隐患</translation>
    </message>
    <message>
      <source>Classified</source>
      <translation>分类分派</translation>
    </message>
    <message>
      <source>Dismissed</source>
      <translation>不予立案</translation>
    </message>
    <message>
      <source>Rectification assigned</source>
      <translation>落实整改</translation>
    </message>
    <message>
      <source>Rectification reported done</source>
      <translation>整改完成</translation>
    </message>
    <message>
      <source>Re-inspection passed</source>
      <translation>复查合格</translation>
    </message>
    <message>
      <source>Re-inspection failed</source>
      <translation>复查不合格</translation>
    </message>
    <message>
      <source>Files attached</source>
      <translation>补充材料</translation>
    </message>
    <message>
      <source>Escalated</source>
      <translation>督查督办</translation>
    </message>
    <message>
      <source>Deadline reminder</source>
      <translation>临期提醒</translation>
    </message>
    <message>
      <source>Overdue notice</source>
      <translation>逾期催办</translation>
    </message>
    <message>
      <source>Local supervision</source>
      <translation>属地督办</translation>
    </message>
    <message>
      <source>District supervision</source>
      <translation>挂牌督办</translation>
    </message>
    <message>
      <source>Supervision level {n}</source>
      <translation>督办{n}级</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>隐患描述</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>隐患类别</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>隐患等级</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Found at</source>
      <translation>发现时间</translation>
    </message>
    <message>
      <source>Found by</source>
      <translation>发现人</translation>
    </message>
    <message>
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Selection</source>
      <translation>所选工单</translation>
    </message>
    <message>
      <source>Responsible party</source>
      <translation>整改责任人</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>整改佐证</translation>
    </message>
    <message>
      <source>Re-inspector</source>
      <translation>复查人</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Supervising level</source>
      <translation>监管层级</translation>
    </message>
    <message>
      <source>Escalation</source>
      <translation>督办级别</translation>
    </message>
    <message>
      <source>Available</source>
      <translation>待命</translation>
    </message>
    <message>
      <source>Dispatched</source>
      <translation>已派遣</translation>
    </message>
    <message>
      <source>En route</source>
      <translation>途中</translation>
    </message>
    <message>
      <source>On scene</source>
      <translation>到场</translation>
    </message>
    <message>
      <source>Returning</source>
      <translation>返回</translation>
    </message>
    <message>
      <source>Off duty</source>
      <translation>下班</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>训练</translation>
    </message>
    <message>
      <source>On leave</source>
      <translation>请假</translation>
    </message>
    <message>
      <source>Maintenance</source>
      <translation>维修</translation>
    </message>
    <message>
      <source>Captain</source>
      <translation>中队长</translation>
    </message>
    <message>
      <source>Deputy captain</source>
      <translation>副中队长</translation>
    </message>
    <message>
      <source>Team member</source>
      <translation>队员</translation>
    </message>
    <message>
      <source>Fire</source>
      <translation>火灾</translation>
    </message>
    <message>
      <source>Gas leak</source>
      <translation>燃气泄漏</translation>
    </message>
    <message>
      <source>Hazardous chemicals incident</source>
      <translation>危化品事故</translation>
    </message>
    <message>
      <source>Collapse</source>
      <translation>坍塌</translation>
    </message>
    <message>
      <source>Traffic accident</source>
      <translation>交通事故</translation>
    </message>
    <message>
      <source>Flooding</source>
      <translation>内涝</translation>
    </message>
    <message>
      <source>Other incident</source>
      <translation>其他警情</translation>
    </message>
    <message>
      <source>Ordinary (level IV)</source>
      <translation>一般(Ⅳ级)</translation>
    </message>
    <message>
      <source>Large (level III)</source>
      <translation>较大(Ⅲ级)</translation>
    </message>
    <message>
      <source>Major (level II)</source>
      <translation>重大(Ⅱ级)</translation>
    </message>
    <message>
      <source>Especially major (level I)</source>
      <translation>特别重大(Ⅰ级)</translation>
    </message>
    <message>
      <source>Call logged</source>
      <translation>已接警</translation>
    </message>
    <message>
      <source>Units dispatched</source>
      <translation>已调度</translation>
    </message>
    <message>
      <source>Units on scene</source>
      <translation>已到场</translation>
    </message>
    <message>
      <source>Handed over</source>
      <translation>已移交</translation>
    </message>
    <message>
      <source>Case closed</source>
      <translation>已结案</translation>
    </message>
    <message>
      <source>Portable extinguisher</source>
      <translation>轻便灭火器</translation>
    </message>
    <message>
      <source>Walkie-talkie</source>
      <translation>对讲机</translation>
    </message>
    <message>
      <source>Cordon and isolation kit</source>
      <translation>警戒隔离器材</translation>
    </message>
    <message>
      <source>Micro fire engine</source>
      <translation>微型消防车</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>完好</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>使用中</translation>
    </message>
    <message>
      <source>Under maintenance</source>
      <translation>维修中</translation>
    </message>
    <message>
      <source>Day shift</source>
      <translation>白班</translation>
    </message>
    <message>
      <source>Night shift</source>
      <translation>夜班</translation>
    </message>
    <message>
      <source>Standby</source>
      <translation>备勤</translation>
    </message>
    <message>
      <source>on foot</source>
      <translation>步行</translation>
    </message>
    <message>
      <source>by e-bike</source>
      <translation>骑电动车</translation>
    </message>
    <message>
      <source>by fire engine</source>
      <translation>驾消防车</translation>
    </message>
    <message>
      <source>Same sub-community grid</source>
      <translation>同一网格</translation>
    </message>
    <message>
      <source>Same community</source>
      <translation>同一社区</translation>
    </message>
    <message>
      <source>Same street</source>
      <translation>同一街道</translation>
    </message>
    <message>
      <source>Another street</source>
      <translation>其他街道</translation>
    </message>
    <message>
      <source>Valid</source>
      <translation>有效</translation>
    </message>
    <message>
      <source>Expiring soon</source>
      <translation>即将到期</translation>
    </message>
    <message>
      <source>Expired</source>
      <translation>已过期</translation>
    </message>
    <message>
      <source>No expiry</source>
      <translation>长期有效</translation>
    </message>
    <message>
      <source>Training session</source>
      <translation>培训</translation>
    </message>
    <message>
      <source>Drill</source>
      <translation>演练</translation>
    </message>
    <message>
      <source>Excellent</source>
      <translation>优秀</translation>
    </message>
    <message>
      <source>Passed</source>
      <translation>合格</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>不合格</translation>
    </message>
    <message>
      <source>Absent</source>
      <translation>缺勤</translation>
    </message>
    <message>
      <source>Good</source>
      <translation>良好</translation>
    </message>
    <message>
      <source>Qualified</source>
      <translation>合格</translation>
    </message>
    <message>
      <source>Unqualified</source>
      <translation>不合格</translation>
    </message>
    <message>
      <source>Incident type</source>
      <translation>警情类型</translation>
    </message>
    <message>
      <source>Caller</source>
      <translation>报警人</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Call time</source>
      <translation>接警时间</translation>
    </message>
    <message>
      <source>Handed over to</source>
      <translation>移交对象</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>出动队伍</translation>
    </message>
    <message>
      <source>Off-duty override</source>
      <translation>下班人员强制派遣</translation>
    </message>
    <message>
      <source>Minimum-free override</source>
      <translation>最低留守强制派遣</translation>
    </message>
    <message>
      <source>Override reason</source>
      <translation>强制派遣理由</translation>
    </message>
    <message>
      <source>Merge into</source>
      <translation>合并到</translation>
    </message>
    <message>
      <source>Duplicate report</source>
      <translation>重复报警</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>科目</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>时长</translation>
    </message>
    <message>
      <source>Attendance</source>
      <translation>出勤</translation>
    </message>
    <message>
      <source>Sub-squad</source>
      <translation>中队</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>季度</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Held by</source>
      <translation>保管单位</translation>
    </message>
    <message>
      <source>Next check</source>
      <translation>下次检查</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Enabled</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Listen address</source>
      <translation>监听地址</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>端口</translation>
    </message>
  </context>
  <context>
    <name>LedgerExport</name>
    <message>
      <source>Hazard ledger {day}.xlsx</source>
      <translation>隐患排查治理台账{day}.xlsx</translation>
    </message>
    <message>
      <source>Export the hazard ledger</source>
      <translation>导出隐患台账</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Writing the hazard ledger…</source>
      <translation>正在生成隐患台账…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Writing the hazard ledger… {done:,} of {total:,} tickets</source>
      <translation>正在生成隐患台账… {done:,} / {total:,} 条</translation>
    </message>
    <message numerus="yes">
      <source>Ledger saved: %n ticket(s) in {path}</source>
      <translation>
        <numerusform>台账已保存：%n 条，文件 {path}</numerusform>
      </translation>
    </message>
    <message>
      <source>Export cancelled; no file was written.</source>
      <translation>已取消导出，未生成文件。</translation>
    </message>
    <message>
      <source>Export failed: {reason}</source>
      <translation>导出失败：{reason}</translation>
    </message>
  </context>
  <context>
    <name>LedgerForm</name>
    <message>
      <source>All streets and parks</source>
      <translation>全部街道和园区</translation>
    </message>
    <message>
      <source>All departments</source>
      <translation>全部部门</translation>
    </message>
    <message>
      <source>Found between</source>
      <translation>发现日期</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Open (not closed off)</source>
      <translation>在办（未销号）</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>逾期未整改</translation>
    </message>
    <message>
      <source>Street:</source>
      <translation>街道（园区）：</translation>
    </message>
    <message>
      <source>Department:</source>
      <translation>责任部门：</translation>
    </message>
    <message>
      <source>Status:</source>
      <translation>状态：</translation>
    </message>
    <message>
      <source>{0} hazards, about {1} landscape pages.</source>
      <translation>共 {0} 条隐患，约 {1} 页（A4 横向）。</translation>
    </message>
    <message>
      <source>No hazard matches this filter.</source>
      <translation>没有符合筛选条件的隐患。</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>Sign in to SafeGrid</source>
      <translation>登录 SafeGrid</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Wrong user name or password</source>
      <translation>用户名或密码错误</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>SafeGrid Command Centre</source>
      <translation>SafeGrid 安全生产网格化监管指挥中心</translation>
    </message>
    <message>
      <source>Starting…</source>
      <translation>正在启动…</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>地图</translation>
    </message>
    <message>
      <source>Hazards</source>
      <translation>隐患</translation>
    </message>
    <message>
      <source>Dispatch</source>
      <translation>调度</translation>
    </message>
    <message>
      <source>Grids</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Enterprises</source>
      <translation>企业</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>态势看板</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>Administration</source>
      <translation>系统管理</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;About SafeGrid</source>
      <translation>关于 SafeGrid(&amp;A)</translation>
    </message>
    <message>
      <source>About SafeGrid</source>
      <translation>关于 SafeGrid</translation>
    </message>
    <message>
      <source>SafeGrid Command Centre
Grid-based safety-production supervision for the district duty room.</source>
      <translation>SafeGrid 安全生产网格化监管指挥中心
面向区应急管理局值班室的安全生产网格化监管系统。</translation>
    </message>
    <message>
      <source>User: {name} ({role})</source>
      <translation>用户：{name}（{role}）</translation>
    </message>
    <message>
      <source>Connected</source>
      <translation>已连接</translation>
    </message>
    <message>
      <source>Disconnected, retrying</source>
      <translation>连接中断，正在重试</translation>
    </message>
  </context>
  <context>
    <name>MapCards</name>
    <message>
      <source>Legend</source>
      <translation>图例</translation>
    </message>
    <message>
      <source>Search grid, enterprise, member…</source>
      <translation>搜索网格、企业、队员…</translation>
    </message>
    <message>
      <source>No match</source>
      <translation>无匹配结果</translation>
    </message>
    <message>
      <source>Zoom to the whole district</source>
      <translation>缩放至全区</translation>
    </message>
    <message>
      <source>Zoom in to see this layer</source>
      <translation>放大后显示此图层</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Grid officer</source>
      <translation>网格员</translation>
    </message>
    <message>
      <source>(none posted)</source>
      <translation>（未配备）</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Duties</source>
      <translation>职责</translation>
    </message>
    <message>
      <source>Responsible unit</source>
      <translation>责任单位</translation>
    </message>
    <message>
      <source>Enterprises</source>
      <translation>企业数</translation>
    </message>
    <message>
      <source>Part of</source>
      <translation>上级网格</translation>
    </message>
    <message>
      <source>Risk</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Supervision</source>
      <translation>监管层级</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>牵头监管部门</translation>
    </message>
    <message>
      <source>None: supervision gap</source>
      <translation>无：监管空白</translation>
    </message>
    <message>
      <source>Street / community</source>
      <translation>街道 / 社区</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Credit code</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <source>This point lies outside every grid of the district.</source>
      <translation>此处不在本区任何网格内。</translation>
    </message>
    <message>
      <source>Grid officer here: {name} {phone}</source>
      <translation>此处网格员：{name} {phone}</translation>
    </message>
    <message>
      <source>What is here</source>
      <translation>这里是什么</translation>
    </message>
  </context>
  <context>
    <name>MapLayers</name>
    <message>
      <source>Street / park grids</source>
      <translation>街道（园区）网格</translation>
    </message>
    <message>
      <source>Community grids</source>
      <translation>社区网格</translation>
    </message>
    <message>
      <source>Sub-community grids</source>
      <translation>社区以下网格</translation>
    </message>
    <message>
      <source>Enterprise grids</source>
      <translation>企业专属网格</translation>
    </message>
    <message>
      <source>Enterprises by risk</source>
      <translation>企业（按风险等级）</translation>
    </message>
    <message>
      <source>Red risk (major)</source>
      <translation>红色（重大风险）</translation>
    </message>
    <message>
      <source>Orange risk (high)</source>
      <translation>橙色（较大风险）</translation>
    </message>
    <message>
      <source>Yellow risk (moderate)</source>
      <translation>黄色（一般风险）</translation>
    </message>
    <message>
      <source>Blue risk (low)</source>
      <translation>蓝色（低风险）</translation>
    </message>
    <message>
      <source>Video points</source>
      <translation>视频定位</translation>
    </message>
    <message>
      <source>Camera code</source>
      <translation>摄像机编号</translation>
    </message>
    <message>
      <source>Stream address</source>
      <translation>视频流地址</translation>
    </message>
    <message>
      <source>Video point (视频定位)</source>
      <translation>视频点位</translation>
    </message>
    <message>
      <source>Hazard: to classify</source>
      <translation>隐患：待分类</translation>
    </message>
    <message>
      <source>Hazard: to rectify</source>
      <translation>隐患：待整改</translation>
    </message>
    <message>
      <source>Hazard: rectifying</source>
      <translation>隐患：整改中</translation>
    </message>
    <message>
      <source>Hazard: awaiting re-inspection</source>
      <translation>隐患：待复查</translation>
    </message>
    <message>
      <source>Open hazards</source>
      <translation>未销号隐患</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Enterprise / place</source>
      <translation>企业/地点</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>整改责任人</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <source>Escalation</source>
      <translation>督办级别</translation>
    </message>
    <message>
      <source>Overdue (red ring)</source>
      <translation>已逾期（红圈）</translation>
    </message>
    <message>
      <source>Member: available</source>
      <translation>队员：待命</translation>
    </message>
    <message>
      <source>Member: dispatched</source>
      <translation>队员：已派遣</translation>
    </message>
    <message>
      <source>Member: en route</source>
      <translation>队员：途中</translation>
    </message>
    <message>
      <source>Member: on scene</source>
      <translation>队员：到场</translation>
    </message>
    <message>
      <source>Member: returning</source>
      <translation>队员：返回</translation>
    </message>
    <message>
      <source>Member: off duty</source>
      <translation>队员：下班</translation>
    </message>
    <message>
      <source>Member: training</source>
      <translation>队员：训练</translation>
    </message>
    <message>
      <source>Member: on leave</source>
      <translation>队员：请假</translation>
    </message>
    <message>
      <source>Squad members</source>
      <translation>突击队员</translation>
    </message>
    <message>
      <source>Call sign</source>
      <translation>呼号</translation>
    </message>
    <message>
      <source>Sub-squad</source>
      <translation>中队</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Incident</source>
      <translation>警情</translation>
    </message>
    <message>
      <source>Fire engine: available</source>
      <translation>消防车：待命</translation>
    </message>
    <message>
      <source>Fire engine: dispatched</source>
      <translation>消防车：已派遣</translation>
    </message>
    <message>
      <source>Fire engine: en route</source>
      <translation>消防车：途中</translation>
    </message>
    <message>
      <source>Fire engine: on scene</source>
      <translation>消防车：到场</translation>
    </message>
    <message>
      <source>Fire engine: returning</source>
      <translation>消防车：返回</translation>
    </message>
    <message>
      <source>Fire engine: maintenance</source>
      <translation>消防车：维修</translation>
    </message>
    <message>
      <source>Incident: reported, awaiting dispatch</source>
      <translation>警情：已接警，待调度</translation>
    </message>
    <message>
      <source>Incident: squad dispatched</source>
      <translation>警情：已调度</translation>
    </message>
    <message>
      <source>Incident: squad on scene</source>
      <translation>警情：队伍已到场</translation>
    </message>
    <message>
      <source>Incident: handed over to fire and rescue</source>
      <translation>警情：已移交消防救援</translation>
    </message>
    <message>
      <source>Micro fire engines</source>
      <translation>微型消防车</translation>
    </message>
    <message>
      <source>Open incidents</source>
      <translation>未结警情</translation>
    </message>
    <message>
      <source>Incident number</source>
      <translation>警情编号</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Units engaged</source>
      <translation>出动力量</translation>
    </message>
  </context>
  <context>
    <name>MapScreen</name>
    <message>
      <source>All departments</source>
      <translation>全部部门</translation>
    </message>
    <message>
      <source>Zoom to district</source>
      <translation>全区视图</translation>
    </message>
    <message>
      <source>Base map…</source>
      <translation>底图…</translation>
    </message>
    <message>
      <source>Import overlay…</source>
      <translation>导入图层…</translation>
    </message>
    <message>
      <source>Export HTML…</source>
      <translation>导出 HTML…</translation>
    </message>
    <message>
      <source>Export PNG…</source>
      <translation>导出 PNG…</translation>
    </message>
    <message>
      <source>Loading the map…</source>
      <translation>正在加载地图…</translation>
    </message>
    <message>
      <source>Layers</source>
      <translation>图层</translation>
    </message>
    <message>
      <source>Department filter</source>
      <translation>部门筛选</translation>
    </message>
    <message>
      <source>Grids</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>点位</translation>
    </message>
    <message>
      <source>Overlays</source>
      <translation>自定义图层</translation>
    </message>
    <message>
      <source>Delete this overlay</source>
      <translation>删除此图层</translation>
    </message>
    <message>
      <source>{n} layers on the map</source>
      <translation>地图上共 {n} 个图层</translation>
    </message>
    <message>
      <source>New incident here</source>
      <translation>在此新建事件</translation>
    </message>
    <message>
      <source>What is here?</source>
      <translation>这里是什么？</translation>
    </message>
    <message>
      <source>Export the map as HTML</source>
      <translation>导出地图为 HTML</translation>
    </message>
    <message>
      <source>Web page (*.html)</source>
      <translation>网页 (*.html)</translation>
    </message>
    <message>
      <source>Map saved as {path}</source>
      <translation>地图已保存为 {path}</translation>
    </message>
    <message>
      <source>Export the map as an image</source>
      <translation>导出地图为图片</translation>
    </message>
    <message>
      <source>PNG image (*.png)</source>
      <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Could not write {path}</source>
      <translation>无法写入 {path}</translation>
    </message>
  </context>
  <context>
    <name>MemberCard</name>
    <message>
      <source>Select a member to see their card.</source>
      <translation>选择一名队员查看详情。</translation>
    </message>
    <message>
      <source>None recorded.</source>
      <translation>暂无记录。</translation>
    </message>
    <message>
      <source>check-in overdue</source>
      <translation>超时未报到</translation>
    </message>
    <message>
      <source>since {t}</source>
      <translation>自 {t}</translation>
    </message>
    <message>
      <source>Incident {code}</source>
      <translation>警情 {code}</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Radio call sign</source>
      <translation>电台呼号</translation>
    </message>
    <message>
      <source>Home grid</source>
      <translation>责任网格</translation>
    </message>
    <message>
      <source>Now at</source>
      <translation>当前位置</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>Position fix</source>
      <translation>定位时间</translation>
    </message>
    <message>
      <source>Tracker</source>
      <translation>定位终端</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Travels</source>
      <translation>出行方式</translation>
    </message>
    <message>
      <source>Certifications</source>
      <translation>资格证书</translation>
    </message>
    <message>
      <source>Certificate</source>
      <translation>证书</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Expires</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Shifts (next 7 days)</source>
      <translation>排班（未来 7 天）</translation>
    </message>
    <message>
      <source>Shift</source>
      <translation>班次</translation>
    </message>
    <message>
      <source>From</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>To</source>
      <translation>结束</translation>
    </message>
    <message>
      <source>Recent dispatches</source>
      <translation>最近出警</translation>
    </message>
    <message>
      <source>Incident</source>
      <translation>警情</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Dispatched</source>
      <translation>派遣</translation>
    </message>
    <message>
      <source>Arrived</source>
      <translation>到场</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>归队</translation>
    </message>
    <message>
      <source>Quarterly assessment</source>
      <translation>季度考核</translation>
    </message>
    <message>
      <source>No assessment yet.</source>
      <translation>暂无考核。</translation>
    </message>
    <message>
      <source>{hours:.1f} of {required:.0f} hours, {sessions} sessions ({drills} drills), {absences} absences</source>
      <translation>训练 {hours:.1f}/{required:.0f} 小时，参训 {sessions} 次（演练 {drills} 次），缺勤 {absences} 次</translation>
    </message>
  </context>
  <context>
    <name>MessageBar</name>
    <message>
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>NewHazardDialog</name>
    <message>
      <source>New hazard</source>
      <translation>上报隐患</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>上报</translation>
    </message>
    <message>
      <source>At an enterprise</source>
      <translation>企业内</translation>
    </message>
    <message>
      <source>At a place in a grid (public area)</source>
      <translation>网格内公共区域</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Type part of the name</source>
      <translation>输入名称中的字词</translation>
    </message>
    <message>
      <source>Enterprise</source>
      <translation>企业</translation>
    </message>
    <message>
      <source>Choose a community</source>
      <translation>选择社区</translation>
    </message>
    <message>
      <source>e.g. the pavement outside No. 12 Heping Road</source>
      <translation>如：和平路12号门前人行道</translation>
    </message>
    <message>
      <source>Community</source>
      <translation>社区</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>网格</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>具体地点</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>隐患类别</translation>
    </message>
    <message>
      <source>First assessment</source>
      <translation>初判等级</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>隐患描述</translation>
    </message>
    <message>
      <source>What was found, and where exactly</source>
      <translation>发现了什么问题，具体在哪里</translation>
    </message>
    <message>
      <source>Found by</source>
      <translation>发现人</translation>
    </message>
    <message>
      <source>Site photos</source>
      <translation>现场照片</translation>
    </message>
    <message>
      <source>Optional: defaults to the enterprise's name</source>
      <translation>选填：默认为企业名称</translation>
    </message>
    <message>
      <source>Choose a grid</source>
      <translation>选择网格</translation>
    </message>
  </context>
  <context>
    <name>NoteDialog</name>
    <message>
      <source>Note on {code}</source>
      <translation>备注 {code}</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>添加备注</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>A remark or a leader's instruction (批示)</source>
      <translation>备注或领导批示</translation>
    </message>
  </context>
  <context>
    <name>Ops</name>
    <message>
      <source>Unexpected error: {0}</source>
      <translation>意外错误：{0}</translation>
    </message>
  </context>
  <context>
    <name>OverlayImportDialog</name>
    <message>
      <source>Import a GeoJSON overlay</source>
      <translation>导入 GeoJSON 图层</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>e.g. 应急避难场所</source>
      <translation>例如：应急避难场所</translation>
    </message>
    <message>
      <source>GeoJSON file</source>
      <translation>GeoJSON 文件</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>颜色</translation>
    </message>
    <message>
      <source>GeoJSON (*.geojson *.json);;All files (*)</source>
      <translation>GeoJSON (*.geojson *.json);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Overlay colour</source>
      <translation>图层颜色</translation>
    </message>
    <message>
      <source>Choose a GeoJSON file.</source>
      <translation>请选择 GeoJSON 文件。</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Not imported — {field}: {reason}</source>
      <translation>未导入 — {field}：{reason}</translation>
    </message>
    <message>
      <source>Not imported: {reason}</source>
      <translation>未导入：{reason}</translation>
    </message>
  </context>
  <context>
    <name>PdfPreview</name>
    <message>
      <source>Previous page (PgUp)</source>
      <translation>上一页（PgUp）</translation>
    </message>
    <message>
      <source>Next page (PgDn)</source>
      <translation>下一页（PgDn）</translation>
    </message>
    <message>
      <source>Zoom out (Ctrl+-)</source>
      <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
      <source>Zoom in (Ctrl++)</source>
      <translation>放大（Ctrl++）</translation>
    </message>
    <message>
      <source>Fit width</source>
      <translation>适合宽度</translation>
    </message>
    <message>
      <source>Fit page</source>
      <translation>适合页面</translation>
    </message>
    <message>
      <source>of {0}</source>
      <translation>/ 共 {0} 页</translation>
    </message>
  </context>
  <context>
    <name>PostingForm</name>
    <message>
      <source>All grids of the district</source>
      <translation>全区所有网格</translation>
    </message>
    <message>
      <source>A community and every grid below it</source>
      <translation>一个社区及其下级网格</translation>
    </message>
    <message>
      <source>One grid</source>
      <translation>单个网格</translation>
    </message>
    <message>
      <source>Loading communities…</source>
      <translation>正在加载社区…</translation>
    </message>
    <message>
      <source>Grid code or name, e.g. QS-01-01-01</source>
      <translation>网格编码或名称，如 QS-01-01-01</translation>
    </message>
    <message>
      <source>Community:</source>
      <translation>社区：</translation>
    </message>
    <message>
      <source>Grid:</source>
      <translation>网格：</translation>
    </message>
    <message>
      <source>Date printed:</source>
      <translation>落款日期：</translation>
    </message>
    <message>
      <source>Type to filter communities</source>
      <translation>输入文字筛选社区</translation>
    </message>
    <message>
      <source>Could not load the communities: {0}</source>
      <translation>无法加载社区：{0}</translation>
    </message>
    <message>
      <source>{0} sheets, one A4 page per grid.</source>
      <translation>共 {0} 张公示牌，每个网格一页 A4。</translation>
    </message>
    <message>
      <source>{0} sheets: the community and every grid below it.</source>
      <translation>共 {0} 张公示牌：该社区及其全部下级网格。</translation>
    </message>
    <message>
      <source>One sheet.</source>
      <translation>共 1 张公示牌。</translation>
    </message>
  </context>
  <context>
    <name>RecommendPanel</name>
    <message>
      <source>Dispatch off-duty members</source>
      <translation>派遣下班人员</translation>
    </message>
    <message>
      <source>Off-duty members may be proposed and dispatched; recorded as an override</source>
      <translation>允许推荐和派遣下班人员；记为强制派遣</translation>
    </message>
    <message>
      <source>Override the minimum free per sub-squad</source>
      <translation>突破最低留守</translation>
    </message>
    <message>
      <source>Take members even below the sub-squad's minimum free; recorded</source>
      <translation>即使中队待命人数低于最低保留也派遣；记录在案</translation>
    </message>
    <message>
      <source>Reason for the override (required with an override)</source>
      <translation>强制派遣理由（强制派遣时必填）</translation>
    </message>
    <message>
      <source>Dispatch</source>
      <translation>派遣</translation>
    </message>
    <message>
      <source>Dispatch the ticked units now (Ctrl+Enter; Ctrl+D sends the recommended team as proposed)</source>
      <translation>立即派出已勾选的力量（Ctrl+Enter；Ctrl+D 按推荐方案一键调度）</translation>
    </message>
    <message>
      <source>Back to the proposal</source>
      <translation>恢复推荐方案</translation>
    </message>
    <message>
      <source>Tick exactly the recommended team again</source>
      <translation>重新勾选推荐队伍</translation>
    </message>
    <message>
      <source>This incident takes no more units.</source>
      <translation>该警情不再增派力量。</translation>
    </message>
    <message>
      <source>no special equipment</source>
      <translation>无特殊装备要求</translation>
    </message>
    <message>
      <source>Recommended for {code}</source>
      <translation>{code} 推荐方案</translation>
    </message>
    <message>
      <source>{n} members wanted; equipment needed: {needs}. Ranked: same grid, community, street, then travel time.</source>
      <translation>需 {n} 名队员；所需装备：{needs}。排序：同网格、同社区、同街道优先，再按预计用时。</translation>
    </message>
    <message>
      <source>engaged</source>
      <translation>执行任务中</translation>
    </message>
    <message>
      <source>Not available now — {who}</source>
      <translation>当前不可派 — {who}</translation>
    </message>
    <message>
      <source>Team: {m} members, {v} fire engines</source>
      <translation>出动：队员 {m} 名，消防车 {v} 辆</translation>
    </message>
    <message>
      <source>covered: {kit}</source>
      <translation>已满足：{kit}</translation>
    </message>
    <message>
      <source>missing: {kit}</source>
      <translation>缺少：{kit}</translation>
    </message>
    <message>
      <source>Dispatch the {n} ticked units</source>
      <translation>派出已勾选的 {n} 个力量</translation>
    </message>
    <message>
      <source>One-click dispatch: {n} units</source>
      <translation>一键调度：派出 {n} 个力量</translation>
    </message>
    <message>
      <source>{names}: off duty — tick “Dispatch off-duty members” and give a reason.</source>
      <translation>{names}：已下班——请勾选“派遣下班人员”并填写理由。</translation>
    </message>
    <message>
      <source>{names}: below the sub-squad minimum — tick the override and give a reason.</source>
      <translation>{names}：将低于中队最低留守——请勾选强制派遣并填写理由。</translation>
    </message>
    <message>
      <source>An override needs a reason.</source>
      <translation>强制派遣须填写理由。</translation>
    </message>
    <message>
      <source>Dispatched {n} units to {code}.</source>
      <translation>已向 {code} 派出 {n} 个力量。</translation>
    </message>
  </context>
  <context>
    <name>ReinspectDialog</name>
    <message>
      <source>Re-inspection of {code}: passed</source>
      <translation>复查合格 {code}</translation>
    </message>
    <message>
      <source>Re-inspection of {code}: failed</source>
      <translation>复查不合格 {code}</translation>
    </message>
    <message>
      <source>Close off</source>
      <translation>销号</translation>
    </message>
    <message>
      <source>Send back</source>
      <translation>退回整改</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>复查情况</translation>
    </message>
    <message>
      <source>What the re-inspection found</source>
      <translation>复查发现的情况</translation>
    </message>
    <message>
      <source> (required)</source>
      <translation>（必填）</translation>
    </message>
    <message>
      <source>New deadline</source>
      <translation>新整改期限</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>整改责任人</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
  </context>
  <context>
    <name>ReportDoneDialog</name>
    <message>
      <source>Rectification of {code} done</source>
      <translation>整改完成 {code}</translation>
    </message>
    <message>
      <source>Report done</source>
      <translation>上报整改完成</translation>
    </message>
    <message>
      <source>What was done</source>
      <translation>整改情况</translation>
    </message>
    <message>
      <source>Evidence photos</source>
      <translation>整改佐证照片</translation>
    </message>
  </context>
  <context>
    <name>ReportForms</name>
    <message>
      <source>Grid-officer posting sheets</source>
      <translation>网格员挂牌公示</translation>
    </message>
    <message>
      <source>One A4 sheet per grid for public posting: its officer, phone (with a QR code), duties, responsible unit and supervising department.</source>
      <translation>每个网格一页 A4 公示牌：网格员、联系电话（附二维码）、工作职责、责任单位和监管部门。</translation>
    </message>
    <message>
      <source>Duty daily report</source>
      <translation>安全生产值班日报</translation>
    </message>
    <message>
      <source>The situation report for a day or a duty shift: hazards found, closed off and overdue, major hazards, incidents with response times, the squad, a district map and charts.</source>
      <translation>一天或一个班次的值班日报：新发现、销号和逾期隐患，重大隐患，突发事件及响应时间，突击队力量，辖区态势图和统计图。</translation>
    </message>
    <message>
      <source>Hazard ledger</source>
      <translation>隐患排查治理台账</translation>
    </message>
    <message>
      <source>The hazard ledger for any street, department, period and status: landscape A4, one row per hazard, the header on every page.</source>
      <translation>按街道、部门、时段和状态筛选的隐患台账：A4 横向，每条隐患一行，每页重复表头。</translation>
    </message>
    <message>
      <source>Incident report</source>
      <translation>突发事件处置情况报告</translation>
    </message>
    <message>
      <source>One incident from the call to its closure: timeline, units dispatched, response times against the targets, hand-over.</source>
      <translation>单起突发事件从接警到结案的全过程：处置经过、出动力量、响应时间与目标对比、移交情况。</translation>
    </message>
  </context>
  <context>
    <name>ReportsScreen</name>
    <message>
      <source>Generate</source>
      <translation>生成</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <source>Save as…</source>
      <translation>另存为…</translation>
    </message>
    <message>
      <source>Choose a report on the left and press Generate; it is shown here to check before printing.</source>
      <translation>在左侧选择报表并点击“生成”，生成后在此预览，核对无误再打印。</translation>
    </message>
    <message>
      <source>Generating…</source>
      <translation>正在生成…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <source>%v of %m pages</source>
      <translation>第 %v 页 / 共 %m 页</translation>
    </message>
    <message>
      <source>The report was written but cannot be shown: {0}</source>
      <translation>报表已生成，但无法预览：{0}</translation>
    </message>
    <message>
      <source>Ready: {0} pages.</source>
      <translation>已生成：共 {0} 页。</translation>
    </message>
    <message>
      <source>Cancelled: no report was written.</source>
      <translation>已取消：未生成任何文件。</translation>
    </message>
    <message>
      <source>Nothing to report for this selection; no file was written.</source>
      <translation>所选范围没有可生成的内容，未生成文件。</translation>
    </message>
    <message>
      <source>Please check “{0}”: {1}</source>
      <translation>请检查“{0}”：{1}</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>正在打印…</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message>
      <source>Sent {0} pages to the printer.</source>
      <translation>已发送 {0} 页到打印机。</translation>
    </message>
    <message>
      <source>Save report as</source>
      <translation>报表另存为</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Could not save: {0}</source>
      <translation>无法保存：{0}</translation>
    </message>
    <message>
      <source>Saved to {0}</source>
      <translation>已保存到 {0}</translation>
    </message>
  </context>
  <context>
    <name>RuleTableModel</name>
    <message>
      <source>No department is responsible for this industry: its {n} enterprises have no lead department.</source>
      <translation>没有部门负责该行业：其 {n} 家企业没有牵头监管部门。</translation>
    </message>
    <message>
      <source>no rule — supervision gap</source>
      <translation>无责任边界 — 监管空白</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编码</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>牵头监管部门</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Enterprises</source>
      <translation>企业</translation>
    </message>
  </context>
  <context>
    <name>RulesTab</name>
    <message>
      <source>Each industry's lead supervising department. Every enterprise and hazard is routed by these rules; an industry without a rule is a supervision gap.</source>
      <translation>各行业的牵头监管部门。所有企业和隐患都按这些规则流转；没有规则的行业即为监管空白。</translation>
    </message>
    <message>
      <source>Read-only: only administrators can change responsibility boundaries.</source>
      <translation>只读：只有管理员可以修改责任边界。</translation>
    </message>
    <message>
      <source>Rule for the selected industry</source>
      <translation>所选行业的责任边界</translation>
    </message>
    <message>
      <source>Select an industry in the table.</source>
      <translation>请在表格中选择一个行业。</translation>
    </message>
    <message>
      <source>Choose the lead department…</source>
      <translation>选择牵头监管部门…</translation>
    </message>
    <message>
      <source>Why this department (optional)</source>
      <translation>指定该部门的理由（可选）</translation>
    </message>
    <message>
      <source>Save rule</source>
      <translation>保存规则</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>还原</translation>
    </message>
    <message>
      <source>Delete rule…</source>
      <translation>删除规则…</translation>
    </message>
    <message>
      <source>Only administrators can change responsibility boundaries.</source>
      <translation>只有管理员可以修改责任边界。</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Lead department</source>
      <translation>牵头监管部门</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>{n} industries, {gaps} without a rule</source>
      <translation>{n} 个行业，其中 {gaps} 个无责任边界</translation>
    </message>
    <message>
      <source>no rule — supervision gap</source>
      <translation>无责任边界 — 监管空白</translation>
    </message>
    <message>
      <source>Saved: {industry} → {department}. {n} enterprises re-routed.</source>
      <translation>已保存：{industry} → {department}。{n} 家企业已重新分派。</translation>
    </message>
    <message>
      <source>Delete rule</source>
      <translation>删除规则</translation>
    </message>
    <message>
      <source>Delete the rule “{industry} → {department}”?

Its {n} enterprises will have no lead department — a supervision gap — until a new rule is set.</source>
      <translation>删除规则“{industry} → {department}”？

在设置新规则之前，其 {n} 家企业将没有牵头监管部门（监管空白）。</translation>
    </message>
    <message>
      <source>Restored: {industry} → {department}. {n} enterprises re-routed.</source>
      <translation>已恢复：{industry} → {department}。{n} 家企业已重新分派。</translation>
    </message>
    <message>
      <source>Deleted the rule for {industry}; {n} enterprises now have no lead department.</source>
      <translation>已删除 {industry} 的规则；{n} 家企业现在没有牵头监管部门。</translation>
    </message>
    <message>
      <source>Someone else changed the rule for {industry} meanwhile, so nothing was saved. The table now shows the current rule; check it and try again.</source>
      <translation>其他人同时修改了 {industry} 的规则，因此未保存任何内容。表格已显示当前规则，请核对后重试。</translation>
    </message>
    <message>
      <source>Not saved — {field}: {reason}</source>
      <translation>未保存 — {field}：{reason}</translation>
    </message>
    <message>
      <source>Not saved: {reason}</source>
      <translation>未保存：{reason}</translation>
    </message>
  </context>
  <context>
    <name>SessionDialog</name>
    <message>
      <source>Record a training session or drill</source>
      <translation>登记培训或演练</translation>
    </message>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>Whole squad</source>
      <translation>全队</translation>
    </message>
    <message>
      <source>Call sign</source>
      <translation>呼号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>成绩</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
  </context>
  <context>
    <name>SquadBoard</name>
    <message>
      <source>Position unknown</source>
      <translation>位置未知</translation>
    </message>
    <message>
      <source>tracker</source>
      <translation>定位终端</translation>
    </message>
    <message>
      <source>simulated tracker</source>
      <translation>模拟定位</translation>
    </message>
    <message>
      <source>home position</source>
      <translation>驻地位置</translation>
    </message>
    <message>
      <source>entered by hand</source>
      <translation>手工录入</translation>
    </message>
    <message>
      <source>{where}
{lon:.5f}, {lat:.5f} ({source}, {at})</source>
      <translation>{where}
{lon:.5f}, {lat:.5f}（{source}，{at}）</translation>
    </message>
    <message>
      <source>No status change for {m:.0f} minutes or more: call them on the radio and check in.</source>
      <translation>已 {m:.0f} 分钟以上无状态变化：请用对讲机联系并报到。</translation>
    </message>
    <message>
      <source>{n} expired</source>
      <translation>{n} 本过期</translation>
    </message>
    <message>
      <source>{n} expiring</source>
      <translation>{n} 本即将到期</translation>
    </message>
    <message>
      <source>Call sign</source>
      <translation>呼号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Sub-squad</source>
      <translation>中队</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>状态时间</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Incident</source>
      <translation>警情</translation>
    </message>
    <message>
      <source>Shift</source>
      <translation>班次</translation>
    </message>
    <message>
      <source>Off shift</source>
      <translation>非当班</translation>
    </message>
    <message>
      <source>Certificates</source>
      <translation>证书</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Vehicle</source>
      <translation>车辆</translation>
    </message>
    <message>
      <source>Plate</source>
      <translation>车牌</translation>
    </message>
    <message>
      <source>Crew</source>
      <translation>车组</translation>
    </message>
    <message>
      <source> (driver)</source>
      <translation>（驾驶员）</translation>
    </message>
    <message>
      <source>Equipment aboard</source>
      <translation>随车装备</translation>
    </message>
  </context>
  <context>
    <name>SquadStrip</name>
    <message>
      <source>Rapid-response squad</source>
      <translation>应急救援突击队</translation>
    </message>
    <message>
      <source>free</source>
      <translation>待命</translation>
    </message>
    <message>
      <source>engaged</source>
      <translation>执行任务</translation>
    </message>
    <message>
      <source>Fire engines ready: {n} / {total}</source>
      <translation>可用消防车：{n} / {total}</translation>
    </message>
  </context>
  <context>
    <name>SubSquadCard</name>
    <message>
      <source>captain {name}</source>
      <translation>中队长 {name}</translation>
    </message>
    <message>
      <source>free</source>
      <translation>待命</translation>
    </message>
    <message>
      <source>engaged</source>
      <translation>执行任务</translation>
    </message>
    <message>
      <source>overdue check-in</source>
      <translation>超时未报到</translation>
    </message>
    <message>
      <source> and {n} more</source>
      <translation> 等，另有 {n} 人</translation>
    </message>
    <message>
      <source>nobody free</source>
      <translation>无人待命</translation>
    </message>
    <message>
      <source>Fewer free than the minimum of {n}: dispatching more needs an override</source>
      <translation>待命人数低于最低保留 {n} 人：再派须强制确认</translation>
    </message>
    <message>
      <source>Ready:</source>
      <translation>完好装备：</translation>
    </message>
    <message>
      <source>Click to show only this sub-squad on the board</source>
      <translation>点击在看板中只显示本中队</translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <source>Call logged: {type}, {severity}, at {address}</source>
      <translation>接警：{type}，{severity}，地点 {address}</translation>
    </message>
    <message>
      <source>; caller {caller}</source>
      <translation>；报警人 {caller}</translation>
    </message>
    <message>
      <source>Status: {old} → {new}</source>
      <translation>状态：{old} → {new}</translation>
    </message>
    <message>
      <source> (first arrival: {name})</source>
      <translation>（首到：{name}）</translation>
    </message>
    <message>
      <source>, handed over to {whom}</source>
      <translation>，移交 {whom}</translation>
    </message>
    <message>
      <source>, merged into {code}</source>
      <translation>，已合并到 {code}</translation>
    </message>
    <message>
      <source>, reason: {reason}</source>
      <translation>，理由：{reason}</translation>
    </message>
    <message>
      <source>Dispatched {name}</source>
      <translation>派遣 {name}</translation>
    </message>
    <message>
      <source>, about {min} away ({km})</source>
      <translation>，约 {min} 可到（{km}）</translation>
    </message>
    <message>
      <source> — off duty, dispatched by override</source>
      <translation>——下班人员，强制派遣</translation>
    </message>
    <message>
      <source>{name} checked in ({status})</source>
      <translation>{name} 已报到（{status}）</translation>
    </message>
    <message>
      <source>{name}: {old} → {new}</source>
      <translation>{name}：{old} → {new}</translation>
    </message>
    <message>
      <source>Merged the duplicate report {code} (called {at})</source>
      <translation>合并重复报警 {code}（{at} 来电）</translation>
    </message>
    <message>
      <source>Merged a repeat call</source>
      <translation>合并一次重复报警</translation>
    </message>
    <message>
      <source>Similar incidents nearby: {codes}</source>
      <translation>附近有类似警情：{codes}</translation>
    </message>
    <message>
      <source>Minimum of free members per sub-squad overridden</source>
      <translation>已突破中队最低留守人数</translation>
    </message>
    <message>
      <source>Details corrected: {fields}</source>
      <translation>修改信息：{fields}</translation>
    </message>
  </context>
  <context>
    <name>TimelineView</name>
    <message>
      <source>System (escalation run)</source>
      <translation>系统（自动督办）</translation>
    </message>
    <message>
      <source>Unrouted: no boundary rule for the industry</source>
      <translation>未分派：该行业无责任边界规则</translation>
    </message>
    <message>
      <source>Routed to {route}</source>
      <translation>分派至 {route}</translation>
    </message>
    <message>
      <source>Route overridden: {reason}</source>
      <translation>人工调整分派：{reason}</translation>
    </message>
    <message>
      <source>Responsible: {who}; deadline {day}</source>
      <translation>整改责任人：{who}；期限 {day}</translation>
    </message>
    <message>
      <source>Level {a} → {b}: {name}</source>
      <translation>{a} → {b} 级：{name}</translation>
    </message>
    <message>
      <source>{kind}: {name} ({size} KB) — click to open</source>
      <translation>{kind}：{name}（{size} KB）— 点击查看</translation>
    </message>
  </context>
  <context>
    <name>Tracking</name>
    <message>
      <source>Live positions (trackers)…</source>
      <translation>实时定位（定位终端）…</translation>
    </message>
  </context>
  <context>
    <name>TrackingDialog</name>
    <message>
      <source>Live positions (trackers)</source>
      <translation>实时定位（定位终端）</translation>
    </message>
    <message>
      <source>Receive positions from trackers</source>
      <translation>接收定位终端上报的位置</translation>
    </message>
    <message>
      <source>127.0.0.1: this computer only; the workstation's LAN address: phones on the duty-room network</source>
      <translation>127.0.0.1：仅本机；本工作站的局域网地址：值班室网络中的手机可上报</translation>
    </message>
    <message>
      <source>Run the receiver on this workstation</source>
      <translation>在本工作站运行接收服务</translation>
    </message>
    <message>
      <source>Listen address</source>
      <translation>监听地址</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>端口</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>In Traccar Client (or OsmAnd) on each phone, set the server URL to http://{host}:{port}/ and the device id to the one on the member's card.</source>
      <translation>在每部手机的 Traccar Client（或 OsmAnd）中，将服务器地址设为 http://{host}:{port}/，设备标识填写队员详情中的终端号。</translation>
    </message>
  </context>
  <context>
    <name>TrackingIndicator</name>
    <message>
      <source>● Positions: receiving on {host}:{port} ({n} reports)</source>
      <translation>● 定位：正在 {host}:{port} 接收（{n} 条）</translation>
    </message>
    <message>
      <source>● Positions: receiver failed</source>
      <translation>● 定位：接收服务启动失败</translation>
    </message>
    <message>
      <source>○ Positions: received on another workstation</source>
      <translation>○ 定位：由其他工作站接收</translation>
    </message>
    <message>
      <source>○ Positions: receiver off</source>
      <translation>○ 定位：未启用</translation>
    </message>
    <message>
      <source>Live positions from Traccar Client / OsmAnd trackers</source>
      <translation>来自 Traccar Client / OsmAnd 定位终端的实时位置</translation>
    </message>
  </context>
  <context>
    <name>TrainingTab</name>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>科目</translation>
    </message>
    <message>
      <source>Sub-squad</source>
      <translation>中队</translation>
    </message>
    <message>
      <source>whole squad</source>
      <translation>全队</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>学时</translation>
    </message>
    <message>
      <source>Attended</source>
      <translation>参训</translation>
    </message>
    <message>
      <source>Call sign</source>
      <translation>呼号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>成绩</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>得分</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>等次</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>参训次数</translation>
    </message>
    <message>
      <source>Drills</source>
      <translation>演练</translation>
    </message>
    <message>
      <source>Absences</source>
      <translation>缺勤</translation>
    </message>
    <message>
      <source>Excellent / pass / fail</source>
      <translation>优秀/合格/不合格</translation>
    </message>
    <message>
      <source>Quarter {q}</source>
      <translation>第 {q} 季度</translation>
    </message>
    <message>
      <source>Record a session…</source>
      <translation>登记训练…</translation>
    </message>
    <message>
      <source>Training sessions and drills</source>
      <translation>培训与演练</translation>
    </message>
    <message>
      <source>Quarterly assessment</source>
      <translation>季度考核</translation>
    </message>
    <message>
      <source>{minutes} min at {place}, recorded by {who}</source>
      <translation>{minutes} 分钟，地点 {place}，登记人 {who}</translation>
    </message>
    <message>
      <source>Session recorded: {subject}.</source>
      <translation>已登记训练：{subject}。</translation>
    </message>
  </context>
</TS>