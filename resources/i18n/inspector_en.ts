<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>ActionBar</name>
    <message>
        <source>按下方五到位整改方案进入“整改中”</source>
        <translation>Moves to “Rectifying” with the five-in-place plan below</translation>
    </message>
    <message>
        <source>企业报告整改完成，转为“待复查”</source>
        <translation>The enterprise reports rectification done; moves to “Pending Re-inspection”</translation>
    </message>
    <message>
        <source>复查合格销号，或不合格退回整改并重定时限</source>
        <translation>Close if the re-inspection passes, or send back for rectification with a new deadline if it fails</translation>
    </message>
    <message>
        <source>一般隐患当场整改完毕，直接销号</source>
        <translation>A general hazard fully rectified on the spot is closed directly</translation>
    </message>
    <message>
        <source>说明理由，推迟整改时限（原时限留档）</source>
        <translation>Postpone the rectification deadline with a reason (the original deadline is kept on record)</translation>
    </message>
    <message>
        <source>升级为重大事故隐患并挂牌督办</source>
        <translation>Upgrade to a major hazard and list it for supervision</translation>
    </message>
    <message>
        <source>追加一条说明，记入备注和操作记录</source>
        <translation>Add a note to the remarks and the activity log</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AddNoteDialog</name>
    <message>
        <source>追加说明 — {number}</source>
        <translation>Add Note — {number}</translation>
    </message>
    <message>
        <source>说明内容将连同日期和您的姓名记入备注</source>
        <translation>The note will be added to the remarks together with the date and your name</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>AgeingChart</name>
    <message>
        <source>逾期未整改</source>
        <translation>Overdue Rectification</translation>
    </message>
    <message>
        <source>逾期未复查</source>
        <translation>Overdue Re-inspection</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>安全生产检查与隐患闭环整改台账</source>
        <translation>Work Safety Inspection and Hazard Rectification Ledger</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>程序错误</source>
        <translation>Program Error</translation>
    </message>
    <message>
        <source>无法访问数据库</source>
        <translation>Cannot Access Database</translation>
    </message>
    <message>
        <source>可能是网络中断或数据库服务器已关闭。请检查网络后重试；刚才的操作没有保存。</source>
        <translation>The network may have been interrupted or the database server shut down. Check the network and try again; your last action was not saved.</translation>
    </message>
    <message>
        <source>程序出现了意外错误</source>
        <translation>An unexpected error occurred</translation>
    </message>
    <message>
        <source>这是程序的缺陷，不是您的操作问题。刚才的操作可能没有完成，请检查后重试；如果反复出现，请把“详细信息”复制给维护人员。</source>
        <translation>This is a defect in the program, not a mistake on your part. Your last action may not have completed; please check and try again. If it keeps happening, copy the “Details” and send them to your support staff.</translation>
    </message>
    <message>
        <source>详细信息也已写入日志文件：{path}</source>
        <translation>The details have also been written to the log file: {path}</translation>
    </message>
    <message>
        <source>不支持这种数据库地址（缺少对应的数据库驱动）。</source>
        <translation>This kind of database URL is not supported (the matching database driver is missing).</translation>
    </message>
    <message>
        <source>数据库地址格式不正确。应如 sqlite:///D:/台账/inspector.sqlite3 或 postgresql://用户@服务器/库名。</source>
        <translation>Invalid database URL. It should look like sqlite:///D:/ledger/inspector.sqlite3 or postgresql://user@server/dbname.</translation>
    </message>
    <message>
        <source>无法连接数据库服务器或打开数据库文件：服务器可能未启动、网络不通、用户名密码错误，或文件夹没有写入权限。</source>
        <translation>Cannot connect to the database server or open the database file: the server may not be running, the network may be down, the user name or password may be wrong, or the folder may not be writable.</translation>
    </message>
    <message>
        <source>没有权限访问数据库文件或其所在文件夹。</source>
        <translation>No permission to access the database file or its folder.</translation>
    </message>
    <message>
        <source>打开或升级数据库时出错。</source>
        <translation>An error occurred while opening or upgrading the database.</translation>
    </message>
    <message>
        <source>团队服务器 {server} 的登录“{user}”的密码：</source>
        <translation>Password for login “{user}” on team server {server}:</translation>
    </message>
    <message>
        <source>密码不正确，请重新输入。
</source>
        <translation>Incorrect password. Please try again.
</translation>
    </message>
    <message>
        <source>登录团队服务器</source>
        <translation>Log In to Team Server</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot Open Database</translation>
    </message>
    <message>
        <source>无法打开数据库：{url}</source>
        <translation>Cannot open database: {url}</translation>
    </message>
    <message>
        <source>请检查启动参数 --db 或环境变量 INSPECTOR_DB_URL，然后重新启动程序。</source>
        <translation>Check the --db startup option or the INSPECTOR_DB_URL environment variable, then restart the program.</translation>
    </message>
    <message>
        <source>未选择检查人员：可在“检查”菜单中选择</source>
        <translation>No inspector selected: choose one in the “Inspection” menu</translation>
    </message>
    <message>
        <source>已完成今天的自动备份：{path}</source>
        <translation>Today&apos;s automatic backup is done: {path}</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
</context>
<context>
    <name>BatchExtendDialog</name>
    <message>
        <source>新整改时限</source>
        <translation>New Deadline</translation>
    </message>
    <message>
        <source>延期理由</source>
        <translation>Reason for Extension</translation>
    </message>
    <message>
        <source>批量延期</source>
        <translation>Batch Extend</translation>
    </message>
    <message>
        <source> 等</source>
        <translation> etc.</translation>
    </message>
    <message>
        <source>为所选 {n} 条隐患延长整改时限：{numbers}</source>
        <translation>Extend the rectification deadline of the {n} selected hazards: {numbers}</translation>
    </message>
    <message>
        <source>原整改时限：{d}</source>
        <translation>Original deadline: {d}</translation>
    </message>
    <message>
        <source>原整改时限：{a} 至 {b}</source>
        <translation>Original deadlines: {a} to {b}</translation>
    </message>
    <message>
        <source>所选隐患尚无整改时限</source>
        <translation>The selected hazards have no rectification deadline yet</translation>
    </message>
    <message>
        <source>如：设备采购周期长，企业已提交延期申请</source>
        <translation>e.g. long equipment lead time; the enterprise has applied for an extension</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>修改专项行动</source>
        <translation>Edit Campaign</translation>
    </message>
    <message>
        <source>部署专项行动</source>
        <translation>New Campaign</translation>
    </message>
    <message>
        <source>专项行动</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>如：涉爆粉尘企业全覆盖检查</source>
        <translation>e.g. full-coverage inspection of combustible dust enterprises</translation>
    </message>
    <message>
        <source>专项行动名称</source>
        <translation>Campaign Title</translation>
    </message>
    <message>
        <source>如：3月底前，对前期排查的涉爆粉尘企业开展全覆盖检查，跟踪问题隐患整改闭环</source>
        <translation>e.g. by the end of March, inspect every combustible dust enterprise found earlier and follow each hazard to closure</translation>
    </message>
    <message>
        <source>工作要求</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>目标企业</source>
        <translation>Target Enterprises</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>开始 / 截止日期</source>
        <translation>Start / Deadline</translation>
    </message>
    <message>
        <source>不指定</source>
        <translation>None</translation>
    </message>
    <message>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>不关联</source>
        <translation>None</translation>
    </message>
    <message>
        <source>计划事项</source>
        <translation>Plan Item</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请至少指定一家企业</source>
        <translation>Pick at least one enterprise</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>保存专项行动</source>
        <translation>Save Campaign</translation>
    </message>
    <message>
        <source>未保存，请修改：</source>
        <translation>Not saved. Please correct:</translation>
    </message>
</context>
<context>
    <name>CampaignView</name>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Enterprise Name</translation>
    </message>
    <message>
        <source>覆盖情况</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation>Inspected On</translation>
    </message>
    <message>
        <source>检查次数</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified Social Credit Code</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>已检查</source>
        <translation>Inspected</translation>
    </message>
    <message>
        <source>尚缺</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>覆盖率</source>
        <translation>Coverage Rate</translation>
    </message>
    <message>
        <source>已检查含逾期后检查；尚缺含逾期未检查（红色）</source>
        <translation>Inspected includes those inspected late; missing includes the overdue ones (red)</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>全部企业</source>
        <translation>All Enterprises</translation>
    </message>
    <message>
        <source>尚未检查（含逾期）</source>
        <translation>Not Yet Inspected (incl. overdue)</translation>
    </message>
    <message>
        <source>登记检查</source>
        <translation>Record Inspection</translation>
    </message>
    <message>
        <source>为所选企业登记一次检查（也可双击该行）</source>
        <translation>Record an inspection of the selected enterprise (or double-click its row)</translation>
    </message>
    <message>
        <source>起草方案</source>
        <translation>Draft Plan</translation>
    </message>
    <message>
        <source>为所选企业起草本专项行动的现场检查方案</source>
        <translation>Draft the on-site inspection plan of this campaign for the selected enterprise</translation>
    </message>
    <message>
        <source>导出覆盖情况</source>
        <translation>Export Coverage</translation>
    </message>
    <message>
        <source>共 {n} 家</source>
        <translation>{n} in total</translation>
    </message>
    <message>
        <source>专项行动</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>{state} {n}</source>
        <translation>{state} {n}</translation>
    </message>
    <message>
        <source>请选择一项专项行动</source>
        <translation>Choose a campaign</translation>
    </message>
    <message>
        <source>剩余 {n} 天</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <source>今天截止</source>
        <translation>deadline today</translation>
    </message>
    <message>
        <source>已过截止日期 {n} 天</source>
        <translation>{n} days past the deadline</translation>
    </message>
    <message>
        <source>{start} 至 {end}，{left}；目标企业 {total} 家，已检查 {covered} 家</source>
        <translation>{start} to {end}, {left}; {total} target enterprises, {covered} inspected</translation>
    </message>
    <message>
        <source>（未填属地）</source>
        <translation>(no jurisdiction)</translation>
    </message>
    <message>
        <source>{title}覆盖情况{day}.xlsx</source>
        <translation>{title} coverage {day}.xlsx</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel Workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已写入 {done} / {total} 家</source>
        <translation>Written {done} of {total} enterprises</translation>
    </message>
</context>
<context>
    <name>ChartBox</name>
    <message>
        <source>导出图片（PNG）</source>
        <translation>Export Image (PNG)</translation>
    </message>
    <message>
        <source>导出图片（PNG）…</source>
        <translation>Export Image (PNG)…</translation>
    </message>
    <message>
        <source>导出图片</source>
        <translation>Export Image</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>无法写入文件：{path}</source>
        <translation>Cannot write the file: {path}</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>&gt;{n}天</source>
        <translation>&gt;{n} d</translation>
    </message>
    <message>
        <source>{low}–{high}天</source>
        <translation>{low}–{high} d</translation>
    </message>
    <message>
        <source>{m}月</source>
        <translation>{m}</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>检查表管理</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <source>检查表</source>
        <translation>Checklists</translation>
    </message>
    <message>
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>新建一张本机关检查表</source>
        <translation>Create a new office checklist</translation>
    </message>
    <message>
        <source>从 Excel 导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>每行一项：类别、检查内容、检查依据、是否重大隐患判定项（可先导出一张表作为模板）</source>
        <translation>One row per item: category, check item, basis, major-hazard criterion (export a list first to use it as a template)</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>导出到 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>把所显示的版本导出为 Excel，可在 Excel 中修改后再导入为本机关检查表</source>
        <translation>Export the version shown to Excel; edit it there and import it back as an office checklist</translation>
    </message>
    <message>
        <source>导入新版本…</source>
        <translation>Import New Version…</translation>
    </message>
    <message>
        <source>版本：</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>条款/序号</source>
        <translation>Article / No.</translation>
    </message>
    <message>
        <source>重大隐患判定项</source>
        <translation>Major-hazard criterion</translation>
    </message>
    <message>
        <source>核实状态</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>判定标准随程序发布，只读；标“待核实”的条目其条文尚未与现行版本核对，不作为正式条文。修改本机关检查表会生成新版本：已登记的检查保留其使用的版本，打印的检查记录不变。</source>
        <translation>The published criteria ship with the program and are read-only; items marked “To be verified” have not been checked against the current edition and are not official text. Editing an office checklist creates a new version: recorded inspections keep the version they used, and their printed records do not change.</translation>
    </message>
    <message>
        <source>本机关检查表须由科室负责人新建、修改或导入；您（{name}）可以查看和导出。</source>
        <translation> Office checklists are created, edited and imported by a section head; you ({name}) can view and export them.</translation>
    </message>
    <message>
        <source>判定标准 {s} 张，本机关检查表 {o} 张</source>
        <translation>{s} published criteria, {o} office checklists</translation>
    </message>
    <message>
        <source>判定标准 · {number} · {n}项</source>
        <translation>Published criteria · {number} · {n} items</translation>
    </message>
    <message>
        <source>无文号</source>
        <translation>no document number</translation>
    </message>
    <message>
        <source>本机关 · 第{v}版 · {n}项</source>
        <translation>Office · version {v} · {n} items</translation>
    </message>
    <message>
        <source>适用：{kinds}</source>
        <translation>Applies to: {kinds}</translation>
    </message>
    <message>
        <source>第{v}版（{day}，{n}项）</source>
        <translation>Version {v} ({day}, {n} items)</translation>
    </message>
    <message>
        <source> 当前</source>
        <translation> current</translation>
    </message>
    <message>
        <source>全部监管类别</source>
        <translation>all supervision categories</translation>
    </message>
    <message>
        <source>（没有检查表）</source>
        <translation>(no checklist)</translation>
    </message>
    <message>
        <source>判定标准（随程序发布，只读）</source>
        <translation>Published criteria (shipped with the program, read-only)</translation>
    </message>
    <message>
        <source>文号：{number}</source>
        <translation>Document no.: {number}</translation>
    </message>
    <message>
        <source>施行日期：{day}</source>
        <translation>In force from: {day}</translation>
    </message>
    <message>
        <source>本机关检查表 · 第{v}版</source>
        <translation>Office checklist · version {v}</translation>
    </message>
    <message>
        <source>共{n}项</source>
        <translation>{n} items</translation>
    </message>
    <message>
        <source>本标准的条文待核实，暂未收录检查项：请以正式发布的文本为准。</source>
        <translation>The text of this standard is still to be verified, so no items are included yet: refer to the officially published text.</translation>
    </message>
    <message>
        <source>{n}项条文待核实（标为“待核实”）：尚未与现行版本的原文核对，不是正式条文，引用前请核对原文。</source>
        <translation>{n} items are still to be verified (marked “To be verified”): not yet checked against the current edition, they are not official text; check the original before citing them.</translation>
    </message>
    <message>
        <source>这是以前的第{v}版：用它登记的检查仍按此版显示和打印；新的检查使用当前版本。</source>
        <translation>This is the earlier version {v}: inspections recorded with it still show and print it; new inspections use the current version.</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>这张检查表还没有检查项。</source>
        <translation>This checklist has no items yet.</translation>
    </message>
    <message>
        <source>用 Excel 文件（可先导出本表再修改）生成本表的下一版；已登记的检查保留原版本</source>
        <translation>Make the next version of this checklist from an Excel file (export this one first and edit it); inspections already recorded keep their version</translation>
    </message>
    <message>
        <source>判定标准随程序发布，不能修改；可导出后在 Excel 中修改，再导入为本机关检查表</source>
        <translation>Published criteria ship with the program and cannot be edited; export one, edit it in Excel and import it as an office checklist</translation>
    </message>
    <message>
        <source>导入为“{title}”的新版本</source>
        <translation>Import as a new version of “{title}”</translation>
    </message>
    <message>
        <source>导入新版本</source>
        <translation>Import New Version</translation>
    </message>
    <message>
        <source>检查表文件有{n}处错误，未导入：</source>
        <translation>The checklist file has {n} errors and was not imported:</translation>
    </message>
    <message>
        <source>{file} 的内容与“{title}”当前第{v}版相同，未生成新版本。</source>
        <translation>{file} is the same as version {v} of “{title}”; no new version was made.</translation>
    </message>
    <message>
        <source>正在导入检查表……</source>
        <translation>Importing the checklist…</translation>
    </message>
    <message>
        <source>已从 {file} 导入“{title}”第{v}版（{n}项），原第{old}版保留。</source>
        <translation>Imported version {v} of “{title}” ({n} items) from {file}; version {old} is kept.</translation>
    </message>
    <message>
        <source>将“{title}”由第{v}版（{before}项）更新为第{next}版（{after}项）：</source>
        <translation>Update “{title}” from version {v} ({before} items) to version {next} ({after} items):</translation>
    </message>
    <message>
        <source>新增 {a} 项，删除 {r} 项，修改 {c} 项。</source>
        <translation>{a} items added, {r} removed, {c} changed.</translation>
    </message>
    <message>
        <source>检查表名称改为“{title}”。</source>
        <translation>The checklist is renamed “{title}”.</translation>
    </message>
    <message>
        <source>适用监管类别有变化。</source>
        <translation>The supervision categories it applies to change.</translation>
    </message>
    <message>
        <source>已登记的检查保留其使用的版本，打印的检查记录不变。确定导入吗？</source>
        <translation>Inspections already recorded keep the version they used, and their printed records do not change. Import it?</translation>
    </message>
    <message>
        <source>本机关检查表须由科室负责人修改</source>
        <translation>Office checklists are edited by a section head</translation>
    </message>
    <message>
        <source>修改后生成新版本；已登记的检查保留原版本</source>
        <translation>Editing creates a new version; recorded inspections keep theirs</translation>
    </message>
    <message>
        <source>已保存“{title}”第{v}版。</source>
        <translation>Saved “{title}”, version {v}.</translation>
    </message>
    <message>
        <source>（第{v}版）</source>
        <translation> (version {v})</translation>
    </message>
    <message>
        <source>导出检查表</source>
        <translation>Export Checklist</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel Workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在写入检查表……</source>
        <translation>Writing the checklist…</translation>
    </message>
    <message>
        <source>已导出“{title}”：{path}</source>
        <translation>Exported “{title}”: {path}</translation>
    </message>
    <message>
        <source>导入检查表</source>
        <translation>Import Checklist</translation>
    </message>
    <message>
        <source>正在读取检查表……</source>
        <translation>Reading the checklist…</translation>
    </message>
    <message>
        <source>已从 {file} 导入“{title}”（第{v}版，{n}项）。</source>
        <translation>Imported “{title}” from {file} (version {v}, {n} items).</translation>
    </message>
</context>
<context>
    <name>ChecklistEditor</name>
    <message>
        <source>新建本机关检查表</source>
        <translation>New Office Checklist</translation>
    </message>
    <message>
        <source>修改检查表：{title}</source>
        <translation>Edit Checklist: {title}</translation>
    </message>
    <message>
        <source>新建的检查表为第1版。以后修改会生成新版本；已登记的检查保留其当时使用的版本，打印的检查记录不变。</source>
        <translation>A new checklist is version 1. Later edits create new versions; recorded inspections keep the version they used, and their printed records do not change.</translation>
    </message>
    <message>
        <source>保存后生成第{next}版，第{current}版仍保留：已用第{current}版登记的检查和打印的检查记录不变，此后的检查使用新版本。内容没有改动时不生成新版本。</source>
        <translation>Saving creates version {next}; version {current} is kept: inspections recorded with version {current} and their printed records do not change, later inspections use the new version. Nothing changed, no new version.</translation>
    </message>
    <message>
        <source>如 粉尘防爆专项检查表</source>
        <translation>e.g. Dust explosion prevention checklist</translation>
    </message>
    <message>
        <source>都不勾选即适用于全部监管类别；登记检查时只向这些类别的企业提供本表。</source>
        <translation>Leave all unticked for every category; a visit offers this list only to enterprises in the ticked categories.</translation>
    </message>
    <message>
        <source>检查项</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>添加一项</source>
        <translation>Add Item</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>双击单元格或直接输入即可填写；检查内容和检查依据可写多行：回车换行，Ctrl+回车或 Tab 完成。勾选“重大隐患判定项”表示不合格时提示判定为重大隐患。</source>
        <translation>Double-click a cell or just type to fill it in; check content and basis can take several lines: Enter starts a new line, Ctrl+Enter or Tab finishes. Tick “Major-hazard criterion” to suggest a major hazard when the item fails.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>检查表的修改尚未保存。放弃这些修改吗？</source>
        <translation>The changes to this checklist are not saved. Discard them?</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>其余合格（4）</source>
        <translation>Rest Compliant (4)</translation>
    </message>
    <message>
        <source>本检查表中尚未检查的项目全部记为合格</source>
        <translation>Record every item of this checklist not yet checked as compliant</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>检查内容</source>
        <translation>Check Item</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>说明（可选）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>按 1 合格、2 不合格、3 不适用（自动跳到下一项），4 其余合格，P 为本项添加照片（也可 Ctrl+V 粘贴截图，或把图片拖到该项上）；不合格项自动登记一条隐患，带出检查内容和依据。双击“说明”可补充记录。</source>
        <translation>Press 1 pass, 2 fail, 3 not applicable (moves to the next item), 4 pass all the rest, P to add photos to this item (or paste a screenshot with Ctrl+V, or drop images on the item); a failed item records a hazard with its check content and basis. Double-click “Note” to add a remark.</translation>
    </message>
    <message>
        <source>本项暂无照片 — 按 P 或点击“添加照片…”，也可粘贴截图（Ctrl+V）或把图片拖到该项上</source>
        <translation>No photos for this item yet — press P or click “Add Photos…”, paste a screenshot (Ctrl+V) or drop images on the item</translation>
    </message>
    <message>
        <source>为本项选择一张或多张 JPEG/PNG 照片（P）</source>
        <translation>Choose one or more JPEG/PNG photos for this item (P)</translation>
    </message>
    <message>
        <source>本项照片</source>
        <translation>Photos of This Item</translation>
    </message>
    <message>
        <source>本项照片 — {number}</source>
        <translation>Photos of This Item — {number}</translation>
    </message>
    <message>
        <source>（不合格：保存时同时作为隐患的整改前照片）</source>
        <translation>(failed: also saved as the hazard&apos;s before-rectification photos)</translation>
    </message>
    <message>
        <source>为检查项“{number}”添加照片</source>
        <translation>Add photos to item “{number}”</translation>
    </message>
    <message>
        <source>照片未添加</source>
        <translation>Photo not added</translation>
    </message>
    <message>
        <source>{content}（条文待核实）</source>
        <translation>{content} (text to be verified)</translation>
    </message>
    <message>
        <source>依据：{basis}</source>
        <translation>Basis: {basis}</translation>
    </message>
    <message>
        <source>重大事故隐患判定项：不合格时建议判定为重大隐患（由检查人员确认）</source>
        <translation>Major-hazard criterion: if non-compliant, a major hazard is proposed (the inspector decides)</translation>
    </message>
    <message>
        <source>条文状态：{status}</source>
        <translation>Text status: {status}</translation>
    </message>
    <message>
        <source>{result}（已登记隐患）</source>
        <translation>{result} (hazard registered)</translation>
    </message>
    <message>
        <source>本项有 {n} 张照片</source>
        <translation>This item has {n} photos</translation>
    </message>
    <message>
        <source>未选择企业或该企业的监管类别无对应检查表</source>
        <translation>No enterprise chosen, or no checklist for its supervision categories</translation>
    </message>
    <message>
        <source>已检查 {done}/{n} 项，不合格 {failed} 项</source>
        <translation>{done}/{n} checked, {failed} non-compliant</translation>
    </message>
</context>
<context>
    <name>ChooseInspectorDialog</name>
    <message>
        <source>选择当前检查人员</source>
        <translation>Select Current Inspector</translation>
    </message>
    <message>
        <source>请选择您本人</source>
        <translation>Please select yourself</translation>
    </message>
    <message>
        <source>检查记录、隐患整改和执法文书都会记在所选人员名下。双击姓名或选中后点“确定”。</source>
        <translation>Inspection records, hazard rectification and enforcement documents are all recorded under the selected person. Double-click a name, or select it and click “OK”.</translation>
    </message>
    <message>
        <source>欢迎使用！请先登记您本人</source>
        <translation>Welcome! Please register yourself first</translation>
    </message>
    <message>
        <source>管理检查人员…</source>
        <translation>Manage Inspectors…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>登记并开始使用</source>
        <translation>Register and Start</translation>
    </message>
    <message>
        <source>名册里还没有在岗的检查人员。填写下面几项即可开始使用；以后可在“管理检查人员…”中登记同事。</source>
        <translation>The roster has no active inspectors yet. Fill in the fields below to get started; you can register colleagues later under “Manage Inspectors…”.</translation>
    </message>
    <message>
        <source>也可以在“管理检查人员…”中恢复已停用的人员。</source>
        <translation>You can also reactivate deactivated inspectors under “Manage Inspectors…”.</translation>
    </message>
    <message>
        <source>登记科室负责人后，名册只能由科室负责人维护。</source>
        <translation>Once a supervisor is registered, only supervisors can maintain the roster.</translation>
    </message>
    <message>
        <source>无法登记</source>
        <translation>Cannot Register</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>检查人员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Enterprise Name</translation>
    </message>
    <message>
        <source>回避事由</source>
        <translation>Reason for Recusal</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Declared On</translation>
    </message>
    <message>
        <source>撤销日期</source>
        <translation>Withdrawn On</translation>
    </message>
    <message>
        <source>登记人</source>
        <translation>Recorded By</translation>
    </message>
    <message>
        <source>回避登记</source>
        <translation>Recusal Register</translation>
    </message>
    <message>
        <source>显示已撤销</source>
        <translation>Show Withdrawn</translation>
    </message>
    <message>
        <source>撤销所选</source>
        <translation>Withdraw Selected</translation>
    </message>
    <message>
        <source>撤销所选回避（须科室负责人）；记录保留</source>
        <translation>Withdraw the selected recusal (supervisor only); the record is kept</translation>
    </message>
    <message>
        <source>登记回避</source>
        <translation>Declare Recusal</translation>
    </message>
    <message>
        <source>如：配偶在该企业任职、曾在该企业工作、与企业负责人有利害关系</source>
        <translation>e.g. spouse works at the enterprise, formerly employed there, a stake with its principal</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Declare</translation>
    </message>
    <message>
        <source>撤销回避</source>
        <translation>Withdraw Recusal</translation>
    </message>
    <message>
        <source>撤销{0}对“{1}”的回避？撤销后抽取时可能抽中该人员检查该企业。</source>
        <translation>Withdraw the recusal of {0} from “{1}”? Afterwards a draw may assign this inspector to the enterprise.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>可输入 2026-12-12、2026/12/12、2026.12.12、20261212、2026年12月12日，或只写月日（12-12）表示今年</source>
        <translation>Type 2026-12-12, 2026/12/12, 2026.12.12 or 20261212, or only month and day (12-12) for this year</translation>
    </message>
    <message>
        <source>从日历中选择</source>
        <translation>Pick from the calendar</translation>
    </message>
    <message>
        <source>请填写日期</source>
        <translation>Please enter a date</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>意见（将打印在方案上）：</source>
        <translation>Opinion (printed on the on-site plan):</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>退回修改</source>
        <translation>Return for Revision</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>登记送达</source>
        <translation>Record Service</translation>
    </message>
    <message>
        <source>选择本次一并送达的文书（最多{n}份），登记后打印《文书送达回执》请收件人签名。</source>
        <translation>Select the documents served together this time (up to {n}). After recording, print the Service Receipt for the recipient to sign.</translation>
    </message>
    <message>
        <source>{kind}&#x3000;{number}（{day}）</source>
        <translation>{kind}  {number} ({day})</translation>
    </message>
    <message>
        <source>签收文书的人</source>
        <translation>Person who signed for the documents</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(please select)</translation>
    </message>
    <message>
        <source>两名执法人员</source>
        <translation>Two enforcement officers</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <source>双随机抽取</source>
        <translation>Double-Random Draw</translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Enterprise Name</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified Social Credit Code</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>检查人员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>以往抽取</source>
        <translation>Earlier Draws</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All Categories</translation>
    </message>
    <message>
        <source>全部属地</source>
        <translation>All Jurisdictions</translation>
    </message>
    <message>
        <source>抽取范围</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>筛选条件</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>按数量</source>
        <translation>By Count</translation>
    </message>
    <message>
        <source>按比例</source>
        <translation>By Share</translation>
    </message>
    <message>
        <source> 家</source>
        <translation> enterprises</translation>
    </message>
    <message>
        <source>按比例抽取时向上取整，至少抽取1家</source>
        <translation>A share is rounded up, and at least one enterprise is drawn</translation>
    </message>
    <message>
        <source>抽取数量</source>
        <translation>How Many</translation>
    </message>
    <message>
        <source>同一抽取范围、同一随机数种子，抽取结果相同；可改为公开抽取时商定的数字</source>
        <translation>The same pool and the same seed give the same draw; you may enter a number agreed at a public draw</translation>
    </message>
    <message>
        <source>随机数种子</source>
        <translation>Random Seed</translation>
    </message>
    <message>
        <source>不填则用计划事项名称或抽取范围</source>
        <translation>Leave empty to use the plan item&apos;s name or the pool</translation>
    </message>
    <message>
        <source>抽查事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>排除上次检查该企业的人员</source>
        <translation>Exclude whoever inspected the enterprise last</translation>
    </message>
    <message>
        <source>抽取</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>尚未抽取</source>
        <translation>Nothing drawn yet</translation>
    </message>
    <message>
        <source>打印结果…</source>
        <translation>Print Result…</translation>
    </message>
    <message>
        <source>导出一公开…</source>
        <translation>Export for Publication…</translation>
    </message>
    <message>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>按保存的抽取资料重新计算，核对结果是否一致</source>
        <translation>Recompute from the stored draw facts and check the result matches</translation>
    </message>
    <message>
        <source>起草检查方案…</source>
        <translation>Draft Inspection Plan…</translation>
    </message>
    <message>
        <source>为所选的抽中企业起草现场检查方案</source>
        <translation>Draft an on-site inspection plan for the selected drawn enterprise</translation>
    </message>
    <message>
        <source>登记检查…</source>
        <translation>Record Inspection…</translation>
    </message>
    <message>
        <source>为所选的抽中企业登记一次检查</source>
        <translation>Record an inspection of the selected drawn enterprise</translation>
    </message>
    <message>
        <source>全部在产企业</source>
        <translation>All Operating Enterprises</translation>
    </message>
    <message>
        <source>按监管类别、属地筛选</source>
        <translation>By Supervision Category and Jurisdiction</translation>
    </message>
    <message>
        <source>计划事项：{0}</source>
        <translation>Plan item: {0}</translation>
    </message>
    <message>
        <source>{0}  {1}
{2}家／{3}家  种子 {4}</source>
        <translation>{0}  {1}
{2} of {3} enterprises  seed {4}</translation>
    </message>
    <message>
        <source>{0}
抽取记录ID {1}，抽取人：{2}</source>
        <translation>{0}
Draw ID {1}, drawn by {2}</translation>
    </message>
    <message>
        <source>范围内企业：{0} 家</source>
        <translation>Enterprises in the pool: {0}</translation>
    </message>
    <message>
        <source>双随机抽取</source>
        <translation>Double-Random Draw</translation>
    </message>
    <message>
        <source>抽取记录ID {0}：{1}
抽取范围：{2}；{3}，企业库 {4} 家，检查人员库 {5} 名；随机数种子 {6}；{7} {8}
摘要：{9}</source>
        <translation>Draw ID {0}: {1}
Pool: {2}; {3}, {4} enterprises in the pool, {5} inspectors; random seed {6}; {7} {8}
Digest: {9}</translation>
    </message>
    <message>
        <source>打印抽取结果</source>
        <translation>Print Draw Result</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>已保存抽取结果：{0}</source>
        <translation>Draw result saved: {0}</translation>
    </message>
    <message>
        <source>导出一公开</source>
        <translation>Export for Publication</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出抽查结果公示表：{0}</source>
        <translation>Publication list exported: {0}</translation>
    </message>
    <message>
        <source>校验通过：重新计算的结果与保存的抽取结果一致</source>
        <translation>Verified: the recomputed result matches the stored draw</translation>
    </message>
    <message>
        <source>校验抽取结果</source>
        <translation>Verify Draw</translation>
    </message>
</context>
<context>
    <name>EditDetailsDialog</name>
    <message>
        <source>修改隐患信息 — {number}</source>
        <translation>Edit Hazard — {number}</translation>
    </message>
    <message>
        <source>法律法规条款或标准条款</source>
        <translation>Article of a law or regulation, or clause of a standard</translation>
    </message>
    <message>
        <source>（不细分）</source>
        <translation>(not specified)</translation>
    </message>
</context>
<context>
    <name>EnforcementDialog</name>
    <message>
        <source>“四不两直”
暗访</source>
        <translation>Unannounced
Visit</translation>
    </message>
    <message>
        <source>深度
安全体检</source>
        <translation>In-depth Safety
Check-up</translation>
    </message>
    <message>
        <source>现场检查
方案</source>
        <translation>On-Site
Inspection Plan</translation>
    </message>
    <message>
        <source>现场检查
记录</source>
        <translation>Site Inspection
Record</translation>
    </message>
    <message>
        <source>现场处理
措施决定书</source>
        <translation>On-site Measures
Decision</translation>
    </message>
    <message>
        <source>责令限期
整改指令书</source>
        <translation>Rectification
Order</translation>
    </message>
    <message>
        <source>整改复查
意见书</source>
        <translation>Re-inspection
Opinion</translation>
    </message>
    <message>
        <source>文书送达
回执</source>
        <translation>Service
Receipt</translation>
    </message>
    <message>
        <source>检查情况</source>
        <translation>Inspection Summary</translation>
    </message>
    <message>
        <source>检查企业
（家）</source>
        <translation>Enterprises
Inspected</translation>
    </message>
    <message>
        <source>检查
小计</source>
        <translation>Inspections
Subtotal</translation>
    </message>
    <message>
        <source>执法文书</source>
        <translation>Enforcement Documents</translation>
    </message>
    <message>
        <source>文书
小计</source>
        <translation>Documents
Subtotal</translation>
    </message>
    <message>
        <source>隐患整改与挂牌督办</source>
        <translation>Hazard Rectification and Supervision</translation>
    </message>
    <message>
        <source>发现
一般隐患</source>
        <translation>Found:
General</translation>
    </message>
    <message>
        <source>发现
重大隐患</source>
        <translation>Found:
Major</translation>
    </message>
    <message>
        <source>发现
小计</source>
        <translation>Found:
Subtotal</translation>
    </message>
    <message>
        <source>销号
一般隐患</source>
        <translation>Closed:
General</translation>
    </message>
    <message>
        <source>销号
重大隐患</source>
        <translation>Closed:
Major</translation>
    </message>
    <message>
        <source>销号
小计</source>
        <translation>Closed:
Subtotal</translation>
    </message>
    <message>
        <source>重大隐患
挂牌督办</source>
        <translation>Major Hazards
Listed</translation>
    </message>
    <message>
        <source>重大隐患
摘牌</source>
        <translation>Major Hazards
Delisted</translation>
    </message>
    <message>
        <source>安全生产行政执法统计</source>
        <translation>Work Safety Enforcement Statistics</translation>
    </message>
    <message>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>月报</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>季报</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>年报</source>
        <translation>Annual</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <source>{m} 月</source>
        <translation>Month {m}</translation>
    </message>
    <message>
        <source>第一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <source>第二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <source>第三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <source>第四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>重新统计所选期间</source>
        <translation>Recalculate for the selected period</translation>
    </message>
    <message>
        <source>填报人</source>
        <translation>Prepared By</translation>
    </message>
    <message>
        <source>不填则打印后手写</source>
        <translation>Leave blank to write by hand after printing</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>把所选期间的统计表导出为 Excel，可直接打印上报</source>
        <translation>Export the statistics for the selected period to Excel, ready to print and submit</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>统计期间的开始日期：{problem}</source>
        <translation>Start date of the period: {problem}</translation>
    </message>
    <message>
        <source>统计期间的结束日期：{problem}</source>
        <translation>End date of the period: {problem}</translation>
    </message>
    <message>
        <source>统计期间的结束日期 {end} 早于开始日期 {start}</source>
        <translation>The period ends ({end}) before it starts ({start})</translation>
    </message>
    <message>
        <source>统计期间 {text}。各项按业务日期统计：检查按检查日期、文书按文书日期、发现隐患按发现日期、整改销号按销号日期（含往期发现的隐患）、挂牌督办和摘牌按各自日期；均按企业当前属地归属。</source>
        <translation>Period {text}. Each item is counted by its business date: inspections by inspection date, documents by document date, hazards found by date found, closures by closure date (including hazards found in earlier periods), listings and delistings by their own dates; all are assigned to the enterprise&apos;s current jurisdiction.</translation>
    </message>
    <message>
        <source>正在统计……</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>未能统计所选期间。</source>
        <translation>The selected period could not be counted.</translation>
    </message>
    <message>
        <source>{label}：检查企业 {e} 家、检查 {v} 次，制作文书 {d} 份，发现隐患 {f} 项、销号 {c} 项。</source>
        <translation>{label}: {e} enterprises inspected, {v} inspections, {d} documents issued, {f} hazards found, {c} closed.</translation>
    </message>
    <message>
        <source>导出执法统计报表</source>
        <translation>Export Enforcement Statistics</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel Workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>导出{label}执法统计表</source>
        <translation>Export {label} Enforcement Statistics</translation>
    </message>
    <message>
        <source>已导出{label}执法统计表：{path}</source>
        <translation>Exported {label} enforcement statistics: {path}</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export Complete</translation>
    </message>
    <message>
        <source>打开文件</source>
        <translation>Open File</translation>
    </message>
    <message>
        <source>未能自动打开，请在文件夹中找到：{path}</source>
        <translation>Could not open it automatically. Please find it in the folder: {path}</translation>
    </message>
    <message>
        <source>正在写入统计表……</source>
        <translation>Writing the statistics table…</translation>
    </message>
    <message>
        <source>已取消导出，未写入文件。</source>
        <translation>Export canceled; no file was written.</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <source>新增企业</source>
        <translation>New Enterprise</translation>
    </message>
    <message>
        <source>编辑企业</source>
        <translation>Edit Enterprise</translation>
    </message>
    <message>
        <source>编辑企业 — {name}</source>
        <translation>Edit Enterprise — {name}</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic Information</translation>
    </message>
    <message>
        <source>与营业执照一致</source>
        <translation>As on the business license</translation>
    </message>
    <message>
        <source>18位，如 91320411MA1XXXXXXX</source>
        <translation>18 characters, e.g. 91320411MA1XXXXXXX</translation>
    </message>
    <message>
        <source>园区、镇或街道，可直接输入</source>
        <translation>Park, town or street; you can type a new one</translation>
    </message>
    <message>
        <source>如 化学原料和化学制品制造业</source>
        <translation>e.g. Manufacture of chemical raw materials and chemical products</translation>
    </message>
    <message>
        <source>（未评定）</source>
        <translation>(not graded)</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact Person</translation>
    </message>
    <message>
        <source>如 董事长、总经理（印在现场检查记录上）</source>
        <translation>e.g. Chairman, General Manager (printed on the Site Inspection Record)</translation>
    </message>
    <message>
        <source>法定代表人（负责人）的职务</source>
        <translation>Position of the legal representative (person in charge)</translation>
    </message>
    <message>
        <source>手机号或 0519-85123456</source>
        <translation>Mobile number or 0519-85123456</translation>
    </message>
    <message>
        <source>监管信息</source>
        <translation>Supervision Information</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(please select)</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source> 人</source>
        <translation> people</translation>
    </message>
    <message>
        <source>在粉尘作业区域作业的人数</source>
        <translation>Number of workers in dust areas</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>重点监管危险化工工艺，可多选</source>
        <translation>Key supervised hazardous chemical processes; select all that apply</translation>
    </message>
    <message>
        <source>是（在其他企业厂区内租用场地）</source>
        <translation>Yes (leases space within another enterprise&apos;s plant)</translation>
    </message>
    <message>
        <source>还有 {n} 处需要修改</source>
        <translation>{n} more fields need correcting</translation>
    </message>
    <message>
        <source>已新增企业：{name}</source>
        <translation>Enterprise added: {name}</translation>
    </message>
    <message>
        <source>已保存企业：{name}</source>
        <translation>Enterprise saved: {name}</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard Changes</translation>
    </message>
    <message>
        <source>填写的内容尚未保存，确定要放弃吗？</source>
        <translation>Your entries have not been saved. Discard them?</translation>
    </message>
</context>
<context>
    <name>EnterpriseFileDialog</name>
    <message>
        <source>检查日期</source>
        <translation>Inspection Date</translation>
    </message>
    <message>
        <source>检查类型</source>
        <translation>Inspection Type</translation>
    </message>
    <message>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>发现隐患</source>
        <translation>Hazards Found</translation>
    </message>
    <message>
        <source>未销号</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>隐患编号</source>
        <translation>Hazard No.</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Date Found</translation>
    </message>
    <message>
        <source>隐患部位</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>隐患描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>隐患等级</source>
        <translation>Hazard Level</translation>
    </message>
    <message>
        <source>整改状态</source>
        <translation>Rectification Status</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Rectification Deadline</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document No.</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>送达</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>检查内容</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>检查次数</source>
        <translation>Times Checked</translation>
    </message>
    <message>
        <source>不合格次数</source>
        <translation>Times Failed</translation>
    </message>
    <message>
        <source>最近一次</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>历次结果</source>
        <translation>All Results</translation>
    </message>
    <message>
        <source>一企一档</source>
        <translation>Enterprise File</translation>
    </message>
    <message>
        <source>暂无检查记录</source>
        <translation>No inspection records yet</translation>
    </message>
    <message>
        <source>暂无隐患记录</source>
        <translation>No hazard records yet</translation>
    </message>
    <message>
        <source>尚未开具文书</source>
        <translation>No documents issued yet</translation>
    </message>
    <message>
        <source>历次检查未使用检查表</source>
        <translation>No visit used a checklist</translation>
    </message>
    <message>
        <source>双击检查项可打开最近一次检查</source>
        <translation>Double-click an item to open its latest visit</translation>
    </message>
    <message>
        <source>双击文书可再次打印（编号、日期和内容不变）</source>
        <translation>Double-click a document to print it again (number, date and content unchanged)</translation>
    </message>
    <message>
        <source>检查记录</source>
        <translation>Inspection Records</translation>
    </message>
    <message>
        <source>隐患</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <source>执法文书</source>
        <translation>Enforcement Documents</translation>
    </message>
    <message>
        <source>登记检查…</source>
        <translation>Record Inspection…</translation>
    </message>
    <message>
        <source>在隐患整改中查看</source>
        <translation>View in Hazard Rectification</translation>
    </message>
    <message>
        <source>编辑企业信息</source>
        <translation>Edit Enterprise Information</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{n} 条</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>{state}（逾期）</source>
        <translation>{state} (overdue)</translation>
    </message>
    <message>
        <source>隐患共 {total} 条，这里列出最近 {n} 条；全部请点“在隐患整改中查看”。</source>
        <translation>{total} hazards in all; the latest {n} are listed here. Click “View in Hazard Rectification” to see them all.</translation>
    </message>
    <message>
        <source>未送达</source>
        <translation>Not served</translation>
    </message>
    <message>
        <source>检查记录（{n}）</source>
        <translation>Inspection Records ({n})</translation>
    </message>
    <message>
        <source>隐患（{n}）</source>
        <translation>Hazards ({n})</translation>
    </message>
    <message>
        <source>执法文书（{n}）</source>
        <translation>Enforcement Documents ({n})</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>（{number} {state}）</source>
        <translation> ({number} {state})</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>检查表（{n}项，{open}项待整改）</source>
        <translation>Checklists ({n} items, {open} to rectify)</translation>
    </message>
    <message>
        <source>检查表（{n}项）</source>
        <translation>Checklists ({n} items)</translation>
    </message>
    <message>
        <source>隐患整改情况：</source>
        <translation>Hazard rectification:</translation>
    </message>
    <message>
        <source>尚无隐患记录</source>
        <translation>No hazard records yet</translation>
    </message>
    <message>
        <source>{state} {n}</source>
        <translation>{state} {n}</translation>
    </message>
    <message>
        <source>逾期 {n}</source>
        <translation>Overdue {n}</translation>
    </message>
    <message>
        <source>挂牌督办 {n}</source>
        <translation>Listed {n}</translation>
    </message>
    <message>
        <source>一企一档 — {name}</source>
        <translation>Enterprise File — {name}</translation>
    </message>
    <message>
        <source>{grade}色风险</source>
        <translation>{grade} risk</translation>
    </message>
    <message>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>{n} 人</source>
        <translation>{n} people</translation>
    </message>
</context>
<context>
    <name>EnterprisePage</name>
    <message>
        <source>企业台账</source>
        <translation>Enterprise Ledger</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>新增企业（Ctrl+N）</source>
        <translation>New enterprise (Ctrl+N)</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>编辑所选企业（Ctrl+E 或回车）</source>
        <translation>Edit the selected enterprise (Ctrl+E or Enter)</translation>
    </message>
    <message>
        <source>企业档案</source>
        <translation>Enterprise File</translation>
    </message>
    <message>
        <source>查看所选企业的一企一档</source>
        <translation>View the selected enterprise&apos;s file</translation>
    </message>
    <message>
        <source>搜索企业名称、拼音首字母、统一社会信用代码或地址</source>
        <translation>Search by enterprise name, pinyin initials, unified social credit code or address</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>共 {n} 家</source>
        <translation>{n} in total</translation>
    </message>
    <message>
        <source>共 {n} 家（已筛选）</source>
        <translation>{n} in total (filtered)</translation>
    </message>
    <message>
        <source>新增企业</source>
        <translation>New Enterprise</translation>
    </message>
</context>
<context>
    <name>EnterprisePicker</name>
    <message>
        <source>输入企业名称、拼音首字母、统一社会信用代码或地址的一部分，然后从列表中选择</source>
        <translation>Type part of the enterprise name, its pinyin initials, unified social credit code or address, then choose from the list</translation>
    </message>
    <message>
        <source>未找到匹配“{text}”的企业</source>
        <translation>No enterprise matches “{text}”</translation>
    </message>
    <message>
        <source>仅显示前{n}个，请输入更多文字缩小范围</source>
        <translation>Only the first {n} are shown; type more to narrow the search</translation>
    </message>
    <message>
        <source>未选择企业</source>
        <translation>No enterprise selected</translation>
    </message>
    <message>
        <source>风险等级：{g}</source>
        <translation>Risk grade: {g}</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>延期 — {number}</source>
        <translation>Extend Deadline — {number}</translation>
    </message>
    <message>
        <source>未确定</source>
        <translation>Not determined</translation>
    </message>
    <message>
        <source>原整改时限</source>
        <translation>Original Deadline</translation>
    </message>
    <message>
        <source>新整改时限</source>
        <translation>New Deadline</translation>
    </message>
    <message>
        <source>如：防爆设备采购周期长，供货需30天</source>
        <translation>e.g. explosion-proof equipment has a long lead time; delivery takes 30 days</translation>
    </message>
    <message>
        <source>延期理由</source>
        <translation>Reason for Extension</translation>
    </message>
</context>
<context>
    <name>FailedItemsTable</name>
    <message>
        <source>统计期间内没有检查表不合格项</source>
        <translation>No checklist item failed in this period</translation>
    </message>
    <message>
        <source>重大隐患判定项</source>
        <translation>Major-hazard criterion</translation>
    </message>
</context>
<context>
    <name>FigureTable</name>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
</context>
<context>
    <name>HazardDetail</name>
    <message>
        <source>在左侧列表中选择一个隐患，
这里显示它的整改方案、处理按钮和全过程记录。</source>
        <translation>Select a hazard in the list on the left;
its rectification plan, actions and full history appear here.</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>退回“待整改”（整改方案保留）</source>
        <translation>Back to “Reported” (the rectification plan is kept)</translation>
    </message>
    <message>
        <source>打印整改指令书</source>
        <translation>Print Rectification Order</translation>
    </message>
    <message>
        <source>打印复查意见书</source>
        <translation>Print Re-inspection Opinion</translation>
    </message>
    <message>
        <source>隐患信息</source>
        <translation>Hazard Information</translation>
    </message>
    <message>
        <source>隐患部位</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>隐患描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>隐患类别</source>
        <translation>Hazard Category</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Legal Basis</translation>
    </message>
    <message>
        <source>隐患来源</source>
        <translation>Hazard Source</translation>
    </message>
    <message>
        <source>现场处理措施</source>
        <translation>On-site Measures</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>撤出作业人员、暂时停产停业或停止使用设施设备（现场处理措施决定书）</source>
        <translation>Withdraw workers, suspend production or stop using facilities and equipment (On-site Measures Decision)</translation>
    </message>
    <message>
        <source>隐患照片</source>
        <translation>Hazard Photos</translation>
    </message>
    <message>
        <source>保存新照片</source>
        <translation>Save New Photos</translation>
    </message>
    <message>
        <source>隐患详情</source>
        <translation>Hazard Details</translation>
    </message>
    <message>
        <source>检查：{day} {kind}（{names}）</source>
        <translation>Inspection: {day} {kind} ({names})</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved Changes</translation>
    </message>
    <message>
        <source>隐患 {number} 的整改方案或照片尚未保存，是否放弃这些修改？</source>
        <translation>The rectification plan or photos of hazard {number} have not been saved. Discard these changes?</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>隐患 {number}（{location}）按整改方案进入“整改中”？</source>
        <translation>Move hazard {number} ({location}) to “Rectifying” under its rectification plan?</translation>
    </message>
    <message>
        <source>之后如发现有误，可立即撤销。</source>
        <translation>If this was a mistake, you can undo it right afterwards.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{number} 已开始整改</source>
        <translation>{number} is now rectifying</translation>
    </message>
    <message>
        <source>{n} 张新照片尚未保存</source>
        <translation>{n} new photos not yet saved</translation>
    </message>
    <message>
        <source>保存照片</source>
        <translation>Save Photos</translation>
    </message>
</context>
<context>
    <name>HazardDetailDialog</name>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>隐患详情 — {number}</source>
        <translation>Hazard Details — {number}</translation>
    </message>
</context>
<context>
    <name>HazardDocuments</name>
    <message>
        <source>执法文书</source>
        <translation>Enforcement Documents</translation>
    </message>
    <message>
        <source>打印整改指令书</source>
        <translation>Print Rectification Order</translation>
    </message>
    <message>
        <source>责令限期整改指令书（本次检查发现的隐患）</source>
        <translation>Rectification Order (hazards found in this inspection)</translation>
    </message>
    <message>
        <source>打印复查意见书</source>
        <translation>Print Re-inspection Opinion</translation>
    </message>
    <message>
        <source>整改复查意见书（最近一次复查）</source>
        <translation>Re-inspection Opinion (latest re-inspection)</translation>
    </message>
    <message>
        <source>{day} {how}</source>
        <translation>{day} ({how})</translation>
    </message>
    <message>
        <source>该隐患不是检查中发现的，没有整改指令书。</source>
        <translation>This hazard was not found during an inspection, so there is no Rectification Order.</translation>
    </message>
    <message>
        <source>登记复查结果后可出具复查意见书。</source>
        <translation>A Re-inspection Opinion can be issued once a re-inspection result is recorded.</translation>
    </message>
</context>
<context>
    <name>HazardEditor</name>
    <message>
        <source>撤出作业人员</source>
        <translation>Withdraw Workers</translation>
    </message>
    <message>
        <source>暂时停产停业</source>
        <translation>Suspend Production and Business</translation>
    </message>
    <message>
        <source>停止使用设施设备</source>
        <translation>Stop Using Facilities and Equipment</translation>
    </message>
    <message>
        <source>如：2号车间配电室、甲类仓库</source>
        <translation>e.g. Workshop 2 power distribution room, Class A warehouse</translation>
    </message>
    <message>
        <source>存在的问题，如：配电箱前堆放杂物，未保持0.8米操作通道</source>
        <translation>The problem found, e.g. items piled in front of the distribution box; 0.8 m operating aisle not kept clear</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(please select)</translation>
    </message>
    <message>
        <source>如：《安全生产法》第四十一条；GB 50016-2014 第3.3.1条</source>
        <translation>e.g. Work Safety Law, Article 41; GB 50016-2014, clause 3.3.1</translation>
    </message>
    <message>
        <source>{n}天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>整改时限设为检查日期后{n}天</source>
        <translation>Set the rectification deadline to {n} days after the inspection date</translation>
    </message>
    <message>
        <source>立查立改</source>
        <translation>Rectify on the Spot</translation>
    </message>
    <message>
        <source>一般隐患当场整改完毕，登记后直接销号；重大隐患不能立查立改</source>
        <translation>A general hazard fully rectified on the spot is closed as soon as it is recorded; major hazards cannot be rectified on the spot</translation>
    </message>
    <message>
        <source>现场整改措施，如：当场清理杂物</source>
        <translation>On-the-spot rectification measures, e.g. items cleared away on the spot</translation>
    </message>
    <message>
        <source>重大事故隐患排除前无法保证安全时当场作出的处理决定，打印现场处理措施决定书</source>
        <translation>Decisions made on the spot when safety cannot be guaranteed before a major hazard is eliminated; prints an On-site Measures Decision</translation>
    </message>
    <message>
        <source>判定为重大隐患</source>
        <translation>Decide: Major Hazard</translation>
    </message>
    <message>
        <source>依据条款</source>
        <translation>Legal Basis</translation>
    </message>
    <message>
        <source>现场处理措施</source>
        <translation>On-site Measures</translation>
    </message>
    <message>
        <source>整改前照片</source>
        <translation>Before-Rectification Photos</translation>
    </message>
    <message>
        <source>整改后照片</source>
        <translation>After-Rectification Photos</translation>
    </message>
    <message>
        <source>该检查项为重大事故隐患判定项，建议判定为重大隐患（请检查人员确认）。</source>
        <translation>This check item is a major-hazard criterion: a major hazard is proposed (the inspector confirms).</translation>
    </message>
    <message>
        <source>该条文待核实：打印前请核对检查依据。</source>
        <translation>This text is to be verified: check the basis before printing.</translation>
    </message>
    <message>
        <source>重大隐患不能立查立改，须制定整改方案并挂牌督办</source>
        <translation>Major hazards cannot be rectified on the spot: a rectification plan is required and the hazard must be listed for supervision</translation>
    </message>
    <message>
        <source>一般隐患当场整改完毕，登记后直接销号</source>
        <translation>A general hazard fully rectified on the spot is closed as soon as it is recorded</translation>
    </message>
</context>
<context>
    <name>HazardFilterBar</name>
    <message>
        <source>状态：{v}</source>
        <translation>Status: {v}</translation>
    </message>
    <message>
        <source>状态：未销号</source>
        <translation>Status: Open</translation>
    </message>
    <message>
        <source>状态：全部</source>
        <translation>Status: All</translation>
    </message>
    <message>
        <source>仅逾期</source>
        <translation>Overdue Only</translation>
    </message>
    <message>
        <source>{n}日内到期</source>
        <translation>Due within {n} days</translation>
    </message>
    <message>
        <source>挂牌督办中</source>
        <translation>Listed for Supervision</translation>
    </message>
    <message>
        <source>属地：{v}</source>
        <translation>Jurisdiction: {v}</translation>
    </message>
    <message>
        <source>企业：{v}</source>
        <translation>Enterprise: {v}</translation>
    </message>
    <message>
        <source>检查记录：{v}</source>
        <translation>Inspection record: {v}</translation>
    </message>
    <message>
        <source>类别：{v}</source>
        <translation>Category: {v}</translation>
    </message>
    <message>
        <source>等级：{v}</source>
        <translation>Level: {v}</translation>
    </message>
    <message>
        <source>检查人员：{v}</source>
        <translation>Inspector: {v}</translation>
    </message>
    <message>
        <source>发现日期：{a} 至 {b}</source>
        <translation>Date found: {a} to {b}</translation>
    </message>
    <message>
        <source>关键词：{v}</source>
        <translation>Keyword: {v}</translation>
    </message>
    <message>
        <source>搜索隐患编号、部位、描述或企业名称</source>
        <translation>Search by hazard no., location, description or enterprise name</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>输入名称选择企业</source>
        <translation>Type a name to choose an enterprise</translation>
    </message>
    <message>
        <source>未销号</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>{n}日内</source>
        <translation>Within {n} days</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Date Found</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear Filters</translation>
    </message>
    <message>
        <source>恢复默认：显示全部未销号隐患</source>
        <translation>Restore the default: show all open hazards</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>{name}（已离岗）</source>
        <translation>{name} (inactive)</translation>
    </message>
    <message>
        <source>企业 {id}</source>
        <translation>Enterprise {id}</translation>
    </message>
    <message>
        <source>检查人员 {id}</source>
        <translation>Inspector {id}</translation>
    </message>
</context>
<context>
    <name>HazardHeader</name>
    <message>
        <source>立查立改，</source>
        <translation>On the spot: </translation>
    </message>
    <message>
        <source>{how}已于 {day} 销号</source>
        <translation>{how}Closed on {day}</translation>
    </message>
    <message>
        <source>尚未确定整改时限</source>
        <translation>No rectification deadline set yet</translation>
    </message>
    <message>
        <source>已逾期 {n} 天（整改时限 {day}）</source>
        <translation>Overdue by {n} days (deadline {day})</translation>
    </message>
    <message>
        <source>今天到期（整改时限 {day}）</source>
        <translation>Due today (deadline {day})</translation>
    </message>
    <message>
        <source>剩余 {n} 天（整改时限 {day}）</source>
        <translation>{n} days left (deadline {day})</translation>
    </message>
    <message>
        <source>挂牌督办</source>
        <translation>List for Supervision</translation>
    </message>
    <message>
        <source>{name}（{place}）</source>
        <translation>{name} ({place})</translation>
    </message>
    <message>
        <source>发现日期 {day}</source>
        <translation>Found on {day}</translation>
    </message>
    <message>
        <source>督办单位：{unit}，{listed} 挂牌</source>
        <translation>Supervising authority: {unit}, listed on {listed}</translation>
    </message>
    <message>
        <source>，{day} 摘牌</source>
        <translation>, delisted on {day}</translation>
    </message>
</context>
<context>
    <name>HazardPage</name>
    <message>
        <source>隐患整改</source>
        <translation>Hazard Rectification</translation>
    </message>
    <message>
        <source>批量延期…</source>
        <translation>Batch Extend…</translation>
    </message>
    <message>
        <source>为所选隐患统一延长整改时限（须说明理由）</source>
        <translation>Extend the rectification deadline of the selected hazards (a reason is required)</translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>按当前筛选和排序导出隐患清单</source>
        <translation>Export the hazard list with the current filters and sort order</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>重新读取数据（F5）</source>
        <translation>Reload data (F5)</translation>
    </message>
    <message>
        <source>没有符合条件的隐患。可调整或清除筛选条件。</source>
        <translation>No hazards match. Adjust or clear the filters.</translation>
    </message>
    <message>
        <source>未销号 共 {n} 条</source>
        <translation>{n} open</translation>
    </message>
    <message>
        <source>共 {n} 条（已筛选）</source>
        <translation>{n} in total (filtered)</translation>
    </message>
    <message>
        <source>查看详情</source>
        <translation>View Details</translation>
    </message>
    <message>
        <source>复制隐患编号</source>
        <translation>Copy Hazard No.</translation>
    </message>
    <message>
        <source>请先在列表中选择要延期的隐患</source>
        <translation>First select the hazards to extend in the list</translation>
    </message>
    <message>
        <source>批量延期</source>
        <translation>Batch Extend</translation>
    </message>
    <message>
        <source>一次最多可延期 {max} 条隐患，当前选择了 {n} 条。</source>
        <translation>You can extend at most {max} hazards at a time; {n} are selected.</translation>
    </message>
    <message>
        <source>已为 {n} 条隐患延长整改时限至 {d}。</source>
        <translation>Extended the rectification deadline of {n} hazards to {d}.</translation>
    </message>
    <message>
        <source>{number}：{reason}</source>
        <translation>{number}: {reason}</translation>
    </message>
    <message>
        <source>以下 {n} 条未延期：</source>
        <translation>{n} not extended:</translation>
    </message>
    <message>
        <source>隐患清单_{day}.xlsx</source>
        <translation>Hazards_{day}.xlsx</translation>
    </message>
    <message>
        <source>导出隐患清单</source>
        <translation>Export Hazard List</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel Workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出：{done}/{total} 条</source>
        <translation>Exporting: {done}/{total}</translation>
    </message>
    <message>
        <source>已取消导出，未生成文件</source>
        <translation>Export canceled; no file was created</translation>
    </message>
    <message>
        <source>已导出 {n} 条隐患</source>
        <translation>Exported {n} hazards</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export Complete</translation>
    </message>
    <message>
        <source>已导出 {n} 条隐患到：
{path}</source>
        <translation>Exported {n} hazards to:
{path}</translation>
    </message>
</context>
<context>
    <name>HazardShortList</name>
    <message>
        <source>企业名称</source>
        <translation>Enterprise Name</translation>
    </message>
    <message>
        <source>隐患描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Rectification Deadline</translation>
    </message>
    <message>
        <source>全部 ›</source>
        <translation>All ›</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>剩余</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>{title}（前 {n} 条，共 {total} 条）</source>
        <translation>{title} (first {n} of {total})</translation>
    </message>
    <message>
        <source>{title}（{total} 条）</source>
        <translation>{title} ({total})</translation>
    </message>
    <message>
        <source>{n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>General</translation>
    </message>
    <message>
        <source>{number}&#x3000;{jurisdiction}&#x3000;{level}
{enterprise}
{location}：{description}</source>
        <translation>{number}  {jurisdiction}  {level}
{enterprise}
{location}: {description}</translation>
    </message>
</context>
<context>
    <name>HazardTable</name>
    <message>
        <source>逾期{n}天</source>
        <translation>{n} days overdue</translation>
    </message>
    <message>
        <source>今日到期</source>
        <translation>Due Today</translation>
    </message>
    <message>
        <source>剩{n}天</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <source>隐患编号</source>
        <translation>Hazard No.</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Enterprise Name</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>隐患部位</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>隐患描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Date Found</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>剩余/逾期</source>
        <translation>Days Left</translation>
    </message>
    <message>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
</context>
<context>
    <name>HazardTimeline</name>
    <message>
        <source>登记隐患</source>
        <translation>Record Hazard</translation>
    </message>
    <message>
        <source>保存整改方案</source>
        <translation>Save Rectification Plan</translation>
    </message>
    <message>
        <source>开始整改</source>
        <translation>Start Rectification</translation>
    </message>
    <message>
        <source>整改完成</source>
        <translation>Rectification Done</translation>
    </message>
    <message>
        <source>复查</source>
        <translation>Re-inspection</translation>
    </message>
    <message>
        <source>立查立改</source>
        <translation>Rectify on the Spot</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>挂牌督办</source>
        <translation>List for Supervision</translation>
    </message>
    <message>
        <source>修改信息</source>
        <translation>Edit Details</translation>
    </message>
    <message>
        <source>现场处理措施</source>
        <translation>On-site Measures</translation>
    </message>
    <message>
        <source>追加说明</source>
        <translation>Add Note</translation>
    </message>
    <message>
        <source>添加照片</source>
        <translation>Add Photos</translation>
    </message>
    <message>
        <source>撤销开始整改</source>
        <translation>Undo Start Rectification</translation>
    </message>
    <message>
        <source>登记{level}：{what}，挂牌督办（督办单位：{unit}）</source>
        <translation>Recorded a {level}: {what}; listed for supervision (supervising authority: {unit})</translation>
    </message>
    <message>
        <source>登记{level}：{what}</source>
        <translation>Recorded a {level}: {what}</translation>
    </message>
    <message>
        <source>保存整改方案（五到位齐全）</source>
        <translation>Rectification plan saved (five-in-place complete)</translation>
    </message>
    <message>
        <source>保存整改方案，尚缺：{missing}</source>
        <translation>Rectification plan saved; still missing: {missing}</translation>
    </message>
    <message>
        <source>五到位齐全，进入整改中（整改时限 {day}）</source>
        <translation>Five-in-place complete; now rectifying (deadline {day})</translation>
    </message>
    <message>
        <source>撤销开始整改，退回待整改（整改方案保留）</source>
        <translation>Start of rectification undone; back to “Reported” (the rectification plan is kept)</translation>
    </message>
    <message>
        <source>企业报告整改完成（{day}），待复查</source>
        <translation>The enterprise reported rectification done ({day}); pending re-inspection</translation>
    </message>
    <message>
        <source>复查合格（{names}），销号并摘牌</source>
        <translation>Re-inspection passed ({names}); closed and delisted</translation>
    </message>
    <message>
        <source>复查合格（{names}），销号</source>
        <translation>Re-inspection passed ({names}); closed</translation>
    </message>
    <message>
        <source>复查不合格（{names}），退回整改中，新整改时限 {day}</source>
        <translation>Re-inspection failed ({names}); back to rectifying, new deadline {day}</translation>
    </message>
    <message>
        <source>立查立改，当场整改销号</source>
        <translation>Rectified on the spot and closed</translation>
    </message>
    <message>
        <source>延期：整改时限 {old} → {new}（理由：{reason}）</source>
        <translation>Extended: deadline {old} → {new} (reason: {reason})</translation>
    </message>
    <message>
        <source>升级为重大隐患，挂牌督办（督办单位：{unit}）</source>
        <translation>Upgraded to a major hazard and listed for supervision (supervising authority: {unit})</translation>
    </message>
    <message>
        <source>修改隐患信息：{fields}</source>
        <translation>Details edited: {fields}</translation>
    </message>
    <message>
        <source>现场处理措施：{measures}</source>
        <translation>On-site measures: {measures}</translation>
    </message>
    <message>
        <source>取消现场处理措施</source>
        <translation>On-site measures withdrawn</translation>
    </message>
    <message>
        <source>追加说明：{text}</source>
        <translation>Note added: {text}</translation>
    </message>
    <message>
        <source>添加照片：{photos}</source>
        <translation>Photos added: {photos}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{phase}{n}张</source>
        <translation>{phase} ({n})</translation>
    </message>
    <message>
        <source>；说明：{note}</source>
        <translation>; note: {note}</translation>
    </message>
    <message>
        <source>；复查意见：{opinion}</source>
        <translation>; re-inspection comments: {opinion}</translation>
    </message>
    <message>
        <source>处理记录（最新在前）</source>
        <translation>History (newest first)</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>使用帮助</source>
        <translation>User Guide</translation>
    </message>
    <message>
        <source>搜索帮助，如 延期、拼音、台账</source>
        <translation>Search the guide, e.g. extension, pinyin, ledger</translation>
    </message>
    <message>
        <source>没有找到相关内容</source>
        <translation>Nothing found</translation>
    </message>
</context>
<context>
    <name>HomeCharts</name>
    <message>
        <source>近12个月发现与销号</source>
        <translation>Found and Closed, Last 12 Months</translation>
    </message>
    <message>
        <source>目前逾期账龄</source>
        <translation>Overdue Ageing Today</translation>
    </message>
    <message>
        <source>挂牌督办重大隐患</source>
        <translation>Major Hazards Listed for Supervision</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>未销号隐患</source>
        <translation>Open Hazards</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>{n}日内到期</source>
        <translation>Due Within {n} Days</translation>
    </message>
    <message>
        <source>挂牌督办重大隐患</source>
        <translation>Majors Under Supervision</translation>
    </message>
    <message>
        <source>尚未复查销号的全部隐患</source>
        <translation>All hazards not yet re-inspected and closed</translation>
    </message>
    <message>
        <source>已过整改时限仍未销号，应督促整改或依法处理</source>
        <translation>Past the rectification deadline and still open; urge rectification or take action according to law</translation>
    </message>
    <message>
        <source>{n}日内到达整改时限，宜提前提醒企业</source>
        <translation>Rectification deadline within {n} days; remind the enterprises in good time</translation>
    </message>
    <message>
        <source>重大事故隐患挂牌督办中，复查销号后摘牌</source>
        <translation>Major hazards listed for supervision; delisted once re-inspected and closed</translation>
    </message>
    <message>
        <source>{y}年{m}月{d}日 {weekday}</source>
        <translation>{weekday}, {y}-{m}-{d}</translation>
    </message>
    <message>
        <source>有 {n} 条隐患已超过整改时限仍未销号</source>
        <translation>{n} hazards are past their rectification deadline and still open</translation>
    </message>
    <message>
        <source>，其中重大隐患 {m} 条</source>
        <translation>, of which {m} major</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>逾期隐患提醒</source>
        <translation>Overdue Hazard Reminder</translation>
    </message>
    <message>
        <source>今日提醒</source>
        <translation>Today&apos;s Reminders</translation>
    </message>
    <message>
        <source>点击“查看”打开逾期隐患清单，督促企业限期整改。</source>
        <translation>Click “View” to open the list of overdue hazards and urge the enterprises to rectify them.</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>只统计所选园区、镇或街道的企业</source>
        <translation>Count only enterprises in the selected park, town or street</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>重新统计（F5）</source>
        <translation>Recalculate (F5)</translation>
    </message>
    <message>
        <source>登记检查</source>
        <translation>Record Inspection</translation>
    </message>
    <message>
        <source>登记一次现场检查及发现的隐患</source>
        <translation>Record a site inspection and the hazards found</translation>
    </message>
    <message>
        <source>新增企业</source>
        <translation>New Enterprise</translation>
    </message>
    <message>
        <source>把一家企业登记到企业台账</source>
        <translation>Add an enterprise to the enterprise ledger</translation>
    </message>
    <message>
        <source>逾期最久的隐患</source>
        <translation>Longest Overdue Hazards</translation>
    </message>
    <message>
        <source>✔ {where}目前没有逾期的隐患</source>
        <translation>✔ {where}: no overdue hazards at present</translation>
    </message>
    <message>
        <source>即将到期的隐患</source>
        <translation>Hazards Due Soon</translation>
    </message>
    <message>
        <source>✔ {where}未来 {n} 日内没有到期的隐患</source>
        <translation>✔ {where}: no hazards due in the next {n} days</translation>
    </message>
    <message>
        <source>提示：点击上方数字打开对应的隐患清单；双击列表中的一行查看隐患详情。</source>
        <translation>Tip: click a number above to open the matching hazard list; double-click a row in a list to view the hazard details.</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>全区</source>
        <translation>Entire District</translation>
    </message>
    <message>
        <source>您好</source>
        <translation>Hello</translation>
    </message>
    <message>
        <source>{name}，您好</source>
        <translation>Hello, {name}</translation>
    </message>
    <message>
        <source>今天是 {date}</source>
        <translation>Today is {date}</translation>
    </message>
    <message>
        <source>科室负责人</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>检查员</source>
        <translation>Inspector</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>读取企业名录</source>
        <translation>Reading Enterprise List</translation>
    </message>
    <message>
        <source>正在读取 {name}：第{done}行</source>
        <translation>Reading {name}: row {done}</translation>
    </message>
    <message>
        <source>选择企业名录 Excel 文件</source>
        <translation>Select Enterprise List Excel File</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</source>
        <translation>Excel Workbook (*.xlsx *.xlsm);;All Files (*)</translation>
    </message>
    <message>
        <source>保存企业名录导入模板</source>
        <translation>Save Enterprise Import Template</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel Workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>无法保存模板</source>
        <translation>Cannot Save Template</translation>
    </message>
    <message>
        <source>已保存模板</source>
        <translation>Template Saved</translation>
    </message>
    <message>
        <source>导入模板已保存到：
{path}

按“说明”工作表填写后，用“导入企业名录”导入。</source>
        <translation>The import template has been saved to:
{path}

Fill it in as described on the “说明” (Instructions) sheet, then import it with “Import Enterprise List”.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>导入企业名录 — 预览</source>
        <translation>Import Enterprise List — Preview</translation>
    </message>
    <message>
        <source>文件：{file}&#x3000;工作表：{sheet}&#x3000;表头在第{row}行</source>
        <translation>File: {file}   Sheet: {sheet}   Header in row {row}</translation>
    </message>
    <message>
        <source>以下列不导入：{cols}</source>
        <translation>These columns are not imported: {cols}</translation>
    </message>
    <message>
        <source>只显示错误行</source>
        <translation>Show error rows only</translation>
    </message>
    <message>
        <source>跳过错误行，只导入正确的行</source>
        <translation>Skip rows with errors and import only the valid rows</translation>
    </message>
    <message>
        <source>导出错误清单…</source>
        <translation>Export error list…</translation>
    </message>
    <message>
        <source>把错误行（行号、字段、错误说明）保存为 Excel 文件</source>
        <translation>Save the rows with errors (row, field, message) as an Excel file</translation>
    </message>
    <message>
        <source>复制错误</source>
        <translation>Copy errors</translation>
    </message>
    <message>
        <source>把错误行复制到剪贴板，可粘贴到 Excel 或消息中</source>
        <translation>Copy the rows with errors to the clipboard, to paste into Excel or a message</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{stem}_错误清单.xlsx</source>
        <translation>{stem}_errors.xlsx</translation>
    </message>
    <message>
        <source>导出错误清单</source>
        <translation>Export error list</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>已导出 {n} 处错误：
{path}</source>
        <translation>Exported {n} errors:
{path}</translation>
    </message>
    <message>
        <source>已复制 {n} 处错误。</source>
        <translation>Copied {n} errors.</translation>
    </message>
    <message>
        <source>选中一行可查看完整说明。</source>
        <translation>Select a row to see the full explanation.</translation>
    </message>
    <message>
        <source>第{row}行</source>
        <translation>Row {row}</translation>
    </message>
    <message>
        <source>有{n}处错误：</source>
        <translation>{n} errors:</translation>
    </message>
    <message>
        <source>：将更新已登记的企业，变更字段：{fields}</source>
        <translation>: will update the registered enterprise; changed fields: {fields}</translation>
    </message>
    <message>
        <source>：与已登记信息相同，不会写入</source>
        <translation>: same as the registered information; nothing will be written</translation>
    </message>
    <message>
        <source>：将新增登记</source>
        <translation>: will be added as a new enterprise</translation>
    </message>
    <message>
        <source>有{n}行存在错误：请修正 Excel 后重新导入，或勾选“跳过错误行，只导入正确的行”。</source>
        <translation>{n} rows contain errors: correct the Excel file and import again, or tick “Skip rows with errors and import only the valid rows”.</translation>
    </message>
    <message>
        <source>没有需要导入的新企业或变更。</source>
        <translation>There are no new enterprises or changes to import.</translation>
    </message>
    <message>
        <source>导入企业名录</source>
        <translation>Import Enterprise List</translation>
    </message>
    <message>
        <source>正在导入：{done}/{total}</source>
        <translation>Importing: {done}/{total}</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import Complete</translation>
    </message>
    <message>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
</context>
<context>
    <name>InspectionDetailDialog</name>
    <message>
        <source>隐患编号</source>
        <translation>Hazard No.</translation>
    </message>
    <message>
        <source>隐患部位</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>隐患描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>隐患等级</source>
        <translation>Hazard Level</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Rectification Deadline</translation>
    </message>
    <message>
        <source>整改状态</source>
        <translation>Rectification Status</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>检查内容</source>
        <translation>Check Content</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>文书名称</source>
        <translation>Document Name</translation>
    </message>
    <message>
        <source>文书编号</source>
        <translation>Document No.</translation>
    </message>
    <message>
        <source>文书日期</source>
        <translation>Document Date</translation>
    </message>
    <message>
        <source>送达</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>检查详情</source>
        <translation>Inspection Details</translation>
    </message>
    <message>
        <source>检查时间</source>
        <translation>Inspection Time</translation>
    </message>
    <message>
        <source>检查类型</source>
        <translation>Inspection Type</translation>
    </message>
    <message>
        <source>检查场所</source>
        <translation>Place Inspected</translation>
    </message>
    <message>
        <source>企业陪同人员</source>
        <translation>Enterprise Representatives Present</translation>
    </message>
    <message>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>检查情况</source>
        <translation>Inspection Summary</translation>
    </message>
    <message>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>双击隐患可打开其整改详情</source>
        <translation>Double-click a hazard to open its rectification details</translation>
    </message>
    <message>
        <source>选中有照片的检查项，可在下方查看其照片</source>
        <translation>Select an item with photos to see them below</translation>
    </message>
    <message>
        <source>该检查项没有照片</source>
        <translation>This item has no photos</translation>
    </message>
    <message>
        <source>已出具文书</source>
        <translation>Documents Issued</translation>
    </message>
    <message>
        <source>双击文书可再次打印（编号、日期和内容不变）</source>
        <translation>Double-click a document to print it again (number, date and content unchanged)</translation>
    </message>
    <message>
        <source>尚未出具文书。可用下方按钮打印现场检查记录、现场处理措施决定书和责令限期整改指令书。</source>
        <translation>No documents issued yet. Use the buttons below to print the Site Inspection Record, On-site Measures Decision and Rectification Order.</translation>
    </message>
    <message>
        <source>打印检查记录</source>
        <translation>Print Inspection Record</translation>
    </message>
    <message>
        <source>打印现场处理措施决定书</source>
        <translation>Print On-site Measures Decision</translation>
    </message>
    <message>
        <source>打印整改指令书</source>
        <translation>Print Rectification Order</translation>
    </message>
    <message>
        <source>登记送达…</source>
        <translation>Record Service…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>无法打开检查记录</source>
        <translation>Cannot Open Inspection Record</translation>
    </message>
    <message>
        <source>检查详情 — {name}</source>
        <translation>Inspection Details — {name}</translation>
    </message>
    <message>
        <source>{name}（执法证号 {number}）</source>
        <translation>{name} (certificate {number})</translation>
    </message>
    <message>
        <source>发现隐患 {n} 条，未销号 {open} 条</source>
        <translation>{n} hazards found, {open} open</translation>
    </message>
    <message>
        <source>本次检查未发现隐患</source>
        <translation>No hazards were found in this inspection</translation>
    </message>
    <message>
        <source>（逾期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>{result}（{hazard}）</source>
        <translation>{result} ({hazard})</translation>
    </message>
    <message>
        <source>检查表：{titles}；检查 {n} 项，不合格 {failed} 项</source>
        <translation>Checklists: {titles}; {n} items checked, {failed} failed</translation>
    </message>
    <message>
        <source>未送达</source>
        <translation>Not served</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <source>检查日期</source>
        <translation>Inspection Date</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Enterprise Name</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>检查类型</source>
        <translation>Inspection Type</translation>
    </message>
    <message>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>发现隐患</source>
        <translation>Hazards Found</translation>
    </message>
    <message>
        <source>未销号</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>检查记录</source>
        <translation>Inspection Records</translation>
    </message>
    <message>
        <source>登记检查</source>
        <translation>Record Inspection</translation>
    </message>
    <message>
        <source>登记一次检查及发现的隐患</source>
        <translation>Record an inspection and the hazards found</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <source>查看所选检查的详情、隐患和文书（回车或双击）</source>
        <translation>View the selected inspection&apos;s details, hazards and documents (Enter or double-click)</translation>
    </message>
    <message>
        <source>打印检查记录</source>
        <translation>Print Inspection Record</translation>
    </message>
    <message>
        <source>出具（或重印）所选检查的现场检查记录</source>
        <translation>Issue (or reprint) the Site Inspection Record of the selected inspection</translation>
    </message>
    <message>
        <source>打印整改指令书</source>
        <translation>Print Rectification Order</translation>
    </message>
    <message>
        <source>出具（或重印）所选检查的责令限期整改指令书</source>
        <translation>Issue (or reprint) the Rectification Order of the selected inspection</translation>
    </message>
    <message>
        <source>搜索企业名称</source>
        <translation>Search by enterprise name</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear Filters</translation>
    </message>
    <message>
        <source>显示全部检查记录</source>
        <translation>Show all inspection records</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>共 {n} 次检查</source>
        <translation>{n} inspections</translation>
    </message>
    <message>
        <source>共 {n} 次检查（已筛选）</source>
        <translation>{n} inspections (filtered)</translation>
    </message>
    <message>
        <source>打印现场处理措施决定书</source>
        <translation>Print On-site Measures Decision</translation>
    </message>
    <message>
        <source>检查记录另存为…</source>
        <translation>Save Inspection Record As…</translation>
    </message>
    <message>
        <source>整改指令书另存为…</source>
        <translation>Save Rectification Order As…</translation>
    </message>
</context>
<context>
    <name>InspectorEditDialog</name>
    <message>
        <source>新增检查人员</source>
        <translation>New Inspector</translation>
    </message>
    <message>
        <source>编辑检查人员</source>
        <translation>Edit Inspector</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>编辑检查人员 — {name}</source>
        <translation>Edit Inspector — {name}</translation>
    </message>
</context>
<context>
    <name>InspectorForm</name>
    <message>
        <source>如 张伟</source>
        <translation>e.g. Zhang Wei</translation>
    </message>
    <message>
        <source>行政执法证件号码；执法检查时必须填写</source>
        <translation>Administrative enforcement certificate number; required for enforcement inspections</translation>
    </message>
    <message>
        <source>如 区应急管理局安全生产监管科、春江镇安监办</source>
        <translation>e.g. Work Safety Supervision Section of the District Emergency Management Bureau, Chunjiang Town Safety Office</translation>
    </message>
    <message>
        <source>检查员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>科室负责人（可复查销号重大隐患、维护人员名册）</source>
        <translation>Supervisor (can re-inspect and close major hazards and maintain the roster)</translation>
    </message>
</context>
<context>
    <name>InspectorRegistryDialog</name>
    <message>
        <source>检查人员管理</source>
        <translation>Manage Inspectors</translation>
    </message>
    <message>
        <source>检查人员名册</source>
        <translation>Inspector Roster</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>在岗</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>在岗 {n} 人，共 {total} 人</source>
        <translation>{n} active, {total} in total</translation>
    </message>
    <message>
        <source>人员只能停用，不能删除：已有的检查记录和执法文书仍显示其姓名。</source>
        <translation>Inspectors can only be deactivated, not deleted: existing inspection records and enforcement documents still show their names.</translation>
    </message>
    <message>
        <source>检查人员名册须由科室负责人维护；您（{name}）可以查看名册。</source>
        <translation>The inspector roster must be maintained by a supervisor; you ({name}) can view it.</translation>
    </message>
    <message>
        <source>恢复在岗</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>恢复所选人员在岗，可再参加检查</source>
        <translation>Reactivate the selected person so they can take part in inspections again</translation>
    </message>
    <message>
        <source>所选人员调离或离岗：不再出现在人员选择中，历史记录保留</source>
        <translation>The selected person has transferred or left: they no longer appear in the selection lists, but their history is kept</translation>
    </message>
    <message>
        <source>停用检查人员</source>
        <translation>Deactivate Inspector</translation>
    </message>
    <message>
        <source>停用“{name}”后，登记检查时不再能选择此人；已有的检查记录和文书不受影响。确定停用吗？</source>
        <translation>After “{name}” is deactivated, they can no longer be selected when recording inspections; existing inspection records and documents are not affected. Deactivate?</translation>
    </message>
</context>
<context>
    <name>InspectorTable</name>
    <message>
        <source>科室负责人</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>检查员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>如：涉爆粉尘企业监督检查</source>
        <translation>e.g. inspection of combustible dust enterprises</translation>
    </message>
    <message>
        <source>检查事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>法律法规、上级文件或工作要求</source>
        <translation>Laws and regulations, higher-level documents or requirements</translation>
    </message>
    <message>
        <source>检查依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>抽取比例</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>抽取家数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>检查方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>目标企业</source>
        <translation>Target Enterprises</translation>
    </message>
    <message>
        <source> 次/年</source>
        <translation> / year</translation>
    </message>
    <message>
        <source>每家企业检查</source>
        <translation>Each enterprise</translation>
    </message>
    <message>
        <source>上限</source>
        <translation>Cap</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>None</translation>
    </message>
    <message>
        <source>涉企行政检查频次上限：超过时登记检查须说明理由</source>
        <translation>The cap on administrative inspections of an enterprise: recording one beyond it asks for a reason</translation>
    </message>
    <message>
        <source>检查频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>{n}月</source>
        <translation>Month {n}</translation>
    </message>
    <message>
        <source>不勾选即全年</source>
        <translation>None ticked: the whole year</translation>
    </message>
    <message>
        <source>实施月份</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible Unit</translation>
    </message>
    <message>
        <source>不指定</source>
        <translation>None</translation>
    </message>
    <message>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>A3 横向（全部{n}列）</source>
        <translation>A3 landscape (all {n} columns)</translation>
    </message>
    <message>
        <source>A4 横向（{n}列，隐藏{hidden}列）</source>
        <translation>A4 landscape ({n} columns, {hidden} hidden)</translation>
    </message>
    <message>
        <source>整改率</source>
        <translation>Rectification Rate</translation>
    </message>
    <message>
        <source>整改资金（元）</source>
        <translation>Rectification Funds (yuan)</translation>
    </message>
    <message>
        <source>月度台账</source>
        <translation>Monthly Ledger</translation>
    </message>
    <message>
        <source>月度隐患排查治理台账：当月发现及当月仍未销号的隐患</source>
        <translation>Monthly hazard ledger: hazards found in the month and hazards still open during the month</translation>
    </message>
    <message>
        <source>导出台账…</source>
        <translation>Export Ledger…</translation>
    </message>
    <message>
        <source>把所选月份的台账导出为 Excel 工作簿（台账 + 汇总两张表）</source>
        <translation>Export the selected month&apos;s ledger as an Excel workbook (ledger and summary sheets)</translation>
    </message>
    <message>
        <source>导出企业台账…</source>
        <translation>Export Enterprise Ledger…</translation>
    </message>
    <message>
        <source>把全部登记企业导出为 Excel 表</source>
        <translation>Export all registered enterprises to an Excel sheet</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <source>{m} 月</source>
        <translation>Month {m}</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>监管类别</source>
        <translation>Supervision Category</translation>
    </message>
    <message>
        <source>打印版式</source>
        <translation>Print Layout</translation>
    </message>
    <message>
        <source>24列在A4纸上字号过小；A3横向打印全部列，A4横向隐藏8个次要列（在Excel中取消隐藏即可查看）</source>
        <translation>24 columns are too small to read on A4; A3 landscape prints all columns, A4 landscape hides 8 secondary columns (unhide them in Excel to view)</translation>
    </message>
    <message>
        <source>隐患总数</source>
        <translation>Total Hazards</translation>
    </message>
    <message>
        <source>台账行数：本月新发现 + 往月结转</source>
        <translation>Ledger rows: new this month + carried over</translation>
    </message>
    <message>
        <source>本月新发现</source>
        <translation>New This Month</translation>
    </message>
    <message>
        <source>其中重大隐患</source>
        <translation>Incl. Major Hazards</translation>
    </message>
    <message>
        <source>本月新发现的重大隐患，不论是否已销号</source>
        <translation>Major hazards newly found this month, whether closed or not</translation>
    </message>
    <message>
        <source>往月结转</source>
        <translation>Carried Over</translation>
    </message>
    <message>
        <source>以前发现、本月初仍未销号的隐患</source>
        <translation>Hazards found earlier and still open at the start of the month</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>本月内销号的隐患，不论何时发现</source>
        <translation>Hazards closed during the month, whenever they were found</translation>
    </message>
    <message>
        <source>未销号</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>截至统计日仍未销号</source>
        <translation>Still open as of the cut-off date</translation>
    </message>
    <message>
        <source>逾期未整改</source>
        <translation>Overdue Rectification</translation>
    </message>
    <message>
        <source>企业未在整改时限内报告整改完成；时限未到的不计</source>
        <translation>The enterprise did not report rectification done within the deadline; hazards whose deadline has not passed are not counted</translation>
    </message>
    <message>
        <source>逾期未复查</source>
        <translation>Overdue Re-inspection</translation>
    </message>
    <message>
        <source>企业已按时报告整改完成，机关超过复查期限仍未复查</source>
        <translation>The enterprise reported rectification done on time, but the office has not re-inspected within the re-inspection period</translation>
    </message>
    <message>
        <source>未销号重大隐患</source>
        <translation>Open Major Hazards</translation>
    </message>
    <message>
        <source>截至统计日仍未销号的重大隐患</source>
        <translation>Major hazards still open as of the cut-off date</translation>
    </message>
    <message>
        <source>隐患等级</source>
        <translation>Hazard Level</translation>
    </message>
    <message>
        <source>按属地</source>
        <translation>By Jurisdiction</translation>
    </message>
    <message>
        <source>按监管类别</source>
        <translation>By Supervision Category</translation>
    </message>
    <message>
        <source>按隐患等级</source>
        <translation>By Hazard Level</translation>
    </message>
    <message>
        <source>打开文件</source>
        <translation>Open File</translation>
    </message>
    <message>
        <source>用 Excel 或 WPS 打开刚导出的文件</source>
        <translation>Open the exported file in Excel or WPS</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>统计期间 {start} 至 {end}；属地：{j}；监管类别：{c}；整改状态与是否逾期{as_of}统计</source>
        <translation>Period {start} to {end}; jurisdiction: {j}; supervision category: {c}; rectification status and overdue counted {as_of}</translation>
    </message>
    <message>
        <source>截至 {day}</source>
        <translation>as of {day}</translation>
    </message>
    <message>
        <source>正在统计{label}台账……</source>
        <translation>Calculating the {label} ledger…</translation>
    </message>
    <message>
        <source>{label}台账共 {n} 条隐患。</source>
        <translation>The {label} ledger has {n} hazards.</translation>
    </message>
    <message>
        <source>未能统计台账。</source>
        <translation>The ledger could not be counted.</translation>
    </message>
    <message>
        <source>整改率口径（机关设置）：{label}。{note}</source>
        <translation>Rectification rate basis (office settings): {label}. {note}</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel Workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在准备……</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>正在写入第 {done} / {total} 条……</source>
        <translation>Writing {done} / {total}…</translation>
    </message>
    <message>
        <source>已取消导出，未写入文件。</source>
        <translation>Export canceled; no file was written.</translation>
    </message>
    <message>
        <source>导出月度台账</source>
        <translation>Export Monthly Ledger</translation>
    </message>
    <message>
        <source>导出{label}台账</source>
        <translation>Export {label} Ledger</translation>
    </message>
    <message>
        <source>已导出{label}台账，共 {n} 条隐患：{path}</source>
        <translation>Exported the {label} ledger with {n} hazards: {path}</translation>
    </message>
    <message>
        <source>导出企业台账</source>
        <translation>Export Enterprise Ledger</translation>
    </message>
    <message>
        <source>已导出企业台账，共 {n} 家企业：{path}</source>
        <translation>Exported the enterprise ledger with {n} enterprises: {path}</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export Complete</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>未能自动打开，请在文件夹中找到：{path}</source>
        <translation>Could not open it automatically. Please find it in the folder: {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>企业台账</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <source>检查记录</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>隐患整改</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <source>月度台账</source>
        <translation>Monthly Ledger</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>检查计划</source>
        <translation>Inspection Plans</translation>
    </message>
    <message>
        <source>导入企业名录…</source>
        <translation>Import Enterprise List…</translation>
    </message>
    <message>
        <source>从 Excel 批量导入企业</source>
        <translation>Import enterprises in bulk from Excel</translation>
    </message>
    <message>
        <source>下载导入模板…</source>
        <translation>Download Import Template…</translation>
    </message>
    <message>
        <source>保存企业名录导入模板（Excel）</source>
        <translation>Save the enterprise import template (Excel)</translation>
    </message>
    <message>
        <source>导出执法统计报表…</source>
        <translation>Export Enforcement Statistics…</translation>
    </message>
    <message>
        <source>按月、季、年统计各属地的检查、执法文书、隐患整改和挂牌督办，导出 Excel 报表</source>
        <translation>Count inspections, enforcement documents, hazard rectification and supervision listings by jurisdiction for a month, quarter or year, and export an Excel report</translation>
    </message>
    <message>
        <source>机关设置…</source>
        <translation>Office Settings…</translation>
    </message>
    <message>
        <source>执法机关名称、文号、复议机关和法院、台账填报单位等</source>
        <translation>Enforcement authority name, document numbering, reconsideration body and court, ledger reporting unit, etc.</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back Up Now</translation>
    </message>
    <message>
        <source>把数据库备份到数据文件夹的 backups/ 中</source>
        <translation>Back up the database to backups/ in the data folder</translation>
    </message>
    <message>
        <source>恢复备份…</source>
        <translation>Restore Backup…</translation>
    </message>
    <message>
        <source>用以前的备份替换当前数据（先另存当前数据）</source>
        <translation>Replace the current data with an earlier backup (the current data is saved first)</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>新增企业</source>
        <translation>New Enterprise</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>编辑所选企业（也可双击或按回车）</source>
        <translation>Edit the selected enterprise (or double-click, or press Enter)</translation>
    </message>
    <message>
        <source>企业档案</source>
        <translation>Enterprise File</translation>
    </message>
    <message>
        <source>查看所选企业的一企一档</source>
        <translation>View the selected enterprise&apos;s file</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>搜索企业</source>
        <translation>Search Enterprises</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>登记检查…</source>
        <translation>Record Inspection…</translation>
    </message>
    <message>
        <source>记录一次现场检查及发现的隐患</source>
        <translation>Record a site inspection and the hazards found</translation>
    </message>
    <message>
        <source>检查人员管理…</source>
        <translation>Manage Inspectors…</translation>
    </message>
    <message>
        <source>登记、修改、停用检查人员</source>
        <translation>Register, edit and deactivate inspectors</translation>
    </message>
    <message>
        <source>切换当前检查人员…</source>
        <translation>Switch Current Inspector…</translation>
    </message>
    <message>
        <source>选择以谁的身份办理业务</source>
        <translation>Choose who you are working as</translation>
    </message>
    <message>
        <source>使用帮助</source>
        <translation>User Guide</translation>
    </message>
    <message>
        <source>打开当前页面的使用说明（F1）</source>
        <translation>Open the guide at the current page (F1)</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>企业(&amp;E)</source>
        <translation>&amp;Enterprise</translation>
    </message>
    <message>
        <source>检查(&amp;I)</source>
        <translation>&amp;Inspection</translation>
    </message>
    <message>
        <source>检查方案…</source>
        <translation>On-Site Inspection Plans…</translation>
    </message>
    <message>
        <source>现场检查方案：拟定、审核、审批、打印，按批准的方案登记检查</source>
        <translation>On-site inspection plans: draft, review, approve, print, and record the inspection of an approved one</translation>
    </message>
    <message>
        <source>检查表管理…</source>
        <translation>Checklists…</translation>
    </message>
    <message>
        <source>查看判定标准检查表；新建、修改、导入、导出本机关检查表</source>
        <translation>View the published criteria; create, edit, import and export office checklists</translation>
    </message>
    <message>
        <source>双随机抽取…</source>
        <translation>Double-Random Draw…</translation>
    </message>
    <message>
        <source>随机抽取检查企业，并为每家企业随机抽取两名检查人员；打印结果、导出一公开</source>
        <translation>Draw enterprises at random and two random inspectors for each; print the result, export it for publication</translation>
    </message>
    <message>
        <source>回避登记…</source>
        <translation>Recusal Register…</translation>
    </message>
    <message>
        <source>登记、撤销检查人员对企业的回避（双随机抽取时排除）</source>
        <translation>Declare or withdraw inspectors&apos; recusals from enterprises (excluded from draws)</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>开发版</source>
        <translation>Development Build</translation>
    </message>
    <message>
        <source>数据库文件：{path}</source>
        <translation>Database file: {path}</translation>
    </message>
    <message>
        <source>数据库：未知</source>
        <translation>Database: unknown</translation>
    </message>
    <message>
        <source>数据库：内存（临时）</source>
        <translation>Database: in memory (temporary)</translation>
    </message>
    <message>
        <source>数据库服务器：{host}（库 {db}）</source>
        <translation>Database server: {host} (database {db})</translation>
    </message>
    <message>
        <source>安全生产检查与隐患闭环整改台账</source>
        <translation>Work Safety Inspection and Hazard Rectification Ledger</translation>
    </message>
    <message>
        <source>安全检查台账</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <source>当前用户：{name}</source>
        <translation>Current user: {name}</translation>
    </message>
    <message>
        <source>（负责人）</source>
        <translation> (supervisor)</translation>
    </message>
    <message>
        <source>当前检查人员已变更</source>
        <translation>Current Inspector Changed</translation>
    </message>
    <message>
        <source>检查人员名册已变更：当前用户 {name}（{role}）</source>
        <translation>Inspector roster changed: current user {name} ({role})</translation>
    </message>
    <message>
        <source>科室负责人</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>检查员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>已登记企业 {n} 家</source>
        <translation>{n} enterprises registered</translation>
    </message>
    <message>
        <source>请先在列表中选择一家企业</source>
        <translation>First select an enterprise in the list</translation>
    </message>
    <message>
        <source>已刷新</source>
        <translation>Refreshed</translation>
    </message>
    <message>
        <source>已登记检查，发现隐患 {n} 条：{numbers}</source>
        <translation>Inspection recorded; {n} hazards found: {numbers}</translation>
    </message>
    <message>
        <source>已登记检查，未发现隐患</source>
        <translation>Inspection recorded; no hazards found</translation>
    </message>
    <message>
        <source>已保存机关设置：此后出具的文书和台账使用新的设置</source>
        <translation>Office settings saved: documents and ledgers issued from now on use the new settings</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>已备份到：{path}</source>
        <translation>Backed up to: {path}</translation>
    </message>
    <message>
        <source>检查人员管理</source>
        <translation>Manage Inspectors</translation>
    </message>
    <message>
        <source>切换当前检查人员</source>
        <translation>Switch Current Inspector</translation>
    </message>
    <message>
        <source>团队服务器上以本人的数据库登录办理业务；换人请退出程序，用另一位的登录名和密码重新登录。</source>
        <translation>On the team server you work under your own database login; to switch person, exit the program and log in again with the other person&apos;s login name and password.</translation>
    </message>
    <message>
        <source>当前检查人员：{name}</source>
        <translation>Current inspector: {name}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;安全生产检查与隐患闭环整改台账&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;用于记录安全生产检查、登记隐患并跟踪整改直至销号（闭环管理）。&lt;/p&gt;&lt;p&gt;{db}&lt;/p&gt;&lt;p style=&apos;color:{muted}&apos;&gt;界面字体：文泉驿微米黑（Apache-2.0 / GPL-3+ 字体例外）&lt;br&gt;Qt {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Inspector — Safety Inspection and Hazard Rectification Ledger&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Records work-safety inspections and the hazards found, and follows each hazard&apos;s rectification through to closure.&lt;/p&gt;&lt;p&gt;{db}&lt;/p&gt;&lt;p style=&apos;color:{muted}&apos;&gt;UI font: WenQuanYi Micro Hei (Apache-2.0 / GPL-3+ with font exception)&lt;br&gt;Qt {qt}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>执法机关</source>
        <translation>Enforcement Authority</translation>
    </message>
    <message>
        <source>行政复议和行政诉讼</source>
        <translation>Administrative Reconsideration and Litigation</translation>
    </message>
    <message>
        <source>台账与复查</source>
        <translation>Ledger and Re-inspection</translation>
    </message>
    <message>
        <source>检查计划</source>
        <translation>Inspection Program</translation>
    </message>
    <message>
        <source>同一企业在此期限内已被其他检查组检查过的，登记检查时须填写理由；0 为不提示</source>
        <translation>Recording an inspection of an enterprise another team inspected within this period asks for a reason; 0 turns it off</translation>
    </message>
    <message>
        <source>专项行动截止日期在此期限内的，启动时和工作台上提醒</source>
        <translation>Campaigns whose deadline falls within this period are shown at start and on the Dashboard</translation>
    </message>
    <message>
        <source>文书编号代字</source>
        <translation>Document Number Prefixes</translation>
    </message>
    <message>
        <source>机关设置</source>
        <translation>Office Settings</translation>
    </message>
    <message>
        <source>首次使用，请填写本机关的信息。打印的执法文书（机关名称、文号、复议机关和法院）和月度台账都使用这些信息；以后可在“文件 → 机关设置”中修改，修改只影响此后出具的文书。</source>
        <translation>First use: please enter your office&apos;s details. Printed enforcement documents (authority name, document numbers, reconsideration body and court) and the monthly ledger all use them. You can change them later under “File → Office Settings”; changes affect only documents issued afterwards.</translation>
    </message>
    <message>
        <source>修改只影响此后出具的文书；已出具的文书重印时内容不变。</source>
        <translation>Changes affect only documents issued afterwards; documents already issued keep their content when reprinted.</translation>
    </message>
    <message>
        <source>机关设置须由科室负责人修改；您可以查看。</source>
        <translation>Office settings can only be changed by a supervisor; you can view them.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>以后再填</source>
        <translation>Fill In Later</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>如 {hint}</source>
        <translation>e.g. {hint}</translation>
    </message>
    <message>
        <source> 日</source>
        <translation> days</translation>
    </message>
    <message>
        <source>企业报告整改完成或整改期限届满后，本机关应在此期限内复查；超过即为“逾期未复查”</source>
        <translation>The office must re-inspect within this period after the enterprise reports rectification done or the rectification deadline expires; after that it counts as “Overdue Re-inspection”</translation>
    </message>
    <message>
        <source>□□</source>
        <translation>□□</translation>
    </message>
    <message>
        <source>□□人民政府</source>
        <translation>□□ People&apos;s Government</translation>
    </message>
    <message>
        <source>&lt;b&gt;打印效果&lt;/b&gt;：{authority}&#x3000;{number}&lt;br&gt;如果不服本指令，可以依法在60日内向{bodies}申请行政复议，或者在六个月内依法向{court}提起行政诉讼……</source>
        <translation>&lt;b&gt;Print preview&lt;/b&gt;: {authority}  {number}&lt;br&gt;If you disagree with this order, you may apply to {bodies} for administrative reconsideration within 60 days according to law, or file an administrative lawsuit with {court} within six months according to law…</translation>
    </message>
    <message>
        <source>□□应急管理局</source>
        <translation>□□ Emergency Management Bureau</translation>
    </message>
    <message>
        <source>□□人民法院</source>
        <translation>□□ People&apos;s Court</translation>
    </message>
</context>
<context>
    <name>OnsiteMeasuresDialog</name>
    <message>
        <source>现场处理措施 — {number}</source>
        <translation>On-site Measures — {number}</translation>
    </message>
    <message>
        <source>重大事故隐患排除前或者排除过程中无法保证安全的，可当场作出以下处理决定，并出具现场处理措施决定书（决定书出具后不能再修改）。</source>
        <translation>If safety cannot be guaranteed before or while a major hazard is being eliminated, the following decisions may be made on the spot and an On-site Measures Decision issued (it cannot be changed once issued).</translation>
    </message>
    <message>
        <source>现场处理措施</source>
        <translation>On-site Measures</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>无法读写文件“{file}”：{reason}</source>
        <translation>Cannot read or write the file “{file}”: {reason}</translation>
    </message>
    <message>
        <source>无法读写文件：{reason}</source>
        <translation>Cannot read or write the file: {reason}</translation>
    </message>
    <message>
        <source>如果该文件正在 Excel、WPS 或 PDF 阅读器中打开，请先关闭后再试。</source>
        <translation>If the file is open in Excel, WPS or a PDF reader, close it first and try again.</translation>
    </message>
    <message>
        <source>无法访问数据库：可能是网络中断、数据库服务器已关闭或数据库正忙。刚才的操作没有保存，请稍后重试。</source>
        <translation>The database cannot be reached: the network may be down, the database server stopped, or the database busy. The last operation was not saved; please try again later.</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>正在处理，请稍候…</source>
        <translation>Processing, please wait…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PhotoPreviewDialog</name>
    <message>
        <source>{w} × {h} 像素</source>
        <translation>{w} × {h} pixels</translation>
    </message>
    <message>
        <source>无法显示该图片</source>
        <translation>Cannot display this image</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>暂无{phase}照片
点击“添加照片…”、粘贴截图或把图片拖到这里</source>
        <extracomment>what the preview dialog does; tests replace it to avoid a modal loop how a saved photo&apos;s bytes are read (on the database worker): hazard photos by default, a checklist item&apos;s photos through ``services.checklists.photo_content``</extracomment>
        <translation>No {phase} photos
Click “Add Photos…”, paste a screenshot or drop images here</translation>
    </message>
    <message>
        <source>暂无{phase}照片</source>
        <translation>No photos yet ({phase})</translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation>Add Photos…</translation>
    </message>
    <message>
        <source>选择一张或多张 JPEG/PNG 照片</source>
        <translation>Select one or more JPEG/PNG photos</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>粘贴剪贴板中的截图或复制的图片文件（Ctrl+V）</source>
        <translation>Paste a screenshot or copied image file from the clipboard (Ctrl+V)</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>移除选中的未保存照片（Delete）</source>
        <translation>Remove the selected unsaved photos (Delete)</translation>
    </message>
    <message>
        <source>保留原图</source>
        <translation>Keep Original</translation>
    </message>
    <message>
        <source>照片默认缩小到打印尺寸（长边2000像素）保存，打印快、数据库小；勾选后按原文件保存</source>
        <translation>By default, photos are scaled down to print size (2000 pixels on the long side) when saved, for fast printing and a small database; tick to save the original file</translation>
    </message>
    <message>
        <source>粘贴图片.png</source>
        <translation>Pasted image.png</translation>
    </message>
    <message>
        <source>添加{phase}照片</source>
        <translation>Add Photos ({phase})</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>Images (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>剪贴板中没有图片：请先复制截图或图片文件</source>
        <translation>No image on the clipboard: copy a screenshot or an image file first</translation>
    </message>
    <message>
        <source>拖入的内容不是图片</source>
        <translation>The dropped content is not an image</translation>
    </message>
    <message>
        <source>粘贴图片{n}.png</source>
        <translation>Pasted image {n}.png</translation>
    </message>
    <message>
        <source>照片未添加</source>
        <translation>Photos Not Added</translation>
    </message>
    <message>
        <source>载入中</source>
        <translation>Loading</translation>
    </message>
    <message>
        <source>照片{n}</source>
        <translation>Photo {n}</translation>
    </message>
    <message>
        <source>{phase}：{name}
{size:.0f} KB，{when} 添加
双击查看大图</source>
        <translation>{phase}: {name}
{size:.0f} KB, added {when}
Double-click to view full size</translation>
    </message>
    <message>
        <source>待保存</source>
        <translation>Unsaved</translation>
    </message>
    <message>
        <source>无法显示</source>
        <translation>Cannot display</translation>
    </message>
    <message>
        <source>{phase}：{name}
{size:.0f} KB，尚未保存
双击查看大图，Delete 移除</source>
        <translation>{phase}: {name}
{size:.0f} KB, not yet saved
Double-click to view full size, Delete to remove</translation>
    </message>
    <message>
        <source>查看照片</source>
        <translation>View Photo</translation>
    </message>
    <message>
        <source>查看大图</source>
        <translation>View Full Size</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>检查事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>检查方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>修改检查计划</source>
        <translation>Edit Inspection Plan</translation>
    </message>
    <message>
        <source>制定检查计划</source>
        <translation>New Inspection Plan</translation>
    </message>
    <message>
        <source>检查计划</source>
        <translation>Inspection Plan</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <source>如：2026年度安全生产监督检查计划</source>
        <translation>e.g. 2026 work-safety inspection plan</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>计划名称</source>
        <translation>Plan Title</translation>
    </message>
    <message>
        <source>编制单位</source>
        <translation>Issued By</translation>
    </message>
    <message>
        <source>编制依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>添加事项</source>
        <translation>Add Item</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <source>保存计划</source>
        <translation>Save Plan</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source>目标企业：{target}</source>
        <translation>Target enterprises: {target}</translation>
    </message>
    <message>
        <source>请至少指定一家企业</source>
        <translation>Pick at least one enterprise</translation>
    </message>
    <message>
        <source>未保存，请修改：</source>
        <translation>Not saved. Please correct:</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>整改方案（五到位）</source>
        <translation>Rectification Plan (Five-in-Place)</translation>
    </message>
    <message>
        <source>如：生产部</source>
        <translation>e.g. Production Department</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>无需资金填 0</source>
        <translation>Enter 0 if no funds are needed</translation>
    </message>
    <message>
        <source>具体整改措施</source>
        <translation>Specific rectification measures</translation>
    </message>
    <message>
        <source>整改完成前的应急预案或临时防范措施</source>
        <translation>Contingency plan or interim precautions until rectification is complete</translation>
    </message>
    <message>
        <source>整改中变更时限请用“延期”</source>
        <translation>To change the deadline during rectification, use “Extend”</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>该隐患已不能修改整改方案（只读）</source>
        <translation>This hazard&apos;s rectification plan can no longer be changed (read-only)</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Undo Changes</translation>
    </message>
    <message>
        <source>保存整改方案</source>
        <translation>Save Rectification Plan</translation>
    </message>
    <message>
        <source>{fields}未填写</source>
        <translation>{fields} not filled in</translation>
    </message>
    <message>
        <source>已落实</source>
        <translation>In place</translation>
    </message>
    <message>
        <source>立查立改：当场整改销号，无需制定整改方案</source>
        <translation>Rectify on the spot: rectified and closed on the spot; no rectification plan needed</translation>
    </message>
    <message>
        <source>尚缺 {n} 项</source>
        <translation>{n} items missing</translation>
    </message>
    <message>
        <source>五到位齐全</source>
        <translation>Five-in-place complete</translation>
    </message>
    <message>
        <source>{field}未填写</source>
        <translation>{field} not filled in</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>检查事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>检查方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>目标企业</source>
        <translation>Target Enterprises</translation>
    </message>
    <message>
        <source>频次/上限</source>
        <translation>Frequency / Cap</translation>
    </message>
    <message>
        <source>实施月份</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible Unit</translation>
    </message>
    <message>
        <source>目标家数</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>完成率</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>专项行动</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>起止日期</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days Left</translation>
    </message>
    <message>
        <source>已检查/总数</source>
        <translation>Inspected / Total</translation>
    </message>
    <message>
        <source>未检查</source>
        <translation>Not Inspected</translation>
    </message>
    <message>
        <source>逾期未检查</source>
        <translation>Overdue, Not Inspected</translation>
    </message>
    <message>
        <source>{n}次/年</source>
        <translation>{n} / year</translation>
    </message>
    <message>
        <source>，上限{n}次</source>
        <translation>, cap {n}</translation>
    </message>
    <message>
        <source>待抽取</source>
        <translation>Not drawn yet</translation>
    </message>
    <message>
        <source>检查计划</source>
        <translation>Inspection Plans</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <source>年度计划</source>
        <translation>Annual Plan</translation>
    </message>
    <message>
        <source>双随机抽查</source>
        <translation>Random Checks</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>制定计划</source>
        <translation>New Plan</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>部署专项行动</source>
        <translation>New Campaign</translation>
    </message>
    <message>
        <source>（本年度尚未制定检查计划）</source>
        <translation>(no plan for this year yet)</translation>
    </message>
    <message>
        <source>本年度尚未制定检查计划。科室负责人可点击“制定计划”。</source>
        <translation>No inspection plan for this year yet. A supervisor can click New Plan.</translation>
    </message>
    <message>
        <source>{title}&#x3000;编制单位：{unit}&#x3000;事项 {n} 项&#x3000;进度截至 {day}</source>
        <translation>{title}   Issued by: {unit}   {n} items   progress as of {day}</translation>
    </message>
    <message>
        <source>各属地进度：{title}</source>
        <translation>Progress by jurisdiction: {title}</translation>
    </message>
    <message>
        <source>各属地进度：请选择事项</source>
        <translation>Progress by jurisdiction: choose an item</translation>
    </message>
    <message>
        <source>（未填属地）</source>
        <translation>(no jurisdiction)</translation>
    </message>
    <message>
        <source>{n} 天</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>已截止 {n} 天</source>
        <translation>{n} days past</translation>
    </message>
    <message>
        <source>{year}年共 {n} 项专项行动</source>
        <translation>{n} campaigns in {year}</translation>
    </message>
    <message>
        <source>本年度尚无专项行动。</source>
        <translation>No campaigns this year.</translation>
    </message>
    <message>
        <source>删除检查计划</source>
        <translation>Delete Inspection Plan</translation>
    </message>
    <message>
        <source>删除检查计划“{title}”及其全部事项？</source>
        <translation>Delete the inspection plan “{title}” and all its items?</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>已取消打印</source>
        <translation>Printing cancelled</translation>
    </message>
    <message>
        <source>打印{kind}</source>
        <translation>Print {kind}</translation>
    </message>
    <message>
        <source>正在生成{kind}……</source>
        <translation>Generating {kind}…</translation>
    </message>
    <message>
        <source>已重印</source>
        <translation>Reprinted</translation>
    </message>
    <message>
        <source>已出具</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>{verb}{kind} {number}，已保存到 {path}</source>
        <translation>{verb} {kind} {number}; saved to {path}</translation>
    </message>
    <message>
        <source>文书已保存</source>
        <translation>Document Saved</translation>
    </message>
    <message>
        <source>{message}

未能自动打开 PDF，请用 PDF 阅读器打开该文件后打印。</source>
        <translation>{message}

The PDF could not be opened automatically; open the file in a PDF reader to print it.</translation>
    </message>
    <message>
        <source>{kind}另存为</source>
        <translation>Save {kind} As</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF Files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RaiseToMajorDialog</name>
    <message>
        <source>升级为重大隐患 — {number}</source>
        <translation>Upgrade to Major Hazard — {number}</translation>
    </message>
    <message>
        <source>升级后隐患挂牌督办，只能由科室负责人复查销号，不能立查立改。</source>
        <translation>Once upgraded, the hazard is listed for supervision; only a supervisor can re-inspect and close it, and it cannot be rectified on the spot.</translation>
    </message>
    <message>
        <source>督办单位</source>
        <translation>Supervising Authority</translation>
    </message>
    <message>
        <source>挂牌日期</source>
        <translation>Listing Date</translation>
    </message>
    <message>
        <source>判定为重大事故隐患的依据</source>
        <translation>Grounds for classifying it as a major hazard</translation>
    </message>
    <message>
        <source>升级理由</source>
        <translation>Reason for Upgrade</translation>
    </message>
</context>
<context>
    <name>RateChart</name>
    <message>
        <source>整改率</source>
        <translation>Rectification Rate</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>需要填写检查理由</source>
        <translation>A Reason for This Visit Is Needed</translation>
    </message>
    <message>
        <source>如确需检查，请写明理由（如群众举报、事故调查、上级交办），理由随检查记录保存。</source>
        <translation>If the visit is needed, state why (a complaint, an accident investigation, an order from above); the reason is kept with the inspection record.</translation>
    </message>
    <message>
        <source>检查理由</source>
        <translation>Reason for the visit</translation>
    </message>
    <message>
        <source>填写理由并保存</source>
        <translation>Save with This Reason</translation>
    </message>
</context>
<context>
    <name>RectifyOnSpotDialog</name>
    <message>
        <source>立查立改 — {number}</source>
        <translation>Rectify on the Spot — {number}</translation>
    </message>
    <message>
        <source>一般隐患在检查现场当即整改完毕的，登记后直接销号。</source>
        <translation>A general hazard fully rectified on the spot during the inspection is closed as soon as it is recorded.</translation>
    </message>
    <message>
        <source>整改日期</source>
        <translation>Rectification Date</translation>
    </message>
    <message>
        <source>当场采取的整改措施</source>
        <translation>Rectification measures taken on the spot</translation>
    </message>
    <message>
        <source>整改措施</source>
        <translation>Rectification Measures</translation>
    </message>
    <message>
        <source>整改后照片</source>
        <translation>After-Rectification Photos</translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message>
        <source>今日提醒</source>
        <translation>Today&apos;s Reminders</translation>
    </message>
</context>
<context>
    <name>ReportDoneDialog</name>
    <message>
        <source>登记整改完成 — {number}</source>
        <translation>Record Rectification Done — {number}</translation>
    </message>
    <message>
        <source>企业报告整改完成后登记，隐患转为“待复查”，等待复查确认后销号。</source>
        <translation>Record this once the enterprise reports the rectification as done. The hazard moves to “Pending Re-inspection” and is closed once a re-inspection confirms it.</translation>
    </message>
    <message>
        <source>整改完成日期</source>
        <translation>Completion Date</translation>
    </message>
    <message>
        <source>整改完成情况，如：已更换防爆灯具并检测合格</source>
        <translation>What was done, e.g. explosion-proof lamps replaced and tested as compliant</translation>
    </message>
    <message>
        <source>整改情况说明</source>
        <translation>Rectification Notes</translation>
    </message>
    <message>
        <source>整改后照片</source>
        <translation>After-Rectification Photos</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>恢复备份</source>
        <translation>Restore Backup</translation>
    </message>
    <message>
        <source>选择要恢复的备份。恢复前会先把当前数据另存为一个新备份，恢复后程序将重新启动。请先关闭其他打开本数据库的窗口。</source>
        <translation>Select the backup to restore. Before restoring, the current data is saved as a new backup; after restoring, the program restarts. Close any other windows using this database first.</translation>
    </message>
    <message>
        <source>备份文件夹中没有备份：{folder}</source>
        <translation>There are no backups in the backup folder: {folder}</translation>
    </message>
    <message>
        <source>恢复所选备份…</source>
        <translation>Restore Selected Backup…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>用 {when} 的备份（{what}）替换当前数据？
当前数据会先另存为新备份。</source>
        <translation>Replace the current data with the backup from {when} ({what})?
The current data will first be saved as a new backup.</translation>
    </message>
    <message>
        <source>无法恢复备份</source>
        <translation>Cannot Restore Backup</translation>
    </message>
    <message>
        <source>已恢复备份</source>
        <translation>Backup Restored</translation>
    </message>
    <message>
        <source>

程序将重新启动。</source>
        <translation>

The program will now restart.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>复查 — {number}</source>
        <translation>Re-inspection — {number}</translation>
    </message>
    <message>
        <source>企业报告整改完成日期：{day}</source>
        <translation>Enterprise reported rectification done on: {day}</translation>
    </message>
    <message>
        <source>合格（销号）</source>
        <translation>Passed (close)</translation>
    </message>
    <message>
        <source>不合格（退回整改）</source>
        <translation>Failed (back to rectification)</translation>
    </message>
    <message>
        <source>复查结果</source>
        <translation>Re-inspection Result</translation>
    </message>
    <message>
        <source>复查日期</source>
        <translation>Re-inspection Date</translation>
    </message>
    <message>
        <source>复查人员</source>
        <translation>Re-inspected By</translation>
    </message>
    <message>
        <source>不合格时须写明未整改到位的情况</source>
        <translation>If failed, state what has not been properly rectified</translation>
    </message>
    <message>
        <source>复查意见</source>
        <translation>Re-inspection Comments</translation>
    </message>
    <message>
        <source>新整改时限</source>
        <translation>New Deadline</translation>
    </message>
    <message>
        <source>复查不合格时必填，须晚于复查日期</source>
        <translation>Required if the re-inspection fails; must be later than the re-inspection date</translation>
    </message>
</context>
<context>
    <name>ReviewHistory</name>
    <message>
        <source>复查与延期</source>
        <translation>Re-inspections and Extensions</translation>
    </message>
    <message>
        <source>&lt;b&gt;{day} 复查 &lt;span style=&apos;color:{colour}&apos;&gt;{result}&lt;/span&gt;&lt;/b&gt;（{names}）</source>
        <translation>&lt;b&gt;{day} Re-inspection &lt;span style=&apos;color:{colour}&apos;&gt;{result}&lt;/span&gt;&lt;/b&gt; ({names})</translation>
    </message>
    <message>
        <source>，整改时限 {old} → {new}</source>
        <translation>, deadline {old} → {new}</translation>
    </message>
    <message>
        <source>复查意见：{text}</source>
        <translation>Re-inspection comments: {text}</translation>
    </message>
    <message>
        <source>&#x3000;&lt;a href=&apos;review:{id}&apos;&gt;打印该次复查意见书&lt;/a&gt;</source>
        <translation>&#x3000;&lt;a href=&apos;review:{id}&apos;&gt;Print this Re-inspection Opinion&lt;/a&gt;</translation>
    </message>
    <message>
        <source>（{name}）</source>
        <translation> ({name})</translation>
    </message>
    <message>
        <source>&lt;b&gt;{day} 延期&lt;/b&gt;{who}，整改时限 {old} → {new}</source>
        <translation>&lt;b&gt;{day} Extension&lt;/b&gt;{who}, deadline {old} → {new}</translation>
    </message>
    <message>
        <source>理由：{text}</source>
        <translation>Reason: {text}</translation>
    </message>
</context>
<context>
    <name>SchemeDialog</name>
    <message>
        <source>被检查单位</source>
        <translation>Inspected Enterprise</translation>
    </message>
    <message>
        <source>检查时间</source>
        <translation>Inspection Date</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>执法人员（主办）</source>
        <translation>Enforcement Officer (Lead)</translation>
    </message>
    <message>
        <source>执法人员（协办）</source>
        <translation>Enforcement Officer (Second)</translation>
    </message>
    <message>
        <source>检查内容</source>
        <translation>What Is Inspected</translation>
    </message>
    <message>
        <source>检查方式</source>
        <translation>Inspection Method</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>现场检查方案</source>
        <translation>On-Site Inspection Plan</translation>
    </message>
    <message>
        <source>修改现场检查方案</source>
        <translation>Edit On-Site Inspection Plan</translation>
    </message>
    <message>
        <source>拟定现场检查方案</source>
        <translation>Draft On-Site Inspection Plan</translation>
    </message>
    <message>
        <source>企业联系人姓名及电话</source>
        <translation>Name and phone of the enterprise&apos;s contact</translation>
    </message>
    <message>
        <source>检查的事项、部位和依据</source>
        <translation>The matters, places and legal basis to inspect</translation>
    </message>
    <message>
        <source>尚未登记持执法证的检查人员，请先在“检查人员管理”中补登执法证号</source>
        <translation>No inspector with an enforcement certificate is registered; add certificate numbers under Manage Inspectors first</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(Choose)</translation>
    </message>
    <message>
        <source>{name}（执法证号 {cert}）</source>
        <translation>{name} (certificate no. {cert})</translation>
    </message>
    <message>
        <source>保存现场检查方案</source>
        <translation>Save On-Site Inspection Plan</translation>
    </message>
    <message>
        <source>未保存，请按提示修改</source>
        <translation>Not saved: please correct the fields marked</translation>
    </message>
</context>
<context>
    <name>SchemeListDialog</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>待我处理（待审核、待审批）</source>
        <translation>Waiting for Me (Review, Approval)</translation>
    </message>
    <message>
        <source>可按方案登记检查</source>
        <translation>Ready for Inspection</translation>
    </message>
    <message>
        <source>检查方案</source>
        <translation>On-Site Inspection Plans</translation>
    </message>
    <message>
        <source>现场检查方案</source>
        <translation>On-Site Inspection Plans</translation>
    </message>
    <message>
        <source>显示：</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>新建方案…</source>
        <translation>New On-Site Plan…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>提交审核</source>
        <translation>Submit for Review</translation>
    </message>
    <message>
        <source>审核…</source>
        <translation>Review…</translation>
    </message>
    <message>
        <source>审批…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>按方案登记检查…</source>
        <translation>Record Inspection from On-Site Plan…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>须由科室负责人审核、审批</source>
        <translation>Review and approval are for supervisors</translation>
    </message>
    <message>
        <source>没有选中的方案</source>
        <translation>No on-site plan selected</translation>
    </message>
    <message>
        <source>{name}：{state}</source>
        <translation>{name}: {state}</translation>
    </message>
    <message>
        <source>审核意见（{who}）：{text}</source>
        <translation>Review opinion ({who}): {text}</translation>
    </message>
    <message>
        <source>审批意见（{who}）：{text}</source>
        <translation>Approval opinion ({who}): {text}</translation>
    </message>
    <message>
        <source>文号：{number}</source>
        <translation>Document no.: {number}</translation>
    </message>
    <message>
        <source>审批现场检查方案</source>
        <translation>Approve On-Site Inspection Plan</translation>
    </message>
    <message>
        <source>审核现场检查方案</source>
        <translation>Review On-Site Inspection Plan</translation>
    </message>
    <message>
        <source>{name}，检查时间 {day}，执法人员 {people}</source>
        <translation>{name}, inspection on {day}, officers {people}</translation>
    </message>
    <message>
        <source>同意按此方案实施检查。</source>
        <translation>同意按此方案实施检查。</translation>
    </message>
    <message>
        <source>同意。</source>
        <translation>同意。</translation>
    </message>
    <message>
        <source>现场检查方案（草稿）_{id}</source>
        <translation>On-site inspection plan (draft)_{id}</translation>
    </message>
    <message>
        <source>已取消打印</source>
        <translation>Printing cancelled</translation>
    </message>
    <message>
        <source>打印现场检查方案草稿</source>
        <translation>Print Draft On-Site Inspection Plan</translation>
    </message>
    <message>
        <source>已保存方案草稿（未编号）：{path}</source>
        <translation>Draft on-site plan saved (not numbered): {path}</translation>
    </message>
</context>
<context>
    <name>SchemeTableModel</name>
    <message>
        <source>检查时间</source>
        <translation>Inspection Date</translation>
    </message>
    <message>
        <source>被检查单位</source>
        <translation>Inspected Enterprise</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>执法人员</source>
        <translation>Enforcement Officers</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document No.</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>拟定人</source>
        <translation>Drafted By</translation>
    </message>
    <message>
        <source>（已登记检查）</source>
        <translation> (inspection recorded)</translation>
    </message>
</context>
<context>
    <name>SchemeVisitDialog</name>
    <message>
        <source>按方案登记检查：{number}</source>
        <translation>Record Inspection from On-Site Plan: {number}</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>隐患总数</source>
        <translation>Total Hazards</translation>
    </message>
    <message>
        <source>本期发现</source>
        <translation>Found in Period</translation>
    </message>
    <message>
        <source>其中重大隐患</source>
        <translation>Incl. Major Hazards</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>本期发现中已销号</source>
        <translation>Closed of Found in Period</translation>
    </message>
    <message>
        <source>整改率</source>
        <translation>Rectification Rate</translation>
    </message>
    <message>
        <source>目前未销号</source>
        <translation>Currently Open</translation>
    </message>
    <message>
        <source>目前逾期未整改</source>
        <translation>Currently Overdue Rectification</translation>
    </message>
    <message>
        <source>目前逾期未复查</source>
        <translation>Currently Overdue Re-inspection</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>企业数</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <source>检查企业</source>
        <translation>Enterprises Inspected</translation>
    </message>
    <message>
        <source>检查次数</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>隐患类别</source>
        <translation>Hazard Category</translation>
    </message>
    <message>
        <source>隐患总数：统计期间内任一时间未销号的隐患（本期发现及往期结转）；其中重大隐患：本期发现的重大隐患，不论是否销号；已销号：统计期间内销号的隐患，不论何时发现。“目前…”三列按今天计，不受统计期间限制；统计期间为一个月时，同名各列与月度台账一致。</source>
        <translation>Total hazards: hazards open at any time during the period (found in the period and carried over). Incl. major hazards: major hazards found in the period, whether closed or not. Closed: hazards closed during the period, whenever they were found. The three “Currently…” columns are counted as of today, regardless of the period; when the period is one month, columns with the same name match the monthly ledger.</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>检查内容</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>不合格次数</source>
        <translation>Times Failed</translation>
    </message>
    <message>
        <source>不合格率</source>
        <translation>Failure Rate</translation>
    </message>
    <message>
        <source>统计期间内各次检查中不合格次数最多的检查项（同一检查表、同一条款的各版本合并计算，显示最新版本的条文）。检查次数：结果为合格或不合格的检查次数，不适用不计；不合格率 = 不合格次数 ÷ 检查次数。标红的为重大隐患判定项。</source>
        <translation>The checklist items failed most often in the period&apos;s visits (all versions of the same item of the same checklist count together; the latest wording is shown). Times checked: visits that answered Passed or Failed (Not Applicable does not count); failure rate = times failed ÷ times checked. Items in red are major-hazard criteria.</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>统计期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>{y}年</source>
        <translation>{y}</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>把统计表和图表数据导出为 Excel 工作簿</source>
        <translation>Export the tables and the chart figures to an Excel workbook</translation>
    </message>
    <message>
        <source>各月发现与销号</source>
        <translation>Found and Closed per Month</translation>
    </message>
    <message>
        <source>整改率（按属地）</source>
        <translation>Rectification Rate by Jurisdiction</translation>
    </message>
    <message>
        <source>目前逾期账龄</source>
        <translation>Overdue Ageing Today</translation>
    </message>
    <message>
        <source>挂牌督办重大隐患</source>
        <translation>Major Hazards Listed for Supervision</translation>
    </message>
    <message>
        <source>按属地</source>
        <translation>By Jurisdiction</translation>
    </message>
    <message>
        <source>按隐患类别</source>
        <translation>By Hazard Category</translation>
    </message>
    <message>
        <source>隐患统计</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>属地：</source>
        <translation>Jurisdiction:</translation>
    </message>
    <message>
        <source>全部属地</source>
        <translation>All Jurisdictions</translation>
    </message>
    <message>
        <source>不合格次数最多的检查项（前{n}项）</source>
        <translation>Items Failed Most Often (top {n})</translation>
    </message>
    <message>
        <source>检查表不合格项</source>
        <translation>Checklist Failures</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>end date</translation>
    </message>
    <message>
        <source>统计期间的{name}：{problem}</source>
        <translation>Period {name}: {problem}</translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期</source>
        <translation>The end date cannot be earlier than the start date</translation>
    </message>
    <message>
        <source>隐患统计_{start}_{end}.xlsx</source>
        <translation>hazard-statistics_{start}_{end}.xlsx</translation>
    </message>
    <message>
        <source>导出统计</source>
        <translation>Export Statistics</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>已写入 {0} / {1} 行</source>
        <translation>{0} / {1} rows written</translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>整改率口径（机关设置）：{label}。{formula}</source>
        <translation>Rectification rate basis (office settings): {label}. {formula}</translation>
    </message>
    <message>
        <source>统计期间 {period}；已销号截至 {as_of}；“目前…”截至 {today}</source>
        <translation>Period {period}; closed as of {as_of}; “Currently…” as of {today}</translation>
    </message>
</context>
<context>
    <name>SupervisedChart</name>
    <message>
        <source>其他</source>
        <translation>Others</translation>
    </message>
    <message>
        <source>未逾期</source>
        <translation>Not Overdue</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>TargetEditor</name>
    <message>
        <source>重大危险源</source>
        <translation>Major Hazard Installation</translation>
    </message>
    <message>
        <source>危险化工工艺</source>
        <translation>Hazardous Chemical Processes</translation>
    </message>
    <message>
        <source>厂中厂</source>
        <translation>Plant-in-Plant</translation>
    </message>
    <message>
        <source>按条件选定</source>
        <translation>By Criteria</translation>
    </message>
    <message>
        <source>指定企业</source>
        <translation>Hand-Picked</translation>
    </message>
    <message>
        <source>监管类别</source>
        <translation>Supervision Category</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>不勾选即不限属地</source>
        <translation>None ticked: every jurisdiction</translation>
    </message>
    <message>
        <source>风险等级</source>
        <translation>Risk Grade</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>有</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>无</source>
        <translation>No</translation>
    </message>
    <message>
        <source>含停产企业</source>
        <translation>Include Suspended</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>搜索并选择企业即加入名单（最多{n}家）；停产、关闭的企业仍列出，关闭的不计入。</source>
        <translation>Search and choose an enterprise to add it to the list (at most {n}); suspended and closed ones stay listed, closed ones are not counted.</translation>
    </message>
    <message>
        <source>企业（编号 {id}）</source>
        <translation>Enterprise (no. {id})</translation>
    </message>
    <message>
        <source>{name}（{status}）</source>
        <translation>{name} ({status})</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>目标企业 {n} 家</source>
        <translation>{n} target enterprises</translation>
    </message>
</context>
<context>
    <name>Term</name>
    <message>
        <source>危化品生产</source>
        <translation>Hazardous Chemical Production</translation>
    </message>
    <message>
        <source>危化品经营</source>
        <translation>Hazardous Chemical Trading</translation>
    </message>
    <message>
        <source>危化品使用</source>
        <translation>Hazardous Chemical Use</translation>
    </message>
    <message>
        <source>危化品储存</source>
        <translation>Hazardous Chemical Storage</translation>
    </message>
    <message>
        <source>涉爆粉尘</source>
        <translation>Combustible Dust</translation>
    </message>
    <message>
        <source>燃气</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>涉氨制冷</source>
        <translation>Ammonia Refrigeration</translation>
    </message>
    <message>
        <source>其他易燃易爆气体</source>
        <translation>Other Flammable or Explosive Gases</translation>
    </message>
    <message>
        <source>直接送达</source>
        <translation>Personal Service</translation>
    </message>
    <message>
        <source>留置送达</source>
        <translation>Service by Leaving</translation>
    </message>
    <message>
        <source>委托送达</source>
        <translation>Service by Proxy</translation>
    </message>
    <message>
        <source>邮寄送达</source>
        <translation>Service by Post</translation>
    </message>
    <message>
        <source>电子送达</source>
        <translation>Electronic Service</translation>
    </message>
    <message>
        <source>公告送达</source>
        <translation>Service by Public Notice</translation>
    </message>
    <message>
        <source>现场检查方案</source>
        <translation>On-Site Inspection Plan</translation>
    </message>
    <message>
        <source>现场检查记录</source>
        <translation>Site Inspection Record</translation>
    </message>
    <message>
        <source>现场处理措施决定书</source>
        <translation>On-site Measures Decision</translation>
    </message>
    <message>
        <source>责令限期整改指令书</source>
        <translation>Rectification Order</translation>
    </message>
    <message>
        <source>整改复查意见书</source>
        <translation>Re-inspection Opinion</translation>
    </message>
    <message>
        <source>文书送达回执</source>
        <translation>Service Receipt</translation>
    </message>
    <message>
        <source>基础管理</source>
        <translation>Basic Management</translation>
    </message>
    <message>
        <source>现场管理</source>
        <translation>On-site Management</translation>
    </message>
    <message>
        <source>一般隐患</source>
        <translation>General Hazard</translation>
    </message>
    <message>
        <source>重大隐患</source>
        <translation>Major Hazard</translation>
    </message>
    <message>
        <source>检查发现</source>
        <translation>Found in Inspection</translation>
    </message>
    <message>
        <source>企业自查</source>
        <translation>Enterprise Self-inspection</translation>
    </message>
    <message>
        <source>群众举报</source>
        <translation>Public Report</translation>
    </message>
    <message>
        <source>上级交办</source>
        <translation>Assigned by Higher Authority</translation>
    </message>
    <message>
        <source>待整改</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>整改中</source>
        <translation>Rectifying</translation>
    </message>
    <message>
        <source>待复查</source>
        <translation>Pending Re-inspection</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>日常检查</source>
        <translation>Routine Inspection</translation>
    </message>
    <message>
        <source>专项检查</source>
        <translation>Special Inspection</translation>
    </message>
    <message>
        <source>“四不两直”暗访</source>
        <translation>Unannounced Visit</translation>
    </message>
    <message>
        <source>执法检查</source>
        <translation>Enforcement Inspection</translation>
    </message>
    <message>
        <source>复查</source>
        <translation>Re-inspection</translation>
    </message>
    <message>
        <source>深度安全体检</source>
        <translation>In-depth Safety Check-up</translation>
    </message>
    <message>
        <source>交叉检查</source>
        <translation>Cross Inspection</translation>
    </message>
    <message>
        <source>重点检查</source>
        <translation>Key Inspection</translation>
    </message>
    <message>
        <source>双随机抽查</source>
        <translation>Double-Random Inspection</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>待审核</source>
        <translation>Awaiting Review</translation>
    </message>
    <message>
        <source>待审批</source>
        <translation>Awaiting Approval</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>已检查</source>
        <translation>Inspected</translation>
    </message>
    <message>
        <source>逾期后检查</source>
        <translation>Inspected Late</translation>
    </message>
    <message>
        <source>未检查</source>
        <translation>Not Inspected</translation>
    </message>
    <message>
        <source>逾期未检查</source>
        <translation>Overdue, Not Inspected</translation>
    </message>
    <message>
        <source>尚未检查</source>
        <translation>Not Yet Inspected</translation>
    </message>
    <message>
        <source>未发现问题</source>
        <translation>No Problems Found</translation>
    </message>
    <message>
        <source>发现问题已责令整改</source>
        <translation>Problems Found, Rectification Ordered</translation>
    </message>
    <message>
        <source>发现问题已整改完毕</source>
        <translation>Problems Found, Rectified</translation>
    </message>
    <message>
        <source>超过计划检查频次</source>
        <translation>Over the Planned Frequency</translation>
    </message>
    <message>
        <source>短期内重复检查</source>
        <translation>Repeat Inspection Within a Short Period</translation>
    </message>
    <message>
        <source>检查员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>科室负责人</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>一级</source>
        <translation>Grade 1</translation>
    </message>
    <message>
        <source>二级</source>
        <translation>Grade 2</translation>
    </message>
    <message>
        <source>三级</source>
        <translation>Grade 3</translation>
    </message>
    <message>
        <source>四级</source>
        <translation>Grade 4</translation>
    </message>
    <message>
        <source>责令从危险区域内撤出作业人员</source>
        <translation>Order workers to withdraw from the danger area</translation>
    </message>
    <message>
        <source>责令暂时停产停业</source>
        <translation>Order temporary suspension of production and business</translation>
    </message>
    <message>
        <source>责令停止使用相关设施、设备</source>
        <translation>Order the relevant facilities and equipment out of use</translation>
    </message>
    <message>
        <source>在产</source>
        <translation>Operating</translation>
    </message>
    <message>
        <source>停产</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Closed Down</translation>
    </message>
    <message>
        <source>整改前</source>
        <translation>Before Rectification</translation>
    </message>
    <message>
        <source>整改后</source>
        <translation>After Rectification</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>不合格</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not Applicable</translation>
    </message>
    <message>
        <source>红</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>橙</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>黄</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>蓝</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>资质证照</source>
        <translation>Qualifications and Licenses</translation>
    </message>
    <message>
        <source>安全生产管理机构及人员</source>
        <translation>Safety Management Organization and Personnel</translation>
    </message>
    <message>
        <source>安全规章制度</source>
        <translation>Safety Rules and Procedures</translation>
    </message>
    <message>
        <source>安全教育培训</source>
        <translation>Safety Education and Training</translation>
    </message>
    <message>
        <source>安全生产投入</source>
        <translation>Safety Investment</translation>
    </message>
    <message>
        <source>相关方管理</source>
        <translation>Contractor Management</translation>
    </message>
    <message>
        <source>重大危险源管理</source>
        <translation>Major Hazard Installation Management</translation>
    </message>
    <message>
        <source>个体防护装备</source>
        <translation>Personal Protective Equipment</translation>
    </message>
    <message>
        <source>职业健康</source>
        <translation>Occupational Health</translation>
    </message>
    <message>
        <source>应急管理</source>
        <translation>Emergency Management</translation>
    </message>
    <message>
        <source>隐患排查治理</source>
        <translation>Hazard Identification and Remediation</translation>
    </message>
    <message>
        <source>其他基础管理</source>
        <translation>Other Basic Management</translation>
    </message>
    <message>
        <source>设备设施</source>
        <translation>Equipment and Facilities</translation>
    </message>
    <message>
        <source>作业环境</source>
        <translation>Working Environment</translation>
    </message>
    <message>
        <source>特殊作业</source>
        <translation>Special Operations</translation>
    </message>
    <message>
        <source>电气</source>
        <translation>Electrical</translation>
    </message>
    <message>
        <source>消防</source>
        <translation>Fire Protection</translation>
    </message>
    <message>
        <source>粉尘防爆</source>
        <translation>Dust Explosion Prevention</translation>
    </message>
    <message>
        <source>工艺管理</source>
        <translation>Process Management</translation>
    </message>
    <message>
        <source>其他现场管理</source>
        <translation>Other On-site Management</translation>
    </message>
    <message>
        <source>光气及光气化工艺</source>
        <translation>Phosgene and Phosgenation</translation>
    </message>
    <message>
        <source>电解工艺（氯碱）</source>
        <translation>Electrolysis (Chlor-alkali)</translation>
    </message>
    <message>
        <source>氯化工艺</source>
        <translation>Chlorination</translation>
    </message>
    <message>
        <source>硝化工艺</source>
        <translation>Nitration</translation>
    </message>
    <message>
        <source>合成氨工艺</source>
        <translation>Ammonia Synthesis</translation>
    </message>
    <message>
        <source>裂解（裂化）工艺</source>
        <translation>Pyrolysis (Cracking)</translation>
    </message>
    <message>
        <source>氟化工艺</source>
        <translation>Fluorination</translation>
    </message>
    <message>
        <source>加氢工艺</source>
        <translation>Hydrogenation</translation>
    </message>
    <message>
        <source>重氮化工艺</source>
        <translation>Diazotization</translation>
    </message>
    <message>
        <source>氧化工艺</source>
        <translation>Oxidation</translation>
    </message>
    <message>
        <source>过氧化工艺</source>
        <translation>Peroxidation</translation>
    </message>
    <message>
        <source>胺基化工艺</source>
        <translation>Amination</translation>
    </message>
    <message>
        <source>磺化工艺</source>
        <translation>Sulfonation</translation>
    </message>
    <message>
        <source>聚合工艺</source>
        <translation>Polymerization</translation>
    </message>
    <message>
        <source>烷基化工艺</source>
        <translation>Alkylation</translation>
    </message>
    <message>
        <source>新型煤化工工艺</source>
        <translation>Novel Coal Chemical Process</translation>
    </message>
    <message>
        <source>电石生产工艺</source>
        <translation>Calcium Carbide Production</translation>
    </message>
    <message>
        <source>偶氮化工艺</source>
        <translation>Azo Process</translation>
    </message>
    <message>
        <source>铝镁金属粉尘</source>
        <translation>Aluminum/Magnesium Metal Dust</translation>
    </message>
    <message>
        <source>木粉</source>
        <translation>Wood Dust</translation>
    </message>
    <message>
        <source>农副产品粉尘</source>
        <translation>Agricultural Product Dust</translation>
    </message>
    <message>
        <source>纺织纤维粉尘</source>
        <translation>Textile Fiber Dust</translation>
    </message>
    <message>
        <source>合成材料粉尘</source>
        <translation>Synthetic Material Dust</translation>
    </message>
    <message>
        <source>煤粉</source>
        <translation>Coal Dust</translation>
    </message>
    <message>
        <source>其他粉尘</source>
        <translation>Other Dust</translation>
    </message>
    <message>
        <source>被检查单位</source>
        <translation>Inspected Enterprise</translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation>Inspection Date</translation>
    </message>
    <message>
        <source>检查类型</source>
        <translation>Inspection Type</translation>
    </message>
    <message>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>检查开始时间</source>
        <translation>Start Time</translation>
    </message>
    <message>
        <source>检查结束时间</source>
        <translation>End Time</translation>
    </message>
    <message>
        <source>企业陪同人员</source>
        <translation>Enterprise Representatives Present</translation>
    </message>
    <message>
        <source>检查场所</source>
        <translation>Place Inspected</translation>
    </message>
    <message>
        <source>检查情况</source>
        <translation>Inspection Summary</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>执法证号</source>
        <translation>Enforcement Certificate No.</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>在岗</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>本期发现隐患的整改率</source>
        <translation>Rectification rate of hazards found in the period</translation>
    </message>
    <message>
        <source>本期在办隐患的整改率（含往期结转）</source>
        <translation>Rectification rate of hazards open in the period (incl. carried over)</translation>
    </message>
    <message>
        <source>填写整改方案</source>
        <translation>Enter Rectification Plan</translation>
    </message>
    <message>
        <source>开始整改</source>
        <translation>Start Rectification</translation>
    </message>
    <message>
        <source>撤销开始整改</source>
        <translation>Undo Start Rectification</translation>
    </message>
    <message>
        <source>登记整改完成</source>
        <translation>Record Rectification Done</translation>
    </message>
    <message>
        <source>立查立改</source>
        <translation>Rectify on the Spot</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>升级为重大隐患</source>
        <translation>Upgrade to Major Hazard</translation>
    </message>
    <message>
        <source>修改隐患信息</source>
        <translation>Edit Hazard</translation>
    </message>
    <message>
        <source>现场处理措施</source>
        <translation>On-site Measures</translation>
    </message>
    <message>
        <source>追加说明</source>
        <translation>Add Note</translation>
    </message>
    <message>
        <source>添加照片</source>
        <translation>Add Photos</translation>
    </message>
    <message>
        <source>整改责任单位</source>
        <translation>Responsible Unit</translation>
    </message>
    <message>
        <source>整改责任人</source>
        <translation>Responsible Person</translation>
    </message>
    <message>
        <source>整改措施</source>
        <translation>Rectification Measures</translation>
    </message>
    <message>
        <source>整改资金</source>
        <translation>Rectification Funds</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Rectification Deadline</translation>
    </message>
    <message>
        <source>应急预案</source>
        <translation>Contingency Plan</translation>
    </message>
    <message>
        <source>责任</source>
        <translation>Responsibility</translation>
    </message>
    <message>
        <source>措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>资金</source>
        <translation>Funds</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>预案</source>
        <translation>Contingency</translation>
    </message>
    <message>
        <source>隐患部位</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>隐患描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>隐患类别</source>
        <translation>Hazard Category</translation>
    </message>
    <message>
        <source>隐患子类</source>
        <translation>Hazard Subcategory</translation>
    </message>
    <message>
        <source>隐患等级</source>
        <translation>Hazard Level</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Legal Basis</translation>
    </message>
    <message>
        <source>隐患来源</source>
        <translation>Hazard Source</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Enterprise Name</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified Social Credit Code</translation>
    </message>
    <message>
        <source>属地</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>监管类别</source>
        <translation>Supervision Category</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal Representative</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>主要负责人</source>
        <translation>Principal in Charge</translation>
    </message>
    <message>
        <source>安全总监</source>
        <translation>Safety Director</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Contact Phone</translation>
    </message>
    <message>
        <source>经营状态</source>
        <translation>Operating Status</translation>
    </message>
    <message>
        <source>风险等级</source>
        <translation>Risk Grade</translation>
    </message>
    <message>
        <source>粉尘种类</source>
        <translation>Dust Type</translation>
    </message>
    <message>
        <source>涉粉作业人数</source>
        <translation>Workers in Dust Areas</translation>
    </message>
    <message>
        <source>重大危险源等级</source>
        <translation>Major Hazard Installation Grade</translation>
    </message>
    <message>
        <source>危险化工工艺</source>
        <translation>Hazardous Chemical Processes</translation>
    </message>
    <message>
        <source>厂中厂</source>
        <translation>Plant-in-Plant</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>送达文书</source>
        <translation>Documents Served</translation>
    </message>
    <message>
        <source>送达日期</source>
        <translation>Service Date</translation>
    </message>
    <message>
        <source>送达方式</source>
        <translation>Service Method</translation>
    </message>
    <message>
        <source>送达地点</source>
        <translation>Place of Service</translation>
    </message>
    <message>
        <source>收件人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>送达人</source>
        <translation>Served By</translation>
    </message>
    <message>
        <source>隐患总数</source>
        <translation>Total Hazards</translation>
    </message>
    <message>
        <source>本月新发现</source>
        <translation>New This Month</translation>
    </message>
    <message>
        <source>其中重大隐患</source>
        <translation>Incl. Major Hazards</translation>
    </message>
    <message>
        <source>往月结转</source>
        <translation>Carried Over</translation>
    </message>
    <message>
        <source>本月新发现中已销号</source>
        <translation>New, Closed</translation>
    </message>
    <message>
        <source>未销号</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>其中逾期未整改</source>
        <translation>Overdue Rectification</translation>
    </message>
    <message>
        <source>其中逾期未复查</source>
        <translation>Overdue Re-inspection</translation>
    </message>
    <message>
        <source>未销号重大隐患</source>
        <translation>Open Major Hazards</translation>
    </message>
    <message>
        <source>执法机关名称</source>
        <translation>Enforcement Authority Name</translation>
    </message>
    <message>
        <source>文号简称</source>
        <translation>Document No. Abbreviation</translation>
    </message>
    <message>
        <source>辖区名称</source>
        <translation>District Name</translation>
    </message>
    <message>
        <source>现场检查方案代字</source>
        <translation>On-Site Inspection Plan Prefix</translation>
    </message>
    <message>
        <source>现场检查记录代字</source>
        <translation>Site Inspection Record Prefix</translation>
    </message>
    <message>
        <source>现场处理措施决定书代字</source>
        <translation>On-site Measures Decision Prefix</translation>
    </message>
    <message>
        <source>责令限期整改指令书代字</source>
        <translation>Rectification Order Prefix</translation>
    </message>
    <message>
        <source>整改复查意见书代字</source>
        <translation>Re-inspection Opinion Prefix</translation>
    </message>
    <message>
        <source>文书送达回执代字</source>
        <translation>Service Receipt Prefix</translation>
    </message>
    <message>
        <source>行政复议机关（人民政府）</source>
        <translation>Reconsideration Body (People&apos;s Government)</translation>
    </message>
    <message>
        <source>行政复议机关（其他，可不填）</source>
        <translation>Reconsideration Body (Other, Optional)</translation>
    </message>
    <message>
        <source>行政诉讼法院</source>
        <translation>Court for Administrative Lawsuits</translation>
    </message>
    <message>
        <source>机关地址</source>
        <translation>Office Address</translation>
    </message>
    <message>
        <source>整改率口径</source>
        <translation>Rectification Rate Basis</translation>
    </message>
    <message>
        <source>台账填报单位</source>
        <translation>Ledger Reporting Unit</translation>
    </message>
    <message>
        <source>复查期限（日）</source>
        <translation>Re-inspection Period (days)</translation>
    </message>
    <message>
        <source>重复检查提示期（日）</source>
        <translation>Repeat Inspection Warning Period (days)</translation>
    </message>
    <message>
        <source>专项行动截止提醒（日）</source>
        <translation>Campaign Deadline Reminder (days)</translation>
    </message>
    <message>
        <source>已核对原文</source>
        <translation>Verified verbatim</translation>
    </message>
    <message>
        <source>据官方文本</source>
        <translation>From the official text</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>To be verified</translation>
    </message>
    <message>
        <source>本机关检查表</source>
        <translation>Office checklist</translation>
    </message>
    <message>
        <source>检查表名称</source>
        <translation>Checklist name</translation>
    </message>
    <message>
        <source>适用监管类别</source>
        <translation>Supervision categories</translation>
    </message>
    <message>
        <source>检查项</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>检查内容</source>
        <translation>Check item</translation>
    </message>
    <message>
        <source>检查依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>是否重大隐患判定项</source>
        <translation>Major-hazard criterion</translation>
    </message>
    <message>
        <source>复查人员</source>
        <translation>Re-inspected By</translation>
    </message>
    <message>
        <source>复查日期</source>
        <translation>Re-inspection Date</translation>
    </message>
    <message>
        <source>复查结果</source>
        <translation>Re-inspection Result</translation>
    </message>
    <message>
        <source>整改完成日期</source>
        <translation>Completion Date</translation>
    </message>
    <message>
        <source>整改日期</source>
        <translation>Rectification Date</translation>
    </message>
    <message>
        <source>挂牌日期</source>
        <translation>Listing Date</translation>
    </message>
    <message>
        <source>新整改时限</source>
        <translation>New Deadline</translation>
    </message>
    <message>
        <source>督办单位</source>
        <translation>Supervising Authority</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Date Found</translation>
    </message>
    <message>
        <source>照片阶段</source>
        <translation>Photo Stage</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Review Opinion</translation>
    </message>
    <message>
        <source>审批意见</source>
        <translation>Approval Opinion</translation>
    </message>
    <message>
        <source>执法人员（主办）</source>
        <translation>Enforcement Officer (Lead)</translation>
    </message>
    <message>
        <source>执法人员（协办）</source>
        <translation>Enforcement Officer (Second)</translation>
    </message>
    <message>
        <source>检查时间</source>
        <translation>Inspection Date</translation>
    </message>
    <message>
        <source>检查方式</source>
        <translation>Inspection Method</translation>
    </message>
    <message>
        <source>专项行动名称</source>
        <translation>Campaign Title</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start Date</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>edit</translation>
    </message>
    <message>
        <source>提交审核</source>
        <translation>submit for review</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>review</translation>
    </message>
    <message>
        <source>审批</source>
        <translation>approve</translation>
    </message>
    <message>
        <source>整改率 = 本期发现的隐患中已销号的数量 ÷ 本期发现的隐患数量 × 100%</source>
        <translation>Rectification rate = hazards found in the period and closed ÷ hazards found in the period × 100%</translation>
    </message>
    <message>
        <source>整改率 = 已销号的隐患数量 ÷ 本期内任一时间未销号的全部隐患数量（含往期结转）× 100%</source>
        <translation>Rectification rate = hazards closed ÷ all hazards open at any time in the period (incl. carried over) × 100%</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>{year}年{month}月</source>
        <translation>{year}-{month:0&gt;2}</translation>
    </message>
</context>
<context>
    <name>TileButton</name>
    <message>
        <source>查看 ›</source>
        <translation>View ›</translation>
    </message>
    <message>
        <source>{label}：{n} 条，点击打开隐患清单</source>
        <translation>{label}: {n}. Click to open the hazard list</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>发现</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>隐患部位</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>隐患描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Rectification Deadline</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>登记检查</source>
        <translation>Record Inspection</translation>
    </message>
    <message>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Ctrl+Enter 保存</source>
        <translation>Ctrl+Enter to save</translation>
    </message>
    <message>
        <source>保存检查记录</source>
        <translation>Save Inspection Record</translation>
    </message>
    <message>
        <source>检查记录和全部隐患一次保存（Ctrl+Enter）</source>
        <translation>Save the inspection record and all its hazards at once (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>添加隐患</source>
        <translation>Add Hazard</translation>
    </message>
    <message>
        <source>添加一条隐患（Ctrl+N）</source>
        <translation>Add a hazard (Ctrl+N)</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>本次检查尚未登记隐患。

未发现隐患可直接保存；发现隐患请点击“添加隐患”（Ctrl+N）。</source>
        <translation>No hazards recorded for this inspection yet.

If none were found, just save; if hazards were found, click “Add Hazard” (Ctrl+N).</translation>
    </message>
    <message>
        <source>删除隐患</source>
        <translation>Delete Hazard</translation>
    </message>
    <message>
        <source>删除第{n}条隐患（{loc}）？已填写的内容和照片将丢失。</source>
        <translation>Delete hazard {n} ({loc})? Its entries and photos will be lost.</translation>
    </message>
    <message>
        <source>未填写部位</source>
        <translation>Location not filled in</translation>
    </message>
    <message>
        <source>立查立改</source>
        <translation>Rectify on the Spot</translation>
    </message>
    <message>
        <source>（未填写部位）</source>
        <translation>(location not filled in)</translation>
    </message>
    <message>
        <source>（未填写描述）</source>
        <translation>(description not filled in)</translation>
    </message>
    <message>
        <source>重大</source>
        <translation>Major</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>General</translation>
    </message>
    <message>
        <source>{n}张</source>
        <translation>{n} photos</translation>
    </message>
    <message>
        <source>这条隐患有内容需要修改</source>
        <translation>This hazard has entries that need correcting</translation>
    </message>
    <message>
        <source>发现隐患（{n}条）</source>
        <translation>Hazards Found ({n})</translation>
    </message>
    <message>
        <source>发现隐患</source>
        <translation>Hazards Found</translation>
    </message>
    <message>
        <source>发现隐患（{n}）</source>
        <translation>Hazards Found ({n})</translation>
    </message>
    <message>
        <source>检查表（{done}/{n}）</source>
        <translation>Checklist ({done}/{n})</translation>
    </message>
    <message>
        <source>请确认</source>
        <translation>Please Confirm</translation>
    </message>
    <message>
        <source>仍要保存这条检查记录吗？</source>
        <translation>Save this inspection record anyway?</translation>
    </message>
    <message>
        <source>已登记检查记录：{name}，未发现隐患</source>
        <translation>Inspection record saved: {name}, no hazards found</translation>
    </message>
    <message>
        <source>已登记检查记录：{name}，发现隐患{n}条（{numbers}）</source>
        <translation>Inspection record saved: {name}, {n} hazards found ({numbers})</translation>
    </message>
    <message>
        <source>第{n}条隐患：{message}</source>
        <translation>Hazard {n}: {message}</translation>
    </message>
    <message>
        <source>未保存，请修改：</source>
        <translation>Not saved. Please correct:</translation>
    </message>
    <message>
        <source>放弃检查记录</source>
        <translation>Discard Inspection Record</translation>
    </message>
    <message>
        <source>本次检查记录尚未保存，关闭后已填写的内容和照片将丢失。确定放弃吗？</source>
        <translation>This inspection record has not been saved. If you close it, the entries and photos will be lost. Discard it?</translation>
    </message>
</context>
<context>
    <name>VisitHeader</name>
    <message>
        <source>检查信息</source>
        <translation>Inspection Information</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>企业在场人员姓名、职务</source>
        <translation>Names and positions of the enterprise staff present</translation>
    </message>
    <message>
        <source>无执法证号</source>
        <translation>No enforcement certificate no.</translation>
    </message>
    <message>
        <source>{name}
执法证号：{cert}
{unit}
{role}</source>
        <translation>{name}
Certificate No.: {cert}
{unit}
{role}</translation>
    </message>
    <message>
        <source>尚未登记检查人员，请先在“检查人员”中添加</source>
        <translation>No inspectors registered yet; add them under “Inspectors” first</translation>
    </message>
    <message>
        <source>默认为企业地址，可改为具体车间、仓库</source>
        <translation>Defaults to the enterprise address; can be changed to a specific workshop or warehouse</translation>
    </message>
    <message>
        <source>检查了哪些场所、资料和作业，总体情况如何</source>
        <translation>Which places, documents and operations were checked, and the overall situation</translation>
    </message>
    <message>
        <source>安全总监</source>
        <translation>Safety Director</translation>
    </message>
    <message>
        <source>主要负责人</source>
        <translation>Principal in Charge</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal Representative</translation>
    </message>
    <message>
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>已选 {n} 人</source>
        <translation>{n} selected</translation>
    </message>
    <message>
        <source>（现场检查一般应有2人以上）</source>
        <translation>(a site inspection normally needs at least 2 people)</translation>
    </message>
</context>
<context>
    <name>VisitPrintPrompt</name>
    <message>
        <source>检查记录已保存</source>
        <translation>Inspection Record Saved</translation>
    </message>
    <message>
        <source>现在打印本次检查的文书吗？也可以以后在检查记录中打印。</source>
        <translation>Print this inspection&apos;s documents now? You can also print them later from the inspection records.</translation>
    </message>
    <message>
        <source>打印现场检查记录</source>
        <translation>Print Site Inspection Record</translation>
    </message>
    <message>
        <source>打印责令限期整改指令书</source>
        <translation>Print Rectification Order</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>当前检查人员（编号 {id}）不在检查人员名册中，请重新选择当前检查人员</source>
        <translation>The current inspector (no. {id}) is not in the inspector roster; select the current inspector again</translation>
    </message>
    <message>
        <source>检查人员“{name}”已停用，不能办理业务；请重新选择当前检查人员</source>
        <translation>Inspector &quot;{name}&quot; has been deactivated and cannot take any action; select the current inspector again</translation>
    </message>
    <message>
        <source>团队服务器上只能以本人的数据库登录办理业务：当前登录的是“{login}”（{name}）</source>
        <translation>On the team server you can only work under your own database login: the current login is &quot;{login}&quot; ({name})</translation>
    </message>
    <message>
        <source>专项行动须由科室负责人部署或修改</source>
        <translation>Only a supervisor can launch or edit campaigns</translation>
    </message>
    <message>
        <source>该专项行动已被他人修改，请关闭后重新打开再编辑</source>
        <translation>This campaign has been changed by someone else; close it and open it again to edit it</translation>
    </message>
    <message>
        <source>{label}不能为空</source>
        <translation>{label} cannot be empty</translation>
    </message>
    <message>
        <source>截止日期不能早于开始日期</source>
        <translation>The deadline cannot be earlier than the start date</translation>
    </message>
    <message>
        <source>专项行动最长三年</source>
        <translation>A campaign can last at most three years</translation>
    </message>
    <message>
        <source>专项行动不存在</source>
        <translation>The campaign does not exist</translation>
    </message>
    <message>
        <source>无法读取 Excel 文件：{path}（{error}）</source>
        <translation>Cannot read the Excel file: {path} ({error})</translation>
    </message>
    <message>
        <source>文件中没有可见的工作表：{path}</source>
        <translation>The file has no visible worksheet: {path}</translation>
    </message>
    <message>
        <source>前{rows}行中没有找到“检查内容”列：{path}</source>
        <translation>No &quot;检查内容&quot; (check item) column found in the first {rows} rows: {path}</translation>
    </message>
    <message>
        <source>检查表文件有{count}处错误，未导入：</source>
        <translation>The checklist file has {count} errors and was not imported:</translation>
    </message>
    <message>
        <source>{title}（待核实）</source>
        <translation>{title} (to be verified)</translation>
    </message>
    <message>
        <source>{title}（部分条目待核实）</source>
        <translation>{title} (some items to be verified)</translation>
    </message>
    <message>
        <source>{name}{message}</source>
        <translation>{name}: {message}</translation>
    </message>
    <message>
        <source>未找到检查项照片（编号 {id}）</source>
        <translation>Checklist item photo not found (no. {id})</translation>
    </message>
    <message>
        <source>本机关检查表须由科室负责人新建或修改</source>
        <translation>Only a supervisor can create or edit office checklists</translation>
    </message>
    <message>
        <source>判定标准检查表随程序发布，不能修改；可新建本机关检查表</source>
        <translation>The published criteria ship with the program and cannot be edited; you can create an office checklist instead</translation>
    </message>
    <message>
        <source>第{n}项 </source>
        <translation>Item {n} </translation>
    </message>
    <message>
        <source>{label}“{values}”不是有效的监管类别</source>
        <translation>{label}: &quot;{values}&quot; is not a valid supervision category</translation>
    </message>
    <message>
        <source>检查表至少须有一项检查内容</source>
        <translation>A checklist needs at least one check item</translation>
    </message>
    <message>
        <source>检查表最多{limit}项，现有{count}项</source>
        <translation>A checklist can have at most {limit} items; this one has {count}</translation>
    </message>
    <message>
        <source>{prefix}检查内容不能为空</source>
        <translation>{prefix}check item cannot be empty</translation>
    </message>
    <message>
        <source>未找到企业（编号 {id}）</source>
        <translation>Enterprise not found (no. {id})</translation>
    </message>
    <message>
        <source>未找到检查表（版本编号 {id}）</source>
        <translation>Checklist not found (version no. {id})</translation>
    </message>
    <message>
        <source>未找到检查表“{code}”</source>
        <translation>Checklist &quot;{code}&quot; not found</translation>
    </message>
    <message>
        <source>未找到检查项（编号 {id}）</source>
        <translation>Checklist item not found (no. {id})</translation>
    </message>
    <message>
        <source>检查表第{n}项 </source>
        <translation>Checklist item {n} </translation>
    </message>
    <message>
        <source>{prefix}检查项不能为空</source>
        <translation>{prefix}is empty</translation>
    </message>
    <message>
        <source>{prefix}检查项未找到（编号 {id}）</source>
        <translation>{prefix}was not found (no. {id})</translation>
    </message>
    <message>
        <source>{prefix}“{number}”</source>
        <translation>{prefix}&quot;{number}&quot;</translation>
    </message>
    <message>
        <source>{name}与第{other}项重复</source>
        <translation>{name} duplicates item {other}</translation>
    </message>
    <message>
        <source>{name}检查结果应为{choices}之一</source>
        <translation>{name}: the result must be one of {choices}</translation>
    </message>
    <message>
        <source>{name}不合格，须登记对应隐患</source>
        <translation>{name} failed: record the corresponding hazard</translation>
    </message>
    <message>
        <source>{name}为“{result}”，不应关联隐患</source>
        <translation>{name} is &quot;{result}&quot; and must not be linked to a hazard</translation>
    </message>
    <message>
        <source>{name}对应隐患应为本次检查的第1～{count}条隐患</source>
        <translation>{name}: the linked hazard must be one of hazards 1–{count} of this inspection</translation>
    </message>
    <message>
        <source>撤销回避须由科室负责人办理</source>
        <translation>Only a supervisor can withdraw a recusal</translation>
    </message>
    <message>
        <source>请选择须回避的检查人员</source>
        <translation>Select the inspector to recuse</translation>
    </message>
    <message>
        <source>请选择须回避的企业</source>
        <translation>Select the enterprise to recuse from</translation>
    </message>
    <message>
        <source>请填写回避事由（如亲属关系、曾在该企业任职）</source>
        <translation>Enter the reason for recusal (e.g. a family relationship, or former employment at the enterprise)</translation>
    </message>
    <message>
        <source>回避事由最多{limit}字</source>
        <translation>The reason for recusal can be at most {limit} characters</translation>
    </message>
    <message>
        <source>未找到检查人员（编号 {id}）</source>
        <translation>Inspector not found (no. {id})</translation>
    </message>
    <message>
        <source>{name}对“{enterprise}”的回避已登记，无须重复登记</source>
        <translation>The recusal of {name} from &quot;{enterprise}&quot; is already recorded; no need to record it again</translation>
    </message>
    <message>
        <source>未找到回避登记（编号 {id}）</source>
        <translation>Recusal not found (no. {id})</translation>
    </message>
    <message>
        <source>该回避已于{day}撤销</source>
        <translation>This recusal was withdrawn on {day}</translation>
    </message>
    <message>
        <source>请填写日期</source>
        <translation>Please enter a date</translation>
    </message>
    <message>
        <source>无法识别的日期“{text}”，请按 {example} 的格式填写</source>
        <translation>Unrecognized date &quot;{text}&quot;; enter it in the form {example}</translation>
    </message>
    <message>
        <source>年份 {year} 超出范围（{first}—{last}）</source>
        <translation>Year {year} is out of range ({first}–{last})</translation>
    </message>
    <message>
        <source>没有这一天：{year}年{month}月{day}日</source>
        <translation>No such date: {year}-{month:02d}-{day:02d}</translation>
    </message>
    <message>
        <source>企业数量</source>
        <translation>Number of enterprises</translation>
    </message>
    <message>
        <source>隐患数量</source>
        <translation>Number of hazards</translation>
    </message>
    <message>
        <source>{label}不能为负数</source>
        <translation>{label} cannot be negative</translation>
    </message>
    <message>
        <source>数据库中没有未关闭的企业，无法生成隐患：请同时生成企业</source>
        <translation>The database has no enterprises that are not closed, so no hazards can be generated: generate enterprises as well</translation>
    </message>
    <message>
        <source>{kind}不是按检查记录出具的文书</source>
        <translation>{kind} is not a document issued from an inspection record</translation>
    </message>
    <message>
        <source>本次检查</source>
        <translation>this inspection</translation>
    </message>
    <message>
        <source>{who}没有登记检查人员</source>
        <translation>no inspectors are recorded for {who}</translation>
    </message>
    <message>
        <source>持证的只有{names}</source>
        <translation>only {names} hold an enforcement certificate</translation>
    </message>
    <message>
        <source>{names}未登记执法证号</source>
        <translation>{names} have no enforcement certificate no. recorded</translation>
    </message>
    <message>
        <source>{who}只登记了{count}名检查人员</source>
        <translation>only {count} inspectors are recorded for {who}</translation>
    </message>
    <message>
        <source>出具{kind}须有两名持执法证的执法人员：{detail}。请在“检查人员管理”中补登执法证号，或补充执法人员后再出具</source>
        <translation>To issue the {kind}, two enforcement officers with enforcement certificates are needed: {detail}. Add the certificate numbers under &quot;Manage Inspectors&quot;, or add officers, before issuing it</translation>
    </message>
    <message>
        <source>本次检查没有需要现场处理措施的隐患，无需出具现场处理措施决定书（可在隐患上选择“责令从危险区域内撤出作业人员”等现场处理措施）</source>
        <translation>No hazard in this inspection needs on-site measures, so no On-site Measures Decision is needed (on-site measures such as &quot;Order workers to withdraw from the danger area&quot; can be chosen on a hazard)</translation>
    </message>
    <message>
        <source>本次检查没有需要限期整改的隐患（立查立改的隐患不列入指令书），无需出具责令限期整改指令书</source>
        <translation>No hazard in this inspection needs rectification within a deadline (hazards rectified on the spot are not listed in an order), so no Rectification Order is needed</translation>
    </message>
    <message>
        <source>以下隐患尚未确定整改期限，请先填写后再出具指令书：{numbers}</source>
        <translation>These hazards have no rectification deadline yet; enter it before issuing the order: {numbers}</translation>
    </message>
    <message>
        <source>无法识别的文书内容（{kind}）</source>
        <translation>Unrecognized document content ({kind})</translation>
    </message>
    <message>
        <source>请选择要送达的文书</source>
        <translation>Select the documents to serve</translation>
    </message>
    <message>
        <source>一份送达回执最多列{most}份文书，当前选择了{count}份</source>
        <translation>A service receipt can list at most {most} documents; {count} are selected</translation>
    </message>
    <message>
        <source>未找到文书（编号 {id}）</source>
        <translation>Document not found (no. {id})</translation>
    </message>
    <message>
        <source>这些文书不需要送达：{numbers}</source>
        <translation>These documents do not need to be served: {numbers}</translation>
    </message>
    <message>
        <source>以下文书已登记送达：{numbers}</source>
        <translation>Service is already recorded for these documents: {numbers}</translation>
    </message>
    <message>
        <source>一份送达回执只能列同一次检查的文书</source>
        <translation>A service receipt can only list documents of the same inspection</translation>
    </message>
    <message>
        <source>送达日期不能为空</source>
        <translation>The service date cannot be empty</translation>
    </message>
    <message>
        <source>送达日期不能晚于今天</source>
        <translation>The service date cannot be later than today</translation>
    </message>
    <message>
        <source>送达日期不能早于文书的日期（{day:%Y-%m-%d}）</source>
        <translation>The service date cannot be earlier than the document&apos;s date ({day:%Y-%m-%d})</translation>
    </message>
    <message>
        <source>送达方式应为：{methods}</source>
        <translation>The service method must be one of: {methods}</translation>
    </message>
    <message>
        <source>{label}过长：最多{limit}个字符</source>
        <translation>{label} is too long: at most {limit} characters</translation>
    </message>
    <message>
        <source>送达人须为两名执法人员</source>
        <translation>Documents must be served by two enforcement officers</translation>
    </message>
    <message>
        <source>送达人不在检查人员名册中</source>
        <translation>A serving officer is not in the inspector roster</translation>
    </message>
    <message>
        <source>{names}已停用，不能作为送达人</source>
        <translation>Deactivated, cannot serve documents: {names}</translation>
    </message>
    <message>
        <source>文书 {number} 缺少打印内容，无法重印</source>
        <translation>Document {number} has no print content and cannot be reprinted</translation>
    </message>
    <message>
        <source>未找到检查记录（编号 {id}）</source>
        <translation>Inspection record not found (no. {id})</translation>
    </message>
    <message>
        <source>{kind}不能这样出具</source>
        <translation>{kind} cannot be issued this way</translation>
    </message>
    <message>
        <source>未找到隐患（编号 {id}）</source>
        <translation>Hazard not found (no. {id})</translation>
    </message>
    <message>
        <source>隐患 {number} 未列入任何责令限期整改指令书，无法出具整改复查意见书（请先出具指令书）</source>
        <translation>Hazard {number} is not listed in any Rectification Order, so no Re-inspection Opinion can be issued (issue the Rectification Order first)</translation>
    </message>
    <message>
        <source>{day:%Y-%m-%d}的复查</source>
        <translation>the re-inspection on {day:%Y-%m-%d}</translation>
    </message>
    <message>
        <source>隐患 {number} 没有编号为 {id} 的复查记录</source>
        <translation>Hazard {number} has no re-inspection record no. {id}</translation>
    </message>
    <message>
        <source>隐患 {number} 还没有复查记录，请先登记复查结果再出具整改复查意见书</source>
        <translation>Hazard {number} has no re-inspection record yet; record the re-inspection result before issuing the Re-inspection Opinion</translation>
    </message>
    <message>
        <source>校验通过：按保存的抽取范围、检查人员名单和随机数种子重新计算，结果与原抽取结果一致</source>
        <translation>Verified: recomputed from the stored pool, inspector list and random seed, the result matches the original draw</translation>
    </message>
    <message>
        <source>校验未通过：保存的抽取资料与摘要不符，抽取记录可能已被改动</source>
        <translation>Verification failed: the stored draw facts do not match the digest; the draw record may have been altered</translation>
    </message>
    <message>
        <source>校验未通过：重新计算的结果与保存的抽取结果不一致</source>
        <translation>Verification failed: the recomputed result does not match the stored draw</translation>
    </message>
    <message>
        <source>抽取比例须为大于0、不超过100的数（百分比）</source>
        <translation>The share must be a number greater than 0 and at most 100 (percent)</translation>
    </message>
    <message>
        <source>请填写随机数种子（如抽取的日期和时间）</source>
        <translation>Enter a random seed (e.g. the date and time of the draw)</translation>
    </message>
    <message>
        <source>随机数种子最多{limit}个字符</source>
        <translation>The random seed can be at most {limit} characters</translation>
    </message>
    <message>
        <source>抽取数量和抽取比例只能填写一项</source>
        <translation>Enter either the number to draw or the share, not both</translation>
    </message>
    <message>
        <source>抽取范围内没有企业（{scope}），无法抽取</source>
        <translation>There are no enterprises in the pool ({scope}); nothing can be drawn</translation>
    </message>
    <message>
        <source>请填写抽取数量或抽取比例</source>
        <translation>Enter the number to draw or the share</translation>
    </message>
    <message>
        <source>抽取数量至少为1家</source>
        <translation>Draw at least 1 enterprise</translation>
    </message>
    <message>
        <source>抽取数量（{count}家）超过抽取范围内的企业数（{pool}家）</source>
        <translation>The number to draw ({count}) exceeds the number of enterprises in the pool ({pool})</translation>
    </message>
    <message>
        <source>有执法证号的在岗检查人员只有{count}名，每家企业须抽取两名，无法抽取</source>
        <translation>Only {count} active inspectors have an enforcement certificate number; two must be drawn for each enterprise, so the draw cannot be made</translation>
    </message>
    <message>
        <source>未找到计划事项（编号 {id}）</source>
        <translation>Plan item not found (no. {id})</translation>
    </message>
    <message>
        <source>计划事项“{title}”为{mode}，不进行双随机抽取</source>
        <translation>The inspection mode of plan item &quot;{title}&quot; is {mode}, so it has no double-random draw</translation>
    </message>
    <message>
        <source>须回避或上次检查过该企业</source>
        <translation>recused from this enterprise or inspected it last time</translation>
    </message>
    <message>
        <source>须回避该企业</source>
        <translation>recused from this enterprise</translation>
    </message>
    <message>
        <source>企业“{name}”可抽取的检查人员不足两名：有执法证号的在岗检查人员共{total}名，其中{excluded}名{why}。未保存抽取结果</source>
        <translation>Fewer than two inspectors can be drawn for enterprise &quot;{name}&quot;: active inspectors with an enforcement certificate no.: {total}; excluded ({why}): {excluded}. The draw was not saved</translation>
    </message>
    <message>
        <source>未找到抽取记录（编号 {id}）</source>
        <translation>Draw record not found (ID {id})</translation>
    </message>
    <message>
        <source>统计期间的结束日期 {end:%Y-%m-%d} 早于开始日期 {start:%Y-%m-%d}</source>
        <translation>The period ends ({end:%Y-%m-%d}) before it starts ({start:%Y-%m-%d})</translation>
    </message>
    <message>
        <source>2026-11（月）、2026Q3 或 2026-Q3（季）、2026（年）、2026-07-01..2026-09-30（自定义）</source>
        <translation>2026-11 (month), 2026Q3 or 2026-Q3 (quarter), 2026 (year), 2026-07-01..2026-09-30 (custom)</translation>
    </message>
    <message>
        <source>统计期间不正确：“{text}”；应为 {formats}</source>
        <translation>Invalid period: &quot;{text}&quot;; use {formats}</translation>
    </message>
    <message>
        <source>统计期间不正确：“{text}”，{why}；应为 {formats}</source>
        <translation>Invalid period: &quot;{text}&quot;, {why}; use {formats}</translation>
    </message>
    <message>
        <source>年份应在 {first} 到 {last} 之间</source>
        <translation>the year must be between {first} and {last}</translation>
    </message>
    <message>
        <source>“{part}”不是日期</source>
        <translation>&quot;{part}&quot; is not a date</translation>
    </message>
    <message>
        <source>没有 {part} 这一天</source>
        <translation>the date {part} does not exist</translation>
    </message>
    <message>
        <source>请填写统计期间，如 {formats}</source>
        <translation>Enter the period, e.g. {formats}</translation>
    </message>
    <message>
        <source>季度应为 1 到 4</source>
        <translation>the quarter must be 1 to 4</translation>
    </message>
    <message>
        <source>月份应在 1 到 12 之间</source>
        <translation>the month must be between 1 and 12</translation>
    </message>
    <message>
        <source>该企业信息已被他人修改，请关闭后重新打开再编辑</source>
        <translation>This enterprise&apos;s details were changed by someone else; close and reopen it before editing</translation>
    </message>
    <message>
        <source>{category}企业须填写{label}</source>
        <translation>{label} is required for {category} enterprises</translation>
    </message>
    <message>
        <source>统一社会信用代码 {code} 已登记为“{name}”</source>
        <translation>Unified Social Credit Code {code} is already registered to &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>请选择要延期的隐患</source>
        <translation>Select the hazards to extend</translation>
    </message>
    <message>
        <source>{number}：{reason}</source>
        <translation>{number}: {reason}</translation>
    </message>
    <message>
        <source>第{n}条隐患 </source>
        <translation>Hazard {n}: </translation>
    </message>
    <message>
        <source>该隐患已被他人修改，请刷新后重试</source>
        <translation>This hazard was changed by someone else; refresh and try again</translation>
    </message>
    <message>
        <source>{label}不能晚于今天</source>
        <translation>{label} cannot be later than today</translation>
    </message>
    <message>
        <source>隐患所属企业与检查记录的被检查单位不一致</source>
        <translation>The hazard&apos;s enterprise does not match the inspected enterprise of the inspection record</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>text</translation>
    </message>
    <message>
        <source>整数</source>
        <translation>integer</translation>
    </message>
    <message>
        <source>是/否</source>
        <translation>yes/no</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>time</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>amount</translation>
    </message>
    <message>
        <source>数字</source>
        <translation>number</translation>
    </message>
    <message>
        <source>金额（数字）</source>
        <translation>amount (number)</translation>
    </message>
    <message>
        <source>文件路径</source>
        <translation>file path</translation>
    </message>
    <message>
        <source>或</source>
        <translation> or </translation>
    </message>
    <message>
        <source>列表</source>
        <translation>list</translation>
    </message>
    <message>
        <source>{prefix}{label}的值无效：应为{kind}</source>
        <translation>{prefix}{label} has an invalid value; expected {kind}</translation>
    </message>
    <message>
        <source>输入的内容无效</source>
        <translation>Invalid input</translation>
    </message>
    <message>
        <source>{prefix}{label}过长：最多{limit}个字符，当前{count}个</source>
        <translation>{prefix}{label} is too long: at most {limit} characters, currently {count}</translation>
    </message>
    <message>
        <source>{label}的编号无效</source>
        <translation>Invalid ID for {label}</translation>
    </message>
    <message>
        <source>未找到{label}（编号 {ids}）</source>
        <translation>{label} not found (ID {ids})</translation>
    </message>
    <message>
        <source>检查人员少于2人：现场检查一般应由2名以上人员进行</source>
        <translation>Fewer than 2 inspectors: an on-site inspection should normally be carried out by 2 or more people</translation>
    </message>
    <message>
        <source>{label}“{text}”不是有效时间，应如 09:30</source>
        <translation>{label} &quot;{text}&quot; is not a valid time; use e.g. 09:30</translation>
    </message>
    <message>
        <source>被检查单位“{name}”经营状态为“{status}”</source>
        <translation>Inspected enterprise &quot;{name}&quot; has operating status &quot;{status}&quot;</translation>
    </message>
    <message>
        <source>{end}须晚于{start}</source>
        <translation>{end} must be later than {start}</translation>
    </message>
    <message>
        <source>{label}“{names}”已停用</source>
        <translation>{label}: &quot;{names}&quot; deactivated</translation>
    </message>
    <message>
        <source>执法检查须由{count}名以上执法人员进行</source>
        <translation>An enforcement inspection must be carried out by at least {count} enforcement officers</translation>
    </message>
    <message>
        <source>执法检查人员须持有执法证：{names}未填写执法证号</source>
        <translation>Enforcement inspectors must hold an enforcement certificate: no enforcement certificate no. entered for {names}</translation>
    </message>
    <message>
        <source>{prefix}{message}</source>
        <translation>{prefix}{message}</translation>
    </message>
    <message>
        <source>检查人员名册须由科室负责人维护</source>
        <translation>The inspector roster must be maintained by a supervisor</translation>
    </message>
    <message>
        <source>至少须保留一名在岗的科室负责人</source>
        <translation>At least one active supervisor must remain</translation>
    </message>
    <message>
        <source>检查人员“{name}”已停用，不能办理业务</source>
        <translation>Inspector &quot;{name}&quot; is deactivated and cannot carry out any work</translation>
    </message>
    <message>
        <source>执法证号 {number} 已登记为“{name}”</source>
        <translation>Enforcement certificate no. {number} is already registered to &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>月份格式不正确：“{month}”，应为“年-月”，如 2026-11</source>
        <translation>Invalid month format: &quot;{month}&quot;; use year-month, e.g. 2026-11</translation>
    </message>
    <message>
        <source>月份不正确：“{month}”，月份应在 1 到 12 之间</source>
        <translation>Invalid month: &quot;{month}&quot;; the month must be between 1 and 12</translation>
    </message>
    <message>
        <source>年份不正确：“{month}”</source>
        <translation>Invalid year: &quot;{month}&quot;</translation>
    </message>
    <message>
        <source>监管类别“{category}”不存在，可选：{choices}</source>
        <translation>Supervision category &quot;{category}&quot; does not exist; choose from: {choices}</translation>
    </message>
    <message>
        <source>已取消统计</source>
        <translation>Counting canceled</translation>
    </message>
    <message>
        <source>{label}应为以下之一或几项：{options}</source>
        <translation>{label} must be one or more of: {options}</translation>
    </message>
    <message>
        <source>{label}“{value}”无效，可选：{options}</source>
        <translation>{label} &quot;{value}&quot; is invalid; choose from: {options}</translation>
    </message>
    <message>
        <source>{label}不能早于发现日期（{found_on}）</source>
        <translation>{label} cannot be earlier than the date found ({found_on})</translation>
    </message>
    <message>
        <source>{missing}未填写，不能进入整改中</source>
        <translation>{missing} not entered; the hazard cannot move to &quot;Rectifying&quot;</translation>
    </message>
    <message>
        <source>重大隐患须由科室负责人复查销号</source>
        <translation>Major hazards must be re-inspected and closed by a supervisor</translation>
    </message>
    <message>
        <source>重大隐患不能立查立改，须制定整改方案并挂牌督办</source>
        <translation>Major hazards cannot be rectified on the spot: a rectification plan is required and the hazard must be listed for supervision</translation>
    </message>
    <message>
        <source>隐患已销号，不能{action}；如需更正，请追加说明</source>
        <translation>The hazard is closed, so &quot;{action}&quot; is not possible; to make a correction, add a note</translation>
    </message>
    <message>
        <source>隐患当前状态为“{state}”，不能{action}</source>
        <translation>The hazard is currently &quot;{state}&quot;, so &quot;{action}&quot; is not possible</translation>
    </message>
    <message>
        <source>尚未确定整改时限，不能延期；请先填写整改方案</source>
        <translation>No rectification deadline has been set, so it cannot be extended; enter the rectification plan first</translation>
    </message>
    <message>
        <source>该隐患已是重大隐患</source>
        <translation>This hazard is already a major hazard</translation>
    </message>
    <message>
        <source>该隐患不是检查中发现的，不能作出现场处理措施决定</source>
        <translation>This hazard was not found in an inspection, so no on-site measures decision can be made</translation>
    </message>
    <message>
        <source>{label}不能早于{other}（{day}）</source>
        <translation>{label} cannot be earlier than {other} ({day})</translation>
    </message>
    <message>
        <source>整改中的隐患须保持五到位：{missing}不能清空</source>
        <translation>A hazard being rectified must keep the five-in-place plan: {missing} cannot be cleared</translation>
    </message>
    <message>
        <source>整改中的隐患变更整改时限须办理延期（说明理由）</source>
        <translation>Changing the rectification deadline of a hazard being rectified requires an extension (with a reason)</translation>
    </message>
    <message>
        <source>整改时限已写入责令限期整改指令书（{number}），变更须办理延期（说明理由）</source>
        <translation>The rectification deadline is already in the Rectification Order ({number}); changing it requires an extension (with a reason)</translation>
    </message>
    <message>
        <source>开始整改之后该隐患已有其他记录，不能撤销开始整改</source>
        <translation>The hazard has other records since rectification started, so starting rectification cannot be undone</translation>
    </message>
    <message>
        <source>复查不合格须填写复查意见</source>
        <translation>A failed re-inspection requires re-inspection comments</translation>
    </message>
    <message>
        <source>复查不合格须重新确定整改时限</source>
        <translation>A failed re-inspection requires a new rectification deadline</translation>
    </message>
    <message>
        <source>新整改时限须晚于复查日期（{day}）</source>
        <translation>The new rectification deadline must be later than the re-inspection date ({day})</translation>
    </message>
    <message>
        <source>延期须说明理由</source>
        <translation>An extension requires a reason</translation>
    </message>
    <message>
        <source>新整改时限须晚于原整改时限（{day}）</source>
        <translation>The new rectification deadline must be later than the original one ({day})</translation>
    </message>
    <message>
        <source>现场处理措施已写入现场处理措施决定书（{number}），不能再修改；如需更正，请追加说明</source>
        <translation>The on-site measures are already in the On-site Measures Decision ({number}) and can no longer be changed; to make a correction, add a note</translation>
    </message>
    <message>
        <source>说明内容不能为空</source>
        <translation>The note cannot be empty</translation>
    </message>
    <message>
        <source>请选择要添加的照片</source>
        <translation>Select the photos to add</translation>
    </message>
    <message>
        <source>团队服务器（PostgreSQL）的数据由服务器管理员用 pg_dump / pg_restore 备份和恢复</source>
        <translation>Data on the team server (PostgreSQL) is backed up and restored by the server administrator with pg_dump / pg_restore</translation>
    </message>
    <message>
        <source>备份失败：{reason}</source>
        <translation>Backup failed: {reason}</translation>
    </message>
    <message>
        <source>机关设置须由科室负责人修改</source>
        <translation>Office settings can only be changed by a supervisor</translation>
    </message>
    <message>
        <source>尚未填写机关设置（执法机关名称、文号简称、复议机关和法院），请先在“文件 → 机关设置”中填写</source>
        <translation>Office settings (enforcement authority name, document no. abbreviation, reconsideration body and court) have not been entered yet; enter them first under &quot;File → Office Settings&quot;</translation>
    </message>
    <message>
        <source>{label}应为整数</source>
        <translation>{label} must be an integer</translation>
    </message>
    <message>
        <source>{label}应在{low}到{high}日之间</source>
        <translation>{label} must be between {low} and {high} days</translation>
    </message>
    <message>
        <source>{label}应为文字</source>
        <translation>{label} must be text</translation>
    </message>
    <message>
        <source>{label}过长：最多{limit}个字符，当前{count}个</source>
        <translation>{label} is too long: at most {limit} characters, currently {count}</translation>
    </message>
    <message>
        <source>{label}含有控制字符</source>
        <translation>{label} contains control characters</translation>
    </message>
    <message>
        <source>文号简称不要带括号，只填简称（文号中括号内的字）</source>
        <translation>Do not include brackets in the document no. abbreviation; enter only the abbreviation (the characters inside the brackets of the document number)</translation>
    </message>
    <message>
        <source>{label}只填代字，如“{word}”</source>
        <translation>{label}: enter only the prefix, e.g. &quot;{word}&quot;</translation>
    </message>
    <message>
        <source>{value}（{label}）</source>
        <translation>{value} ({label})</translation>
    </message>
    <message>
        <source>整改率口径应为：{options}</source>
        <translation>The rectification rate basis must be one of: {options}</translation>
    </message>
    <message>
        <source>当前检查人员不存在或已停用，不能修改机关设置</source>
        <translation>The current inspector does not exist or is deactivated and cannot change office settings</translation>
    </message>
    <message>
        <source>没有这些机关设置项：{names}</source>
        <translation>No such office settings: {names}</translation>
    </message>
    <message>
        <source>照片文件{shown}不存在或无法读取</source>
        <translation>Photo file {shown} does not exist or cannot be read</translation>
    </message>
    <message>
        <source>照片内容为空：请选择图片文件</source>
        <translation>The photo is empty: select an image file</translation>
    </message>
    <message>
        <source>照片{shown}是空文件</source>
        <translation>Photo {shown} is an empty file</translation>
    </message>
    <message>
        <source>照片{shown}不是JPEG或PNG图片</source>
        <translation>Photo {shown} is not a JPEG or PNG image</translation>
    </message>
    <message>
        <source>照片{shown}像素过多（{width}×{height}），最多{limit}百万像素；请缩小后再添加</source>
        <translation>Photo {shown} has too many pixels ({width}×{height}), at most {limit} megapixels; scale it down before adding</translation>
    </message>
    <message>
        <source>照片{shown}像素过多，最多{limit}百万像素；请缩小后再添加</source>
        <translation>Photo {shown} has too many pixels, at most {limit} megapixels; scale it down before adding</translation>
    </message>
    <message>
        <source>照片{shown}已损坏或格式不完整，无法读取（{error}）</source>
        <translation>Photo {shown} is damaged or incomplete and cannot be read ({error})</translation>
    </message>
    <message>
        <source>照片{shown}过大：最大{limit}MB，当前{size:.1f}MB</source>
        <translation>Photo {shown} is too large: at most {limit} MB, currently {size:.1f} MB</translation>
    </message>
    <message>
        <source>未找到照片（编号 {id}）</source>
        <translation>Photo not found (ID {id})</translation>
    </message>
    <message>
        <source>本次检查{what}，须填写检查理由后才能保存</source>
        <translation>This inspection is flagged ({what}); enter a reason for the visit before saving</translation>
    </message>
    <message>
        <source>其他检查组</source>
        <translation>another inspection team</translation>
    </message>
    <message>
        <source>该企业{year}年已检查{done}次，检查计划（{where}）规定每年最多{cap}次；本次为第{nth}次</source>
        <translation>This enterprise has been inspected {done} times in {year}; the inspection plan ({where}) allows at most {cap} per year; this is inspection no. {nth}</translation>
    </message>
    <message>
        <source>该企业已于{day}由{names}检查（{kind}），本机关规定{days}日内不重复检查</source>
        <translation>This enterprise was inspected on {day} by {names} ({kind}); this office does not repeat inspections within {days} days</translation>
    </message>
    <message>
        <source>检查计划须由科室负责人制定或修改</source>
        <translation>Inspection plans can only be made or changed by a supervisor</translation>
    </message>
    <message>
        <source>该检查计划已被他人修改，请关闭后重新打开再编辑</source>
        <translation>This inspection plan was changed by someone else; close and reopen it before editing</translation>
    </message>
    <message>
        <source>事项“{title}”已有双随机抽取、专项行动或检查方案引用，不能删除</source>
        <translation>Item &quot;{title}&quot; is used by a double-random draw, a campaign or an on-site inspection plan and cannot be deleted</translation>
    </message>
    <message>
        <source>检查计划不存在</source>
        <translation>The inspection plan does not exist</translation>
    </message>
    <message>
        <source>第{n}项事项：</source>
        <translation>Item {n}: </translation>
    </message>
    <message>
        <source>检查事项不能为空</source>
        <translation>The item cannot be empty</translation>
    </message>
    <message>
        <source>检查方式应为重点检查或双随机抽查</source>
        <translation>The inspection method must be Key Inspection or Double-Random Inspection</translation>
    </message>
    <message>
        <source>检查频次应为每年1到{most}次</source>
        <translation>The frequency must be 1 to {most} times a year</translation>
    </message>
    <message>
        <source>检查上限应不少于检查频次（{frequency}次），最多{most}次</source>
        <translation>The cap must be at least the frequency ({frequency}) and at most {most}</translation>
    </message>
    <message>
        <source>实施月份应为1到12月</source>
        <translation>Months must be 1 to 12</translation>
    </message>
    <message>
        <source>双随机抽查须填写抽取比例或抽取家数（二选一）</source>
        <translation>A double-random inspection needs a share or a count of enterprises to draw (one of the two)</translation>
    </message>
    <message>
        <source>抽取比例应在0到100%之间</source>
        <translation>The share must be between 0 and 100%</translation>
    </message>
    <message>
        <source>抽取家数至少为1</source>
        <translation>The count must be at least 1</translation>
    </message>
    <message>
        <source>年度应在{first}到{last}年之间</source>
        <translation>The year must be between {first} and {last}</translation>
    </message>
    <message>
        <source>计划名称不能为空</source>
        <translation>The plan name cannot be empty</translation>
    </message>
    <message>
        <source>检查计划至少要有一个事项</source>
        <translation>An inspection plan must have at least one item</translation>
    </message>
    <message>
        <source>检查计划最多{most}个事项</source>
        <translation>An inspection plan can have at most {most} items</translation>
    </message>
    <message>
        <source>今天截止</source>
        <translation>deadline today</translation>
    </message>
    <message>
        <source>还有{days}天截止（{deadline:%m月%d日}）</source>
        <translation>{days} days left (deadline {deadline:%m-%d})</translation>
    </message>
    <message>
        <source>已于{deadline:%m月%d日}截止</source>
        <translation>deadline passed on {deadline:%m-%d}</translation>
    </message>
    <message>
        <source>专项行动“{title}”{when}，尚有{missing}家企业未检查（共{total}家）</source>
        <translation>Campaign &quot;{title}&quot;, {when}: {missing} enterprises not yet inspected (of {total})</translation>
    </message>
    <message>
        <source>{days}日内到期的隐患{count}条，请督促企业按期整改</source>
        <translation>{count} hazards due within {days} days; urge the enterprises to rectify them on time</translation>
    </message>
    <message>
        <source>待复查的隐患{count}条，其中{late}条已超过{days}日复查期限</source>
        <translation>{count} hazards pending re-inspection, {late} of them past the {days}-day re-inspection period</translation>
    </message>
    <message>
        <source>待复查的隐患{count}条</source>
        <translation>{count} hazards pending re-inspection</translation>
    </message>
    <message>
        <source>{label}“{value}”无效，应填“是”或“否”</source>
        <translation>{label} &quot;{value}&quot; is invalid; enter &quot;Yes&quot; or &quot;No&quot;</translation>
    </message>
    <message>
        <source>{label}应为整数（人数）</source>
        <translation>{label} must be a whole number (of people)</translation>
    </message>
    <message>
        <source>{label}“{value}”应为整数（人数）</source>
        <translation>{label} &quot;{value}&quot; must be a whole number (of people)</translation>
    </message>
    <message>
        <source>{label}“{count}”不合理，请核对</source>
        <translation>{label} &quot;{count}&quot; is not plausible; please check it</translation>
    </message>
    <message>
        <source>{label}被 Excel 转成了数字（{shown}），请把该列设为文本格式后重新录入</source>
        <translation>Excel converted {label} to a number ({shown}); set the column to text format and enter it again</translation>
    </message>
    <message>
        <source>{message}（该单元格是数字，区号开头的0可能已被 Excel 去掉，请把该列设为文本格式）</source>
        <translation>{message} (the cell is a number, so Excel may have removed the leading 0 of the area code; set the column to text format)</translation>
    </message>
    <message>
        <source>第{row}行</source>
        <translation>Row {row}</translation>
    </message>
    <message>
        <source>{label} {code} 与{others}重复（同一企业出现多次）</source>
        <translation>{label} {code} also appears in {others} (the same enterprise is listed more than once)</translation>
    </message>
    <message>
        <source>第{rows}行是模板中的示例企业，已忽略</source>
        <translation>Ignored the template&apos;s sample enterprise (row {rows})</translation>
    </message>
    <message>
        <source>表格中只有模板的示例行，请填写要导入的企业</source>
        <translation>The sheet contains only the template&apos;s sample rows; fill in the enterprises to import</translation>
    </message>
    <message>
        <source>表头中“{label}”出现了两次（第{first}列和第{second}列），请删除或改名其中一列</source>
        <translation>The header has &quot;{label}&quot; twice (columns {first} and {second}); delete or rename one of them</translation>
    </message>
    <message>
        <source>缺少必需的列：{columns}（表头在第{row}行）</source>
        <translation>Required columns missing: {columns} (header in row {row})</translation>
    </message>
    <message>
        <source>第{row}行 {field}：{message}</source>
        <translation>Row {row}, {field}: {message}</translation>
    </message>
    <message>
        <source>{field}：{message}</source>
        <translation>{field}: {message}</translation>
    </message>
    <message>
        <source>变更：{fields}</source>
        <translation>Changes: {fields}</translation>
    </message>
    <message>
        <source>与已登记信息相同</source>
        <translation>Same as the registered information</translation>
    </message>
    <message>
        <source>共{rows}行：新增{new}，更新{updated}，错误{errors}，无变化{unchanged}</source>
        <translation>{rows} rows: {new} new, {updated} updated, {errors} errors, {unchanged} unchanged</translation>
    </message>
    <message>
        <source>共{rows}行：新增{new}，更新{updated}，错误{errors}</source>
        <translation>{rows} rows: {new} new, {updated} updated, {errors} errors</translation>
    </message>
    <message>
        <source>无法保存模板：没有写入权限，或文件正在 Excel 中打开（{path}）</source>
        <translation>Cannot save the template: no write permission, or the file is open in Excel ({path})</translation>
    </message>
    <message>
        <source>无法保存模板：文件夹不存在（{path}）</source>
        <translation>Cannot save the template: the folder does not exist ({path})</translation>
    </message>
    <message>
        <source>无法保存模板：{path}（{reason}）</source>
        <translation>Cannot save the template: {path} ({reason})</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>这是一个文件夹，不是 Excel 文件：{path}</source>
        <translation>This is a folder, not an Excel file: {path}</translation>
    </message>
    <message>
        <source>无法打开文件（没有权限，或文件正被其他程序占用）：{path}</source>
        <translation>Cannot open the file (no permission, or it is in use by another program): {path}</translation>
    </message>
    <message>
        <source>无法打开文件：{path}（{reason}）</source>
        <translation>Cannot open the file: {path} ({reason})</translation>
    </message>
    <message>
        <source>“{name}”是旧版 Excel 97-2003（.xls）文件或受密码保护的文件，请在 Excel 中另存为“Excel 工作簿（.xlsx）”后再导入</source>
        <translation>&quot;{name}&quot; is an old Excel 97-2003 (.xls) file or a password-protected file. Save it in Excel as &quot;Excel Workbook (.xlsx)&quot; and then import it</translation>
    </message>
    <message>
        <source>“{name}”不是 Excel（.xlsx）文件，请在 Excel 中另存为 .xlsx 后再导入</source>
        <translation>&quot;{name}&quot; is not an Excel (.xlsx) file. Save it as .xlsx in Excel and then import it</translation>
    </message>
    <message>
        <source>“{name}”不是 Excel（.xlsx）文件</source>
        <translation>&quot;{name}&quot; is not an Excel (.xlsx) file</translation>
    </message>
    <message>
        <source>“{name}”中没有工作表</source>
        <translation>&quot;{name}&quot; has no sheets</translation>
    </message>
    <message>
        <source>“{name}”中没有可见的工作表</source>
        <translation>&quot;{name}&quot; has no visible sheets</translation>
    </message>
    <message>
        <source>已跳过隐藏的工作表“{hidden}”，导入的是“{sheet}”</source>
        <translation>Skipped the hidden sheet &quot;{hidden}&quot;; imported &quot;{sheet}&quot;</translation>
    </message>
    <message>
        <source>无法读取“{name}”：文件已损坏或不是有效的 Excel（.xlsx）文件（{error}）</source>
        <translation>Cannot read &quot;{name}&quot;: the file is damaged or not a valid Excel (.xlsx) file ({error})</translation>
    </message>
    <message>
        <source>工作表“{sheet}”是空的，没有可导入的内容</source>
        <translation>Sheet &quot;{sheet}&quot; is empty; there is nothing to import</translation>
    </message>
    <message>
        <source>未找到表头：第1–{last}行中没有“{label}”列</source>
        <translation>Header not found: no &quot;{label}&quot; column in rows 1–{last}</translation>
    </message>
    <message>
        <source>第{row}行{column}列的内容达到 Excel 单元格上限（{limit}个字符），可能已被截断，请核对原始资料</source>
        <translation>The content of row {row}, column {column} reaches the Excel cell limit ({limit} characters) and may have been cut off; check the original data</translation>
    </message>
    <message>
        <source>表头（第{row}行）下面没有企业数据</source>
        <translation>There is no enterprise data below the header (row {row})</translation>
    </message>
    <message>
        <source>表头含合并单元格：{ranges}，请取消合并，每列只留一个列名</source>
        <translation>The header has merged cells: {ranges}. Unmerge them and keep one column name per column</translation>
    </message>
    <message>
        <source>已取消导入，未写入任何数据。</source>
        <translation>Import canceled; nothing was written.</translation>
    </message>
    <message>
        <source>未导入：有{rows}行存在错误，未写入任何数据。请修正后重新导入，或选择“跳过错误行，只导入正确的行”（命令行：加 --partial）。</source>
        <translation>Not imported: {rows} rows contain errors and nothing was written. Correct them and import again, or choose &quot;Skip rows with errors and import only the valid rows&quot; (command line: add --partial).</translation>
    </message>
    <message>
        <source>，无变化{count}家</source>
        <translation>, {count} unchanged</translation>
    </message>
    <message>
        <source>，跳过错误行{count}行</source>
        <translation>, {count} rows with errors skipped</translation>
    </message>
    <message>
        <source>导入完成：新增{created}家，更新{updated}家{more}。</source>
        <translation>Import complete: {created} added, {updated} updated{more}.</translation>
    </message>
    <message>
        <source>……另有{count}条错误未列出</source>
        <translation>…{count} more errors not listed</translation>
    </message>
    <message>
        <source>导入未完成：数据库中已有相同统一社会信用代码的企业（可能是其他人刚刚登记的），请重新导入</source>
        <translation>Import not completed: an enterprise with the same unified social credit code is already in the database (perhaps someone else has just registered it). Please import again</translation>
    </message>
    <message>
        <source>导入未完成：部分企业信息刚被他人修改，请重新导入</source>
        <translation>Import not completed: someone else has just changed some of the enterprises&apos; details. Please import again</translation>
    </message>
    <message>
        <source>未找到被检查单位（编号 {id}）</source>
        <translation>Inspected enterprise not found (ID {id})</translation>
    </message>
    <message>
        <source>未找到双随机抽查结果（编号 {id}）</source>
        <translation>Double-random draw result not found (ID {id})</translation>
    </message>
    <message>
        <source>未找到专项行动（编号 {id}）</source>
        <translation>Campaign not found (ID {id})</translation>
    </message>
    <message>
        <source>请选择{label}</source>
        <translation>Select {label}</translation>
    </message>
    <message>
        <source>未找到{label}（编号 {id}）</source>
        <translation>{label} not found (ID {id})</translation>
    </message>
    <message>
        <source>{label}“{name}”已停用</source>
        <translation>{label} &quot;{name}&quot; is deactivated</translation>
    </message>
    <message>
        <source>{label}“{name}”未登记执法证号，不能作为执法人员</source>
        <translation>{label} &quot;{name}&quot; has no enforcement certificate no. registered and cannot act as an enforcement officer</translation>
    </message>
    <message>
        <source>检查时间不能早于今天：现场检查方案应在检查前制定并审批</source>
        <translation>The inspection date cannot be earlier than today: an on-site inspection plan must be drawn up and approved before the inspection</translation>
    </message>
    <message>
        <source>两名执法人员不能是同一人</source>
        <translation>The two enforcement officers cannot be the same person</translation>
    </message>
    <message>
        <source>{name}已申报对“{enterprise}”回避，不能担任本次执法人员</source>
        <translation>{name} has declared a recusal from &quot;{enterprise}&quot; and cannot be an enforcement officer for this inspection</translation>
    </message>
    <message>
        <source>被检查单位与双随机抽查结果中的企业不一致</source>
        <translation>The inspected enterprise does not match the enterprise in the double-random draw result</translation>
    </message>
    <message>
        <source>现场检查方案须由科室负责人{step}：当前检查人员“{name}”不是科室负责人</source>
        <translation>Only a supervisor can {step} an on-site inspection plan: the current inspector &quot;{name}&quot; is not a supervisor</translation>
    </message>
    <message>
        <source>现场检查方案须由科室负责人{step}：请以本人身份登录后办理</source>
        <translation>Only a supervisor can {step} an on-site inspection plan: please log in as yourself to do this</translation>
    </message>
    <message>
        <source>审批人不能与审核人为同一人（{name}已审核本方案），请由另一名科室负责人审批；只有一名在岗科室负责人时可由其本人审批</source>
        <translation>The approver cannot be the reviewer ({name} reviewed this plan); ask another supervisor to approve it. If only one supervisor is on duty, they may approve it themselves</translation>
    </message>
    <message>
        <source>该现场检查方案已被他人修改或办理，请刷新后重试</source>
        <translation>This on-site inspection plan has been changed or processed by someone else. Refresh and try again</translation>
    </message>
    <message>
        <source>未找到现场检查方案（编号 {id}）</source>
        <translation>On-site inspection plan not found (ID {id})</translation>
    </message>
    <message>
        <source>该现场检查方案当前为“{state}”，不能{doing}</source>
        <translation>Cannot {doing}: this on-site inspection plan is &quot;{state}&quot;</translation>
    </message>
    <message>
        <source>请填写{label}</source>
        <translation>Enter {label}</translation>
    </message>
    <message>
        <source>{label}过长：最多{limit}个字符，当前{length}个</source>
        <translation>{label} is too long: at most {limit} characters, currently {length}</translation>
    </message>
    <message>
        <source>本方案</source>
        <translation>This plan</translation>
    </message>
    <message>
        <source>所选现场检查方案为“{state}”，须经审批后才能按方案登记检查</source>
        <translation>The selected on-site inspection plan is &quot;{state}&quot;; it must be approved before an inspection can be recorded under it</translation>
    </message>
    <message>
        <source>所选现场检查方案已登记过检查，一份方案只对应一次检查</source>
        <translation>An inspection has already been recorded under the selected on-site inspection plan; each plan is for one inspection only</translation>
    </message>
    <message>
        <source>所选现场检查方案的被检查单位与本次检查不一致</source>
        <translation>The inspected enterprise of the selected on-site inspection plan differs from this inspection&apos;s</translation>
    </message>
    <message>
        <source>检查日期早于方案审批日期（{day:%Y-%m-%d}）</source>
        <translation>The inspection date is earlier than the plan&apos;s approval date ({day:%Y-%m-%d})</translation>
    </message>
    <message>
        <source>检查时间（{day:%Y-%m-%d}）已过，不能再审批；请退回并修改检查时间后重新提交</source>
        <translation>The inspection date ({day:%Y-%m-%d}) has passed, so the plan can no longer be approved; return it, change the inspection date and submit it again</translation>
    </message>
    <message>
        <source>目标企业的{label}不存在：{values}</source>
        <translation>Target enterprises: unknown {label}: {values}</translation>
    </message>
    <message>
        <source>指定企业最多{count}家；更多企业请按类别、属地等条件选定</source>
        <translation>At most {count} hand-picked enterprises; to select more, use conditions such as category and jurisdiction</translation>
    </message>
    <message>
        <source>目标企业的属地不能为空白</source>
        <translation>The jurisdiction of the target enterprises cannot be blank</translation>
    </message>
    <message>
        <source>只有团队服务器（PostgreSQL）需要为每人创建数据库登录；本机数据库无需此步</source>
        <translation>Only the team server (PostgreSQL) needs a database login created for each person; the local database does not need this step</translation>
    </message>
    <message>
        <source>登录名只用小写字母、数字和下划线，以字母开头，如 zhangming</source>
        <translation>A login name uses only lowercase letters, digits and underscores, and starts with a letter, e.g. zhangming</translation>
    </message>
    <message>
        <source>密码至少{count}位</source>
        <translation>The password must be at least {count} characters</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{label}应为18位，当前为{length}位</source>
        <translation>{label} must be 18 characters; it has {length}</translation>
    </message>
    <message>
        <source>{label}含有无效字符：{chars}（不使用 I、O、Z、S、V）</source>
        <translation>{label} contains invalid characters: {chars} (I, O, Z, S and V are not used)</translation>
    </message>
    <message>
        <source>{label}第3–8位应为行政区划码（数字）</source>
        <translation>Characters 3–8 of {label} must be the administrative division code (digits)</translation>
    </message>
    <message>
        <source>{label}校验位错误：末位应为 {expected}，请核对</source>
        <translation>{label} has a wrong check character: the last character should be {expected}; please check it</translation>
    </message>
    <message>
        <source>{label}格式不正确：应为11位手机号或带区号的固定电话（如 0519-85123456）</source>
        <translation>{label} is invalid: it should be an 11-digit mobile number or a landline number with area code (e.g. 0519-85123456)</translation>
    </message>
    <message>
        <source>{label}应为数字（单位：元）</source>
        <translation>{label} must be a number (in yuan)</translation>
    </message>
    <message>
        <source>{label}过大：应小于 100 亿元</source>
        <translation>{label} is too large: it must be less than 10 billion yuan</translation>
    </message>
    <message>
        <source>{label}最多保留两位小数（到分）</source>
        <translation>{label} can have at most two decimal places (to the fen)</translation>
    </message>
    <message>
        <source>{label}“{day}”超出范围</source>
        <translation>{label} &quot;{day}&quot; is out of range</translation>
    </message>
    <message>
        <source>{label}“{text}”不是有效日期，应如 2026-11-03</source>
        <translation>{label} &quot;{text}&quot; is not a valid date; it should look like 2026-11-03</translation>
    </message>
    <message>
        <source>（无法读取）</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{table}{count}</source>
        <translation>{table} {count}</translation>
    </message>
    <message>
        <source>无结果</source>
        <translation>no result</translation>
    </message>
    <message>
        <source>数据库完整性检查未通过：{result}</source>
        <translation>Database integrity check failed: {result}</translation>
    </message>
    <message>
        <source>数据库正被其他程序使用（可能是另一个打开的窗口），请先关闭所有使用该数据库的程序后再恢复</source>
        <translation>The database is in use by another program (perhaps another open window). Close all programs that use the database before restoring</translation>
    </message>
    <message>
        <source>数据库正被其他程序使用，请先关闭所有使用该数据库的程序后再恢复</source>
        <translation>The database is in use by another program. Close all programs that use the database before restoring</translation>
    </message>
    <message>
        <source>已恢复 {taken:%Y-%m-%d %H:%M:%S} 的备份（{after}）</source>
        <translation>Restored the backup of {taken:%Y-%m-%d %H:%M:%S} ({after})</translation>
    </message>
    <message>
        <source>已恢复 {taken:%Y-%m-%d %H:%M:%S} 的备份（{after}）；恢复前的数据（{before}）已另存为 {path}</source>
        <translation>Restored the backup of {taken:%Y-%m-%d %H:%M:%S} ({after}); the data before the restore ({before}) was saved as {path}</translation>
    </message>
    <message>
        <source>找不到备份文件：{path}</source>
        <translation>Backup file not found: {path}</translation>
    </message>
    <message>
        <source>备份文件无法读取，未作任何改动：{path}（{reason}）</source>
        <translation>The backup file cannot be read; nothing was changed: {path} ({reason})</translation>
    </message>
    <message>
        <source>数据库文件无法打开：{path}（{reason}）。文件可能已损坏或不是本程序的数据库；可用“inspector restore”恢复备份。</source>
        <translation>Cannot open the database file: {path} ({reason}). The file may be damaged or not a database of this program; use &quot;inspector restore&quot; to restore a backup.</translation>
    </message>
    <message>
        <source>未能备份数据库到 {folder}：{reason}。请检查磁盘空间和文件夹权限。</source>
        <translation>Could not back up the database to {folder}: {reason}. Check the disk space and the folder permissions.</translation>
    </message>
    <message>
        <source>数据库结构需要升级，但当前登录没有权限：请服务器管理员先用自己的登录运行 inspector migrate</source>
        <translation>The database structure needs an upgrade, but the current login has no permission: the server administrator must first run inspector migrate with their own login</translation>
    </message>
    <message>
        <source>数据库结构升级失败，已撤销本次升级，数据库保持原样（{error}）；升级前的备份：{backup}</source>
        <translation>The database structure upgrade failed and was undone; the database is unchanged ({error}); backup made before the upgrade: {backup}</translation>
    </message>
    <message>
        <source>数据库结构升级失败，已撤销本次升级，数据库保持原样（{error}）</source>
        <translation>The database structure upgrade failed and was undone; the database is unchanged ({error})</translation>
    </message>
    <message>
        <source>数据库用户没有 CREATEROLE 权限，未能创建检查员/科室负责人角色；团队服务器的权限规则未生效，请由有该权限的管理员运行一次 inspector migrate</source>
        <translation>The database user lacks the CREATEROLE privilege, so the inspector and supervisor roles could not be created; the team server&apos;s permission rules are not in effect. Ask an administrator with this privilege to run inspector migrate once</translation>
    </message>
    <message>
        <source>当前数据库用户没有 CREATEROLE 权限，不能创建登录用户</source>
        <translation>The current database user lacks the CREATEROLE privilege and cannot create logins</translation>
    </message>
    <message>
        <source>文书种类应为 record、decision、order、review 或 document，而不是“{kind}”</source>
        <translation>The document kind must be record, decision, order, review or document, not &quot;{kind}&quot;</translation>
    </message>
    <message>
        <source>统计表文件应以 .xlsx 结尾：{path}</source>
        <translation>The statistics file must end in .xlsx: {path}</translation>
    </message>
    <message>
        <source>填报人姓名过长：最多{limit}个字符，当前{count}个</source>
        <translation>The preparer&apos;s name is too long: at most {limit} characters, currently {count}</translation>
    </message>
    <message>
        <source>导出已取消，未生成文件</source>
        <translation>Export canceled; no file was created</translation>
    </message>
    <message>
        <source>纸张应为 {papers}：{paper}</source>
        <translation>Paper must be {papers}: {paper}</translation>
    </message>
    <message>
        <source>台账文件应以 .xlsx 结尾：{path}</source>
        <translation>The ledger file must end in .xlsx: {path}</translation>
    </message>
    <message>
        <source>属地“{jurisdiction}”没有登记企业；现有属地：{known}</source>
        <translation>No enterprises are registered in jurisdiction &quot;{jurisdiction}&quot;; existing jurisdictions: {known}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
</TS>
