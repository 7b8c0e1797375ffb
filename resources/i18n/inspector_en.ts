<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法写入文件：{error}
如果该文件正在 Excel 或 WPS 中打开，请先关闭后再导出。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入企业名录 — 预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件：{file}&#x3000;工作表：{sheet}&#x3000;表头在第{row}行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>以下列不导入：{cols}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只显示错误行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>跳过错误行，只导入正确的行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选中一行可查看完整说明。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第{row}行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有{n}处错误：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>：将更新已登记的企业，变更字段：{fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>：与已登记信息相同，不会写入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>：将新增登记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有{n}行存在错误：请修正 Excel 后重新导入，或勾选“跳过错误行，只导入正确的行”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有需要导入的新企业或变更。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入企业名录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导入：{done}/{total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>读取企业名录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取 {name}：第{done}行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择企业名录 Excel 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存企业名录导入模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法保存模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存模板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入模板已保存到：
{path}

按“说明”工作表填写后，用“导入企业名录”导入。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>安全生产检查与隐患闭环整改台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>程序错误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法访问数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>可能是网络中断或数据库服务器已关闭。请检查网络后重试；刚才的操作没有保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>程序出现了意外错误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这是程序的缺陷，不是您的操作问题。刚才的操作可能没有完成，请检查后重试；如果反复出现，请把“详细信息”复制给维护人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>详细信息也已写入日志文件：{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不支持这种数据库地址（缺少对应的数据库驱动）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库地址格式不正确。应如 sqlite:///D:/台账/inspector.sqlite3 或 postgresql://用户@服务器/库名。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法连接数据库服务器或打开数据库文件：服务器可能未启动、网络不通、用户名密码错误，或文件夹没有写入权限。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有权限访问数据库文件或其所在文件夹。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开或升级数据库时出错。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>团队服务器 {server} 的登录“{user}”的密码：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码不正确，请重新输入。
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登录团队服务器</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开数据库：{url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请检查启动参数 --db 或环境变量 INSPECTOR_DB_URL，然后重新启动程序。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未选择检查人员：可在“检查”菜单中选择</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <source>新增企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑企业 — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与营业执照一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18位，如 91320411MA1XXXXXXX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>园区、镇或街道，可直接输入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 化学原料和化学制品制造业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未评定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>联系人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 董事长、总经理（印在现场检查记录上）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>法定代表人（负责人）的职务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>手机号或 0519-85123456</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>监管信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在粉尘作业区域作业的人数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重点监管危险化工工艺，可多选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>是（在其他企业厂区内租用场地）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>还有 {n} 处需要修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>填写的内容尚未保存，确定要放弃吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnterpriseFileDialog</name>
    <message>
        <source>一企一档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>暂无检查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>暂无隐患记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未开具文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>双击文书可再次打印（编号、日期和内容不变）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>隐患</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执法文书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记检查…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在隐患整改中查看</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑企业信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state}（逾期）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>隐患共 {total} 条，这里列出最近 {n} 条；全部请点“在隐患整改中查看”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未送达</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查记录（{n}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>隐患（{n}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执法文书（{n}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>隐患整改情况：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚无隐患记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>逾期 {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>挂牌督办 {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一企一档 — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{grade}色风险</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} 人</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnterprisePage</name>
    <message>
        <source>企业台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增企业（Ctrl+N）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑所选企业（Ctrl+E 或回车）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>企业档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看所选企业的一企一档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>搜索企业名称、统一社会信用代码或地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {n} 家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {n} 家（已筛选）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增企业</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnterprisePicker</name>
    <message>
        <source>输入企业名称、统一社会信用代码或地址的一部分，然后从列表中选择</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未找到匹配“{text}”的企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仅显示前{n}个，请输入更多文字缩小范围</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未选择企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>风险等级：{g}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HazardEditor</name>
    <message>
        <source>如：2号车间配电室、甲类仓库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>存在的问题，如：配电箱前堆放杂物，未保持0.8米操作通道</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如：《安全生产法》第四十一条；GB 50016-2014 第3.3.1条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改时限设为检查日期后{n}天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立查立改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一般隐患当场整改完毕，登记后直接销号；重大隐患不能立查立改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现场整改措施，如：当场清理杂物</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重大事故隐患排除前无法保证安全时当场作出的处理决定，打印现场处理措施决定书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>依据条款</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>现场处理措施</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改前照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改后照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重大隐患不能立查立改，须制定整改方案并挂牌督办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一般隐患当场整改完毕，登记后直接销号</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>安全生产检查与隐患闭环整改台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安全检查台账</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导入企业名录…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从 Excel 批量导入企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下载导入模板…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存企业名录导入模板（Excel）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出执法统计报表…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按月、季、年统计各属地的检查、执法文书、隐患整改和挂牌督办，导出 Excel 报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>机关设置…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执法机关名称、文号、复议机关和法院、台账填报单位等</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把数据库备份到数据文件夹的 backups/ 中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复备份…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用以前的备份替换当前数据（先另存当前数据）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑所选企业（也可双击或按回车）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>企业档案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看所选企业的一企一档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>搜索企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记检查…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录一次现场检查及发现的隐患</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查人员管理…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登记、修改、停用检查人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>切换当前检查人员…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择以谁的身份办理业务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>企业(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查(&amp;I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前用户：{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（负责人）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前检查人员已变更</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>。请重新选择当前检查人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查人员名册已变更：当前用户 {name}（{role}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>科室负责人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记企业 {n} 家</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先在列表中选择一家企业</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已刷新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记检查，发现隐患 {n} 条：{numbers}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已登记检查，未发现隐患</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存机关设置：此后出具的文书和台账使用新的设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已备份到：{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>切换当前检查人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>团队服务器上以本人的数据库登录办理业务；换人请退出程序，用另一位的登录名和密码重新登录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前检查人员：{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;安全生产检查与隐患闭环整改台账&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;用于记录安全生产检查、登记隐患并跟踪整改直至销号（闭环管理）。&lt;/p&gt;&lt;p&gt;{db}&lt;/p&gt;&lt;p style=&apos;color:#6b7280&apos;&gt;界面字体：文泉驿微米黑（Apache-2.0 / GPL-3+ 字体例外）&lt;br&gt;Qt {qt}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>无法读写文件“{file}”：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法读写文件：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如果该文件正在 Excel、WPS 或 PDF 阅读器中打开，请先关闭后再试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在处理，请稍候…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoPreviewDialog</name>
    <message>
        <source>{w} × {h} 像素</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法显示该图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>暂无{phase}照片 — 点击“添加照片…”、粘贴截图或把图片拖到这里</source>
        <extracomment>what the preview dialog does; tests replace it to avoid a modal loop</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>暂无{phase}照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择一张或多张 JPEG/PNG 照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>粘贴剪贴板中的截图或复制的图片文件（Ctrl+V）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>移除选中的未保存照片（Delete）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保留原图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>照片默认缩小到打印尺寸（长边2000像素）保存，打印快、数据库小；勾选后按原文件保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加{phase}照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>剪贴板中没有图片：请先复制截图或图片文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拖入的内容不是图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>照片未添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>载入中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>照片{n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{phase}：{name}
{size:.0f} KB，{when} 添加
双击查看大图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法显示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{phase}：{name}
{size:.0f} KB，尚未保存
双击查看大图，Delete 移除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开照片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查看大图</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>统计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计期间：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{y}年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>自定义</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按属地</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按隐患类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结束日期不能早于开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>整改率口径（机关设置）：{label}。{formula}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计期间 {period}；已销号截至 {as_of}；“目前…”截至 {today}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>登记检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter 保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存检查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查记录和全部隐患一次保存（Ctrl+Enter）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>企业在场人员姓名、职务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无执法证号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未登记检查人员，请先在“检查人员”中添加</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>默认为企业地址，可改为具体车间、仓库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查了哪些场所、资料和作业，总体情况如何</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加隐患</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加一条隐患（Ctrl+N）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次检查尚未登记隐患。

未发现隐患可直接保存；发现隐患请点击“添加隐患”（Ctrl+N）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除隐患</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除第{n}条隐患（{loc}）？已填写的内容和照片将丢失。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未填写部位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立查立改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未填写部位）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未填写描述）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一般</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}张</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这条隐患有内容需要修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现隐患（{n}条）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>发现隐患</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安全总监</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>主要负责人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已选 {n} 人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（现场检查一般应有2人以上）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>仍要保存这条检查记录吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未保存，请修改：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>放弃检查记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次检查记录尚未保存，关闭后已填写的内容和照片将丢失。确定放弃吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
