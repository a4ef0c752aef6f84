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
      <source>The live district map is not built yet.</source>
      <translation>全区实时地图尚未建成。</translation>
    </message>
    <message>
      <source>Hazard tickets and their closed loop are not built yet.</source>
      <translation>隐患闭环管理尚未建成。</translation>
    </message>
    <message>
      <source>Squad dispatch is not built yet; the squad roster is loaded.</source>
      <translation>突击队调度尚未建成；队员名册已载入。</translation>
    </message>
    <message>
      <source>The live dashboard is not built yet.</source>
      <translation>实时态势看板尚未建成。</translation>
    </message>
    <message>
      <source>Printed reports are not built yet.</source>
      <translation>打印报表尚未建成。</translation>
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
    <name>Ops</name>
    <message>
      <source>Unexpected error: {0}</source>
      <translation>意外错误：{0}</translation>
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
</TS>