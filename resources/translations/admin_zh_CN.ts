<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<!-- The back office (issue 12): the administration window, starpos admin, the
     set-up checklist, the names of records in refusals (context terms). -->
<context>
    <name>errors</name>
    <message>
        <source>There is already a {what} with the code {code}. Choose another code.</source>
        <translation>已有编码为 {code} 的{what}。请选择其他编码。</translation>
    </message>
    <message>
        <source>There is no {what} with the code {code}. Check the code in the list.</source>
        <translation>没有编码为 {code} 的{what}。请在列表中核对编码。</translation>
    </message>
    <message>
        <source>Cannot delete {what} {code}: it is still used by {users} ({count}). Change those first, or keep it.</source>
        <translation>无法删除{what} {code}：仍有{users}在使用它（{count} 个）。请先修改它们，或保留它。</translation>
    </message>
    <message>
        <source>{field} cannot be {value}: {reason}</source>
        <translation>{field} 不能为 {value}：{reason}</translation>
    </message>
    <message>
        <source>{code} is not a usable code: use 1 to 20 letters, digits, '-' or '_', without spaces.</source>
        <translation>{code} 不是可用的编码：请使用 1 到 20 个字母、数字、“-”或“_”，不含空格。</translation>
    </message>
    <message>
        <source>Meter {number} is installed for customer {customer}: cancel its contract first (the meter then returns to stock).</source>
        <translation>电表 {number} 已为客户 {customer} 安装：请先取消其合同（电表随后回到库存）。</translation>
    </message>
    <message>
        <source>This computer is terminal {terminal}, which is not active: nobody may log in on it. An administrator can make it active under Terminals.</source>
        <translation>本机是终端 {terminal}，该终端未启用：任何人都不能在其上登录。管理员可在“终端”中启用它。</translation>
    </message>
    <message>
        <source>The file {file} has no column {columns}. Its first line must name the columns (see docs/csv-formats.md).</source>
        <translation>文件 {file} 没有列 {columns}。第一行必须列出各列名称（见 docs/csv-formats.md）。</translation>
    </message>
    <message>
        <source>The file {file} cannot be read as UTF-8 CSV: {reason}.</source>
        <translation>文件 {file} 无法作为 UTF-8 CSV 读取：{reason}。</translation>
    </message>
    <message>
        <source>The file {file} was not imported: {count} row(s) have problems (the first on line {line}, column {column}). Nothing was written; fix the rows named and import the whole file again.</source>
        <translation>文件 {file} 未导入：{count} 行有问题（第一处在第 {line} 行，{column} 列）。未写入任何数据；请修正所列各行后重新导入整个文件。</translation>
    </message>
    <message>
        <source>{value} is also on line {other}; each may be in the file only once.</source>
        <translation>{value} 也出现在第 {other} 行；每项在文件中只能出现一次。</translation>
    </message>
    <message>
        <source>{value} is not allowed here: give {allowed}.</source>
        <translation>此处不允许 {value}：请填写 {allowed}。</translation>
    </message>
    <message>
        <source>There is already an operator with the code {operator}. Choose another code.</source>
        <translation>已有编码为 {operator} 的操作员。请选择其他编码。</translation>
    </message>
    <message>
        <source>There is already an operator role with the code {role}. Choose another code.</source>
        <translation>已有编码为 {role} 的操作员角色。请选择其他编码。</translation>
    </message>
    <message>
        <source>The role {role} is given to {count} operator(s) ({operators}): take it from them before deleting it.</source>
        <translation>角色 {role} 已分配给 {count} 个操作员（{operators}）：删除前请先从他们那里撤销。</translation>
    </message>
    <message>
        <source>There is no sales point {sales_point}. Choose one from Sales Points.</source>
        <translation>没有售电点 {sales_point}。请从“售电点”中选择。</translation>
    </message>
    <message>
        <source>Operator {operator} is the last one who may edit operators: keep their login allowed, or give another operator that right first.</source>
        <translation>操作员 {operator} 是最后一个可以编辑操作员的人：请保留其登录权限，或先把该权限授予其他操作员。</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>branch</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>sales point</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>payment term</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>meter model</source>
        <translation>电表型号</translation>
    </message>
    <message>
        <source>charge item</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>tariff</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>operator role</source>
        <translation>操作员角色</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>meter</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>售电记录</translation>
    </message>
    <message>
        <source>terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>meters</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>sales points</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>customer types</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>replacement reasons</source>
        <translation>换表原因</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Meter range</source>
        <translation>电表号段</translation>
    </message>
    <message>
        <source>give the three-letter ISO 4217 code, like USD.</source>
        <translation>请填写三个字母的 ISO 4217 代码，例如 USD。</translation>
    </message>
    <message>
        <source>give a time zone name like Africa/Lagos.</source>
        <translation>请填写时区名称，例如 Africa/Lagos。</translation>
    </message>
    <message>
        <source>give an amount above 0.</source>
        <translation>请填写大于 0 的金额。</translation>
    </message>
    <message>
        <source>it must not be empty.</source>
        <translation>不能为空。</translation>
    </message>
    <message>
        <source>stock in at most 100,000 meters at a time.</source>
        <translation>每次最多入库 100,000 块电表。</translation>
    </message>
    <message>
        <source>the first and the last meter must have the same manufacturer code.</source>
        <translation>第一块和最后一块电表的厂商代码必须相同。</translation>
    </message>
    <message>
        <source>the last meter must come after the first.</source>
        <translation>最后一块电表必须排在第一块之后。</translation>
    </message>
    <message>
        <source>give at most 10 default amounts.</source>
        <translation>最多填写 10 个默认金额。</translation>
    </message>
    <message>
        <source>region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>replacement reason</source>
        <translation>换表原因</translation>
    </message>
    <message>
        <source>meter replacements</source>
        <translation>换表记录</translation>
    </message>
    <message>
        <source>Company and currency (system parameters)</source>
        <translation>公司与币种（系统参数）</translation>
    </message>
    <message>
        <source>A sales point (with its branch)</source>
        <translation>一个售电点（及其分支机构）</translation>
    </message>
    <message>
        <source>This computer as a terminal of a sales point</source>
        <translation>本机作为某售电点的终端</translation>
    </message>
    <message>
        <source>A meter model</source>
        <translation>一个电表型号</translation>
    </message>
    <message>
        <source>A tariff</source>
        <translation>一个电价</translation>
    </message>
    <message>
        <source>A customer type</source>
        <translation>一个客户类型</translation>
    </message>
    <message>
        <source>Default amounts (the cashier's quick amounts)</source>
        <translation>默认金额（收银员的快捷金额）</translation>
    </message>
    <message>
        <source>An operator for the counter (who may sell)</source>
        <translation>一名柜台操作员（可售电）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>Sales points</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>Terminals (computers)</source>
        <translation>终端（计算机）</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Banks</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Meter models</source>
        <translation>电表型号</translation>
    </message>
    <message>
        <source>Charge items</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Customer types</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Meter replacement reasons</source>
        <translation>换表原因</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>Forbid to sales</source>
        <translation>禁止售电</translation>
    </message>
    <message>
        <source>Sales point</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Pay type</source>
        <translation>付费类型</translation>
    </message>
    <message>
        <source>Phases (1 or 3)</source>
        <translation>相数（1 或 3）</translation>
    </message>
    <message>
        <source>CT ratio</source>
        <translation>CT 变比</translation>
    </message>
    <message>
        <source>PT ratio</source>
        <translation>PT 变比</translation>
    </message>
    <message>
        <source>Using life (years)</source>
        <translation>使用寿命（年）</translation>
    </message>
    <message>
        <source>Pre-installed amount</source>
        <translation>预置金额</translation>
    </message>
    <message>
        <source>Calculate method</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Calculate VAT</source>
        <translation>计算增值税</translation>
    </message>
    <message>
        <source>VAT (%)</source>
        <translation>增值税（%）</translation>
    </message>
    <message>
        <source>Prearrange amount</source>
        <translation>预约金额</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Repayment amount</source>
        <translation>还款金额</translation>
    </message>
    <message>
        <source>Repayment percentage</source>
        <translation>还款百分比</translation>
    </message>
    <message>
        <source>Free basic electricity (kWh a month)</source>
        <translation>免费基本电量（每月 kWh）</translation>
    </message>
</context>
<context>
    <name>admin</name>
    <message>
        <source>Company and currency (system parameters)</source>
        <translation>公司与币种（系统参数）</translation>
    </message>
    <message>
        <source>A sales point (with its branch)</source>
        <translation>一个售电点（及其分支机构）</translation>
    </message>
    <message>
        <source>This computer as a terminal of a sales point</source>
        <translation>本机作为某售电点的终端</translation>
    </message>
    <message>
        <source>A meter model</source>
        <translation>一个电表型号</translation>
    </message>
    <message>
        <source>A tariff</source>
        <translation>一个电价</translation>
    </message>
    <message>
        <source>A customer type</source>
        <translation>一个客户类型</translation>
    </message>
    <message>
        <source>Default amounts (the cashier's quick amounts)</source>
        <translation>默认金额（收银员的快捷金额）</translation>
    </message>
    <message>
        <source>An operator for the counter (who may sell)</source>
        <translation>一名柜台操作员（可售电）</translation>
    </message>
    <message>
        <source>The terminal in the numbering of sales and replacements (a sales point has several terminals, each would make the same bill numbers)</source>
        <translation>在售电和换表的单据编号中加入终端（某售电点有多台终端，各自会生成相同的单据号）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>Sales points</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>Terminals (computers)</source>
        <translation>终端（计算机）</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Banks</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Meter models</source>
        <translation>电表型号</translation>
    </message>
    <message>
        <source>Charge items</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Customer types</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Meter replacement reasons</source>
        <translation>换表原因</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>分支机构</translation>
    </message>
    <message>
        <source>Forbid to sales</source>
        <translation>禁止售电</translation>
    </message>
    <message>
        <source>Sales point</source>
        <translation>售电点</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Pay type</source>
        <translation>付费类型</translation>
    </message>
    <message>
        <source>Phases (1 or 3)</source>
        <translation>相数（1 或 3）</translation>
    </message>
    <message>
        <source>CT ratio</source>
        <translation>CT 变比</translation>
    </message>
    <message>
        <source>PT ratio</source>
        <translation>PT 变比</translation>
    </message>
    <message>
        <source>Using life (years)</source>
        <translation>使用寿命（年）</translation>
    </message>
    <message>
        <source>Pre-installed amount</source>
        <translation>预置金额</translation>
    </message>
    <message>
        <source>Calculate method</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Calculate VAT</source>
        <translation>计算增值税</translation>
    </message>
    <message>
        <source>VAT (%)</source>
        <translation>增值税（%）</translation>
    </message>
    <message>
        <source>Prearrange amount</source>
        <translation>预约金额</translation>
    </message>
    <message>
        <source>Repayment method</source>
        <translation>还款方式</translation>
    </message>
    <message>
        <source>Repayment amount</source>
        <translation>还款金额</translation>
    </message>
    <message>
        <source>Repayment percentage</source>
        <translation>还款百分比</translation>
    </message>
    <message>
        <source>Free basic electricity (kWh a month)</source>
        <translation>免费基本电量（每月 kWh）</translation>
    </message>
    <message>
        <source>StarPOS administration</source>
        <translation>StarPOS 管理</translation>
    </message>
    <message>
        <source>Set-up checklist</source>
        <translation>设置清单</translation>
    </message>
    <message>
        <source>System parameters</source>
        <translation>系统参数</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete {kind} {code}?</source>
        <translation>删除{kind} {code}？</translation>
    </message>
    <message>
        <source>What a utility needs before the counter can sell. Choose an item with the arrow keys and press Enter to open its screen.</source>
        <translation>柜台售电前供电公司需要完成的设置。用方向键选择一项，按回车键打开对应界面。</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>待完成</translation>
    </message>
    <message>
        <source>The utility is ready to sell.</source>
        <translation>供电公司已可以售电。</translation>
    </message>
    <message>
        <source>{count} item(s) still to do.</source>
        <translation>还有 {count} 项待完成。</translation>
    </message>
    <message>
        <source>New record: {kind}</source>
        <translation>新建记录：{kind}</translation>
    </message>
    <message>
        <source>{field} is not a number: type digits with at most one '.'.</source>
        <translation>{field} 不是数字：请输入数字，最多一个“.”。</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Code, name or any value</source>
        <translation>编码、名称或任意值</translation>
    </message>
    <message>
        <source>E&amp;xact</source>
        <translation>精确(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Add (Ins)</source>
        <translation>新增(&amp;A)（Ins）</translation>
    </message>
    <message>
        <source>&amp;Edit (F2)</source>
        <translation>编辑(&amp;E)（F2）</translation>
    </message>
    <message>
        <source>&amp;Delete (Del)</source>
        <translation>删除(&amp;D)（Del）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Tax reference</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>Currency (ISO 4217)</source>
        <translation>币种（ISO 4217）</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Warn amount</source>
        <translation>警告金额</translation>
    </message>
    <message>
        <source>Amount decimals</source>
        <translation>金额小数位</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>blacklisted</source>
        <translation>黑名单</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>电表</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Debt</source>
        <translation>欠款</translation>
    </message>
    <message>
        <source>Code, name, ID number or meter number</source>
        <translation>编码、姓名、证件号或电表号</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>{count} shown (the first {page} by code)</source>
        <translation>显示 {count} 条（按编码的前 {page} 条）</translation>
    </message>
    <message>
        <source>Default amounts</source>
        <translation>默认金额</translation>
    </message>
    <message>
        <source>The amounts of the cashier's quick keys, F1 first, separated by spaces (at most 10). Enter saves.</source>
        <translation>收银员快捷键的金额，从 F1 开始，用空格分隔（最多 10 个）。按回车键保存。</translation>
    </message>
    <message>
        <source>login forbidden</source>
        <translation>禁止登录</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>all rights</source>
        <translation>全部权限</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New operator</source>
        <translation>新建操作员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>&amp;Forbid or allow login (F8)</source>
        <translation>禁止或允许登录(&amp;F)（F8）</translation>
    </message>
    <message>
        <source>&amp;Unlock (F9)</source>
        <translation>解锁(&amp;U)（F9）</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Done: {what}.</source>
        <translation>完成：{what}。</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {why}</source>
        <translation>第 {line} 行，{column} 列：{why}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>待完成</translation>
    </message>
    <message>
        <source>The utility is ready to sell.</source>
        <translation>供电公司已可以售电。</translation>
    </message>
    <message>
        <source>Current password of {operator}: </source>
        <translation>{operator} 的当前密码：</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>The store is empty: log in as STAR with the password star (you will choose a new one), then follow the set-up checklist (starpos admin checklist).</source>
        <translation>数据库为空：请以 STAR 身份、密码 star 登录（您将设置新密码），然后按照设置清单操作（starpos admin checklist）。</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>Or start empty to set up your own utility: log in as STAR with the password star, choose a new password, and the administration opens on a set-up checklist.</source>
        <translation>或者从空白开始设置您自己的供电公司：以 STAR 身份、密码 star 登录，设置新密码，管理界面将打开设置清单。</translation>
    </message>
</context>
</TS>
